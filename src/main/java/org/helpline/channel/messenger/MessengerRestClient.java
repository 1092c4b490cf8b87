package org.helpline.channel.messenger;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.helpline.channel.messenger.dto.MessengerSendRequest;

/**
 * Messenger's Send API (base URL {@code quarkus.rest-client."meta-messenger".url}, taken from
 * {@code helpline.channels.messenger.api-base-url}). Use {@link MessengerClient}.
 */
@RegisterRestClient(configKey = "meta-messenger")
@Path("/")
public interface MessengerRestClient {

  /** Sends one message from the page; Meta answers with the recipient and message ids. */
  @POST
  @Path("/me/messages")
  void send(@HeaderParam("Authorization") String authorization, MessengerSendRequest request);
}
