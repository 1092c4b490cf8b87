package org.helpline.channel.whatsapp;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.helpline.channel.whatsapp.dto.WhatsAppSendMessage;

/**
 * The WhatsApp Cloud API's send endpoint (base URL {@code quarkus.rest-client."meta-whatsapp".url},
 * taken from {@code helpline.channels.whatsapp.api-base-url}). Use {@link WhatsAppClient}.
 */
@RegisterRestClient(configKey = "meta-whatsapp")
@Path("/")
public interface WhatsAppRestClient {

  /** Sends one message from the business number; Meta answers with the new message's id. */
  @POST
  @Path("/{phoneNumberId}/messages")
  void send(@HeaderParam("Authorization") String authorization,
      @PathParam("phoneNumberId") String phoneNumberId, WhatsAppSendMessage message);
}
