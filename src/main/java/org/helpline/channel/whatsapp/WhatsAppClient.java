package org.helpline.channel.whatsapp;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.helpline.channel.messaging.PlatformClient;
import org.helpline.channel.messaging.SendRejectedException;
import org.helpline.config.HelplineConfig;

/** Sends WhatsApp messages from a business number, resiliently (see {@link PlatformClient}). */
@Singleton
public class WhatsAppClient extends PlatformClient<WhatsAppOutgoing> {

  private static final Pattern PHONE_NUMBER_ID = Pattern.compile("^[0-9]{1,32}$");

  @Inject
  WhatsAppClient(@RestClient WhatsAppRestClient api, HelplineConfig config) {
    super("Graph API", config.channels().whatsapp().accessToken(),
        "no WhatsApp access token", (token, out) -> {
          // The id comes from a signed webhook, but it goes into a URL path: digits only.
          String id = out.phoneNumberId();
          if (id == null || !PHONE_NUMBER_ID.matcher(id).matches()) {
            throw new SendRejectedException("malformed phone_number_id");
          }
          api.send("Bearer " + token, id, out.message());
        });
  }
}
