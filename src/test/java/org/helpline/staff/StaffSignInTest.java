package org.helpline.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Staff sign in with HTTP Basic against the accounts file; the public chat stays open. */
@QuarkusTest
class StaffSignInTest {

  @Test
  void withoutCredentialsStaffEndpointsAsk() {
    given().when().get("/api/v1/staff/me").then()
        .statusCode(401)
        .header("WWW-Authenticate", containsStringIgnoringCase("basic realm"));
  }

  @Test
  void aWrongPasswordOrUnknownNameIsRefused() {
    given().auth().preemptive().basic("nurse", "not-the-password")
        .when().get("/api/v1/staff/me").then().statusCode(401);
    given().auth().preemptive().basic("nobody", "nurse-test-pw")
        .when().get("/api/v1/staff/me").then().statusCode(401);
  }

  @Test
  void tenWrongPasswordsLockThatNameEvenForTheRightOneButNoOtherName() {
    // "trainee" is used by this test only, so the lock cannot disturb other tests.
    for (int i = 0; i < 10; i++) {
      given().auth().preemptive().basic("trainee", "guess-" + i)
          .when().get("/api/v1/staff/me").then().statusCode(401);
    }
    given().auth().preemptive().basic("trainee", "trainee-test-pw")
        .when().get("/api/v1/staff/me").then().statusCode(401);
    given().auth().preemptive().basic("nurse", "nurse-test-pw")
        .when().get("/api/v1/staff/me").then().statusCode(200);
  }

  @Test
  void aNurseSeesHerRoles() {
    given().auth().preemptive().basic("nurse", "nurse-test-pw")
        .when().get("/api/v1/staff/me").then()
        .statusCode(200)
        .body("name", equalTo("nurse"))
        .body("roles", containsInAnyOrder("nurse"));
  }

  @Test
  void anAdminHoldsEveryRole() {
    given().auth().preemptive().basic("admin", "admin-test-pw")
        .when().get("/api/v1/staff/me").then()
        .statusCode(200)
        .body("roles", containsInAnyOrder("admin", "clinician", "editor", "nurse"));
  }
}
