package org.helpline.staff.editor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every editor endpoint asks for sign-in, refuses nurses and lets editors and admins in. This
 * profile runs on packaged content, so a reload is refused with 409.
 */
@QuarkusTest
class EditorAccessTest {

  private static RequestSpecification as(String name, String password) {
    return given().auth().preemptive().basic(name, password);
  }

  private static int call(RequestSpecification request, String method, String path) {
    return (method.equals("POST") ? request.when().post(path) : request.when().get(path))
        .then().extract().statusCode();
  }

  @ParameterizedTest
  @CsvSource({"GET, /api/v1/staff/unrecognised", "GET, /api/v1/staff/feedback",
      "GET, /api/v1/staff/evaluation", "POST, /api/v1/staff/content/reload"})
  void withoutCredentialsTheEndpointAsksToSignIn(String method, String path) {
    assertEquals(401, call(given(), method, path));
  }

  @ParameterizedTest
  @CsvSource({"GET, /api/v1/staff/unrecognised", "GET, /api/v1/staff/feedback",
      "GET, /api/v1/staff/evaluation", "POST, /api/v1/staff/content/reload"})
  void aNurseIsNotAllowed(String method, String path) {
    assertEquals(403,
        call(as("nurse", "nurse-test-pw"), method, path));
  }

  @ParameterizedTest
  @CsvSource({"editor, editor-test-pw", "admin, admin-test-pw"})
  void editorsAndAdminsCanReadTheReports(String name, String password) {
    as(name, password).when().get("/api/v1/staff/unrecognised").then().statusCode(200);
    as(name, password).when().get("/api/v1/staff/feedback").then().statusCode(200);
    as(name, password).when().get("/api/v1/staff/evaluation").then().statusCode(200);
  }

  @ParameterizedTest
  @CsvSource({"editor, editor-test-pw", "admin, admin-test-pw"})
  void reloadingPackagedContentIsRefusedWithAClearReason(String name, String password) {
    as(name, password).when().post("/api/v1/staff/content/reload").then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409))
        .body("detail", containsString("helpline.content.dir"));
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/staff/unrecognised?days=0", "/api/v1/staff/feedback?days=400",
      "/api/v1/staff/unrecognised?days=soon"})
  void aBadPeriodIsRefused(String path) {
    as("editor", "editor-test-pw").when().get(path).then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("days must be a whole number from 1 to 365"));
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/staff/unrecognised, get, staff", "/api/v1/staff/feedback, get, staff",
      "/api/v1/staff/evaluation, get, staff", "/api/v1/staff/content/reload, post, staff",
      "/api/v1/chat/feedback, post, Chat"})
  void theOpenApiDocumentListsTheEndpoint(String path, String method, String tag) {
    given().queryParam("format", "json").when().get("/q/openapi").then()
        .statusCode(200)
        .body("paths.'" + path + "'." + method + ".tags", hasItem(tag));
  }
}
