package org.helpline.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The chat and staff APIs as the nurse chat tests call them over real HTTP (RestAssured). */
public final class ChatApi {

  private ChatApi() {
  }

  /** A request signed in as one of the demo staff accounts (password: name-test-pw). */
  public static RequestSpecification as(String name) {
    return given().auth().preemptive().basic(name, name + "-test-pw");
  }

  /** One chat turn with text or a payload ({@code field}); answers the checked 200 reply. */
  public static ValidatableResponse send(String conversationId, String field, String value) {
    Map<String, String> body = new HashMap<>();
    body.put(field, value);
    if (conversationId != null) {
      body.put("conversationId", conversationId);
    }
    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat").then()
        .statusCode(200);
  }

  /** The id of the conversation's entry in the nurses' queue (open or claimed). */
  public static String handoffOf(String conversationId) {
    List<Map<String, Object>> entries = as("nurse").when().get("/api/v1/staff/handoffs").then()
        .statusCode(200).extract().jsonPath().getList("$");
    return entries.stream().filter(e -> conversationId.equals(e.get("conversationId")))
        .map(e -> (String) e.get("id")).findFirst().orElseThrow();
  }
}
