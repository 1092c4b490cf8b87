package org.helpline.channel.twilio;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Twilio's Messages API (base URL {@code quarkus.rest-client."twilio".url}, taken from
 * {@code helpline.channels.twilio.api-base-url}). Use {@link TwilioClient}.
 */
@RegisterRestClient(configKey = "twilio")
@Path("/")
public interface TwilioRestClient {

  /** Sends one SMS (or WhatsApp message through Twilio) from our number to theirs. */
  @POST
  @Path("/2010-04-01/Accounts/{accountSid}/Messages.json")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  void send(@HeaderParam("Authorization") String authorization,
      @PathParam("accountSid") String accountSid, @FormParam("To") String to,
      @FormParam("From") String from, @FormParam("Body") String body);
}
