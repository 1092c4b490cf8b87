package org.helpline.channel.telegram;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.helpline.channel.telegram.dto.TelegramSendMessage;

/**
 * The Bot API's {@code sendMessage} (base URL {@code quarkus.rest-client."telegram".url},
 * taken from {@code helpline.channels.telegram.api-base-url}). Use {@link TelegramClient}.
 */
@RegisterRestClient(configKey = "telegram")
@Path("/")
public interface TelegramRestClient {

  /** Sends one message; the bot's token is part of the path, as the Bot API wants. */
  @POST
  @Path("/bot{token}/sendMessage")
  void send(@PathParam("token") String token, TelegramSendMessage message);
}
