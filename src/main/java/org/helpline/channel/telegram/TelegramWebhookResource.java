package org.helpline.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpline.channel.messaging.MessagingInbound;
import org.helpline.channel.messaging.MessagingReply;
import org.helpline.channel.messaging.MessagingTurns;
import org.helpline.channel.messaging.Signatures;
import org.helpline.channel.messaging.WebhookGate;
import org.helpline.channel.telegram.dto.TelegramCallbackQuery;
import org.helpline.channel.telegram.dto.TelegramMessage;
import org.helpline.channel.telegram.dto.TelegramUpdate;
import org.helpline.config.HelplineConfig;
import org.jboss.logging.Logger;

/**
 * Telegram's webhook: checks the secret token, takes the turn and answers in the same
 * response with a {@code sendMessage} call. Disabled (404) until the secret is configured.
 * Updates we do not answer get 200 and {@code {}}, because Telegram redelivers anything else.
 */
@Path("/webhooks/telegram")
@Tag(name = "Webhooks")
public class TelegramWebhookResource {

  private static final Logger LOG = Logger.getLogger(TelegramWebhookResource.class);
  private static final Map<String, Object> NOTHING = Map.of();

  @Inject
  MessagingTurns turns;

  @Inject
  ObjectMapper json;

  @Inject
  HelplineConfig config;

  /** Takes one update from Telegram. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Telegram webhook (X-Telegram-Bot-Api-Secret-Token)")
  @APIResponse(responseCode = "200", description = "A sendMessage call with the bot's reply,"
      + " or {} for an update the bot does not answer")
  @APIResponse(responseCode = "403", description = "Missing or wrong secret token")
  @APIResponse(responseCode = "404", description = "Telegram is not configured")
  public Object receive(@HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secret,
      String body) throws JsonProcessingException {
    String expected = WebhookGate.required(config.channels().telegram().secretToken());
    WebhookGate.genuine(Signatures.constantTimeEquals(expected, secret),
        "X-Telegram-Bot-Api-Secret-Token is missing or wrong");
    // Parsed only after the secret matched: nobody else gets to exercise the parser.
    TelegramUpdate update = json.readValue(body, TelegramUpdate.class);
    if (update == null) {
      return NOTHING;
    }
    TelegramCallbackQuery tap = update.callbackQuery();
    if (tap != null && tap.data() != null && !tap.data().isBlank()) {
      Long chatId = tap.message() != null && tap.message().chat() != null
          ? tap.message().chat().id() : tap.from() == null ? null : tap.from().id();
      if (chatId == null) {
        return ignored(update, "callback without chat");
      }
      String sender = tap.from() != null && tap.from().id() != null
          ? tap.from().id().toString() : chatId.toString();
      return answer(chatId, TelegramMapper.tappedButton(update.updateId(), tap.data(), sender));
    }
    TelegramMessage message = update.message();
    if (message == null || message.chat() == null || message.chat().id() == null) {
      return ignored(update, "not a message");
    }
    long chatId = message.chat().id();
    if (message.text() == null || message.text().isBlank()) {
      // A photo, sticker, voice note or location: a person in a private chat hears that we
      // read text only; service messages in groups (members joining) get no answer.
      if ("private".equals(message.chat().type())) {
        return answer(chatId, MessagingInbound.withoutText(TelegramMapper.CHANNEL,
            Long.toString(chatId)));
      }
      return ignored(update, "message without text");
    }
    String sender = message.from() != null && message.from().id() != null
        ? message.from().id().toString() : Long.toString(chatId);
    return answer(chatId, TelegramMapper.textMessage(update.updateId(), message.text(),
        sender));
  }

  /**
   * The reply as a sendMessage, or nothing when the message went to a nurse; a 4xx would make
   * Telegram redeliver the update forever.
   */
  private Object answer(long chatId, MessagingInbound message) {
    MessagingReply reply = turns.take(message.replyingTo(Long.toString(chatId)));
    if (reply.silent()) {
      return NOTHING;
    }
    return TelegramMapper.toSendMessage(chatId, reply.reply(), reply.words())
        .orElseGet(() -> TelegramMapper.toSendMessage(chatId, turns.unreadable(),
            reply.words()).orElseThrow());
  }

  private static Object ignored(TelegramUpdate update, String why) {
    LOG.debugf("telegram update %s ignored: %s", update.updateId(), why);
    return NOTHING;
  }
}
