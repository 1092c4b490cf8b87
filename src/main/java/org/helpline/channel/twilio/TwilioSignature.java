package org.helpline.channel.twilio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.helpline.channel.messaging.Signatures;

/**
 * Twilio's request signature: Base64 HMAC-SHA1, keyed with the auth token, of the webhook URL
 * followed by every POST parameter's name and value, sorted by name.
 */
final class TwilioSignature {

  private TwilioSignature() {
  }

  /** Whether {@code signature} is the one Twilio makes for these parameters at this URL. */
  static boolean matches(String authToken, String webhookUrl, Map<String, List<String>> params,
      String signature) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    return Signatures.constantTimeEquals(expected(authToken, webhookUrl, params),
        signature.strip());
  }

  /** The signature Twilio sends for these parameters posted to {@code webhookUrl}. */
  static String expected(String authToken, String webhookUrl,
      Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(webhookUrl);
    // TreeMap: names in code-point order, as Twilio sorts them; a repeated name's values are
    // sorted too, as Twilio's own libraries do.
    for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(e.getValue());
      values.sort(null);
      for (String value : values) {
        data.append(e.getKey()).append(value);
      }
    }
    return Signatures.hmacSha1Base64(authToken,
        data.toString().getBytes(StandardCharsets.UTF_8));
  }
}
