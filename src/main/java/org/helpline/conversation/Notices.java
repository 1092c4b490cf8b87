package org.helpline.conversation;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.helpline.content.Content;
import org.helpline.content.HelplineFacts;
import org.helpline.content.NoticeTexts;

/**
 * What a person reads when the bot does not take their message as a turn, or when the chat
 * cannot answer: the texts of {@code dialogs/_system/notices.yml} with the helpline number
 * filled in, from the running content. Before any content is loaded, the error texts come
 * from the packaged notices and the number from configuration ({@code helpline.contact.phone}).
 *
 * @param configuredPhone the helpline number to give before content is loaded
 * @param packaged the notices packaged with the application, read when first needed
 */
public record Notices(BotHolder bots, String configuredPhone, Supplier<NoticeTexts> packaged) {

  public Notices {
    // Read the packaged file once, on first need, not on every error while starting.
    Supplier<NoticeTexts> read = packaged;
    AtomicReference<NoticeTexts> once = new AtomicReference<>();
    packaged = () -> once.updateAndGet(texts -> texts != null ? texts : read.get());
  }

  /** The running content's numbers, or only the configured helpline number while starting. */
  public HelplineContact contact() {
    return bots.current().map(bot -> contact(bot.content().helpline()))
        .orElseGet(() -> HelplineContact.phoneOnly(configuredPhone));
  }

  /**
   * The running content's numbers.
   *
   * @throws ClassifierUnavailableException while the bot is starting (503: a platform
   *     delivers again later)
   */
  public HelplineContact running() {
    return contact(running(Content::helpline));
  }

  /** The reply to a photo, voice note, sticker or location: we only read text. */
  public ChatReply onlyText() {
    return notice(NoticeTexts::onlyText);
  }

  /** The reply to a message the bot cannot take (too long, or an outdated button). */
  public ChatReply unreadable() {
    return notice(NoticeTexts::unreadable);
  }

  /** The reply to a message sent too soon after many others. */
  public ChatReply tooFast() {
    return notice(NoticeTexts::tooFast);
  }

  /** Said after the reason when the chat cannot answer now (starting, too many messages). */
  public String callNow() {
    return errorText(NoticeTexts::callNow);
  }

  /** Said when something went wrong on our side. */
  public String internalError() {
    return errorText(NoticeTexts::internalError);
  }

  private ChatReply notice(Function<NoticeTexts, String> text) {
    Content content = running(c -> c);
    return ChatReply.notice(NoticeTexts.fill(text.apply(content.notices()),
        content.helpline().phone()));
  }

  private String errorText(Function<NoticeTexts, String> text) {
    return bots.current()
        .map(bot -> NoticeTexts.fill(text.apply(bot.content().notices()),
            bot.content().helpline().phone()))
        .orElseGet(() -> NoticeTexts.fill(text.apply(packaged.get()), configuredPhone));
  }

  /** The running content's words around a reply, for the messaging channels. */
  public ChannelWords channelWords() {
    Content content = running(c -> c);
    return ChannelWords.of(content.notices(), content.helpline().phone());
  }

  private <T> T running(Function<Content, T> part) {
    return bots.current().map(bot -> part.apply(bot.content()))
        .orElseThrow(() -> new ClassifierUnavailableException("the bot is still starting"));
  }

  private static HelplineContact contact(HelplineFacts facts) {
    return new HelplineContact(facts.phone(), facts.phoneUri(), facts.emergency(),
        facts.otherNumbers(), facts.hoursText());
  }
}
