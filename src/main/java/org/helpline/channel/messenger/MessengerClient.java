package org.helpline.channel.messenger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.channel.messaging.PlatformClient;
import org.helpline.config.HelplineConfig;

/** Sends Messenger messages from the page, resiliently (see {@link PlatformClient}). */
@Singleton
public class MessengerClient extends PlatformClient<MessengerSendRequest> {

  @Inject
  MessengerClient(@RestClient MessengerRestClient api, HelplineConfig config) {
    super("Graph API", config.channels().messenger().pageAccessToken(),
        "no Messenger page access token", (token, out) -> api.send("Bearer " + token, out));
  }
}
