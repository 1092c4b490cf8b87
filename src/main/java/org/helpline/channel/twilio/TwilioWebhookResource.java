package org.helpline.channel.twilio;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.MessagingReply;
import org.helpline.channel.messaging.MessagingTurns;
import org.helpline.channel.messaging.WebhookGate;
import org.helpline.channel.twilio.dto.TwilioInbound;
import org.helpline.config.HelplineConfig;
import org.jboss.logging.Logger;

/**
 * Twilio's messaging webhook (SMS, and WhatsApp through Twilio): checks the signature, takes
 * the turn and answers in the same response with TwiML. Disabled (404) until both the auth
 * token and the public webhook URL are configured.
 */
@Path("/webhooks/twilio")
@Tag(name = "Webhooks")
public class TwilioWebhookResource {

  private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);
  private static final String TWIML = "text/xml; charset=UTF-8";

  @Inject
  MessagingTurns turns;

  @Inject
  HelplineConfig config;

  /** Takes one inbound message or status callback from Twilio. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_XML)
  @Operation(summary = "Twilio messaging webhook (signed with X-Twilio-Signature)")
  @APIResponse(responseCode = "200", description = "TwiML: the bot's reply, or an empty"
      + " <Response/> for a status callback")
  @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature")
  @APIResponse(responseCode = "404", description = "Twilio is not configured")
  public Response receive(@HeaderParam("X-Twilio-Signature") String signature, String body) {
    HelplineConfig.Twilio settings = config.channels().twilio();
    String token = WebhookGate.required(settings.authToken());
    // Twilio signs the URL it was given, so we check against the configured public URL, never
    // the Host header: behind a proxy the request's own URL differs, and a caller controls it.
    String url = WebhookGate.required(settings.webhookUrl());
    Map<String, List<String>> params;
    try {
      params = TwilioForm.parse(body);
    } catch (BadRequestException e) {
      // Twilio signs the parameters, so a body that is not form data cannot carry its
      // signature: refused like any unsigned request, before anything else is said about it.
      params = null;
    }
    WebhookGate.genuine(params != null && TwilioSignature.matches(token, url, params, signature),
        "X-Twilio-Signature is missing or does not match this request");
    TwilioInbound in = TwilioInbound.of(params);
    if (in.isStatusCallback()) {
      return twiml(TwilioMapper.emptyTwiml());
    }
    MessagingInbound message = TwilioMapper.toMessage(in);
    if (!message.isTurn()) {
      LOG.debugf("twilio message without text: numMedia=%d", in.numMedia());
    }
    // Answered in the same response: a notice costs nothing, and a 4xx would leave the
    // person with no answer at all (Twilio shows them nothing).
    if (in.to() != null && in.from() != null) {
      message = message.replyingTo(TwilioSender.address(in.to(), in.from()));
    }
    MessagingReply reply = turns.take(message);
    if (reply.silent()) {
      // The message went to a nurse: nothing to say now.
      return twiml(TwilioMapper.emptyTwiml());
    }
    return twiml(TwilioMapper.toTwiml(reply.reply(), reply.words()));
  }

  private static Response twiml(String xml) {
    return Response.ok(xml, TWIML).build();
  }
}
