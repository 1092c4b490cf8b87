package org.helpline.conversation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the running {@link HelplineBot}; replaced atomically when new content is ready. */
public final class BotHolder {

  private final AtomicReference<HelplineBot> current = new AtomicReference<>();

  public Optional<HelplineBot> current() {
    return Optional.ofNullable(current.get());
  }

  /** The running content's redactor, or one that keeps no number while content loads. */
  public Redactor redactor() {
    HelplineBot bot = current.get();
    return bot == null ? Redactor.keepingNone() : bot.redactor();
  }

  public void swap(HelplineBot bot) {
    current.set(bot);
  }
}
