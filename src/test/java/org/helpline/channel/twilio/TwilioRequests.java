package org.helpline.channel.twilio;

import static io.restassured.RestAssured.given;

import com.twilio.security.RequestValidator;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds Twilio webhook requests from the recorded bodies and signs them with Twilio's own
 * SDK, so the tests do not trust our verifier's arithmetic.
 */
public final class TwilioRequests {

  static final String PATH = "/webhooks/twilio";

  private TwilioRequests() {
  }

  /** A recorded body from {@code channels/twilio/}, as ordered parameters. */
  static Map<String, String> recorded(String name) {
    String resource = "/channels/twilio/" + name;
    try (InputStream in = TwilioRequests.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      Map<String, String> params = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return params;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inbound SMS with this sender, text and a fresh message SID. */
  public static Map<String, String> sms(String from, String text) {
    Map<String, String> params = recorded("inbound-sms.form");
    String sid = newSid("SM");
    params.put("From", from);
    params.put("Body", text);
    params.put("MessageSid", sid);
    params.put("SmsSid", sid);
    params.put("SmsMessageSid", sid);
    return params;
  }

  /** A fresh Twilio-shaped message SID (two letters and 32 hex digits). */
  static String newSid(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  /** A fresh fictitious UK mobile number, so no two tests share a conversation. */
  public static String newNumber() {
    return "+447700" + (900000 + (int) (Math.random() * 99_999));
  }

  /**
   * The X-Twilio-Signature Twilio would send. The SDK's signing method is private in 11.x, so it
   * is called reflectively; its public {@code validate} is checked to accept the result.
   */
  public static String sign(String authToken, String url, Map<String, String> params) {
    RequestValidator validator = new RequestValidator(authToken);
    try {
      Method method = RequestValidator.class.getDeclaredMethod("getValidationSignature",
          String.class, Map.class);
      method.setAccessible(true);
      String signature = (String) method.invoke(validator, url, params);
      if (!validator.validate(url, params, signature)) {
        throw new IllegalStateException("the SDK refuses its own signature");
      }
      return signature;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Twilio SDK changed: no getValidationSignature", e);
    }
  }

  /** The body as Twilio encodes it (UTF-8 form encoding). */
  static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Posts the parameters with the given signature header (none when null). */
  public static ValidatableResponse post(Map<String, String> params, String signature) {
    var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .body(encode(params));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return request.when().post(PATH).then();
  }
}
