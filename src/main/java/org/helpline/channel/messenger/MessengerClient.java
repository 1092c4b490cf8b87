package org.helpline.channel.messenger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.helpline.channel.messenger.dto.MessengerSendRequest;
import org.helpline.channel.meta.MetaGraphClient;
import org.helpline.config.HelplineConfig;

/** Sends Messenger messages from the page, resiliently (see {@link MetaGraphClient}). */
@Singleton
public class MessengerClient extends MetaGraphClient<MessengerSendRequest> {

  @Inject
  MessengerClient(@RestClient MessengerRestClient api, HelplineConfig config) {
    super(config.channels().messenger().pageAccessToken(), "no Messenger page access token",
        api::send);
  }
}
