package org.helpline.channel.twilio;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.helpline.channel.messaging.PlatformClient;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.config.HelplineConfig;

/**
 * Sends messages through Twilio's Messages API with the account's SID and auth token (HTTP
 * Basic), resiliently (see {@link PlatformClient}).
 */
@Singleton
public class TwilioClient extends PlatformClient<TwilioClient.Outgoing> {

  private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");

  /** One text from our number to theirs. */
  public record Outgoing(String from, String to, String body) {
  }

  @Inject
  TwilioClient(@RestClient TwilioRestClient api, HelplineConfig config) {
    super("Twilio", credential(config.channels().twilio()), "no Twilio account SID and auth"
        + " token", (basic, out) -> {
          String sid = basic.substring(0, basic.indexOf(':'));
          if (!ACCOUNT_SID.matcher(sid).matches()) {
            // It goes into the URL's path.
            throw new SendRejectedException("helpline.channels.twilio.account-sid is not an"
                + " account SID (AC and 32 hexadecimal digits)");
          }
          String authorization = "Basic " + Base64.getEncoder().encodeToString(
              basic.getBytes(StandardCharsets.UTF_8));
          api.send(authorization, sid, out.to(), out.from(), out.body());
        });
  }

  /** {@code sid:token}, when both are set. */
  private static Optional<String> credential(HelplineConfig.Twilio settings) {
    return settings.accountSid().map(String::strip).filter(s -> !s.isEmpty())
        .flatMap(s -> settings.authToken().filter(t -> !t.isBlank()).map(t -> s + ":" + t));
  }
}
