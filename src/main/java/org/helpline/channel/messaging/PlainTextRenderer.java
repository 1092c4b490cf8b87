package org.helpline.channel.messaging;

import java.util.ArrayList;
import java.util.List;
import org.helpline.conversation.ChannelWords;
import org.helpline.conversation.ChatReply;

/**
 * Renders a reply for a channel that shows only text (SMS, or any platform as a fallback):
 * bubbles as paragraphs, links as "title: url", quick replies as a numbered list (the
 * conversation service understands a bare number as that choice), and every phone number
 * left in the text. Splits into messages
 * no longer than the channel's limit, at paragraph or word boundaries.
 */
public final class PlainTextRenderer {

  private PlainTextRenderer() {
  }

  /**
   * The reply as one text, quick replies numbered from 1 under the content's words for it
   * ({@code numberedChoices}).
   */
  public static String render(ChatReply reply, ChannelWords words) {
    List<String> parts = new ArrayList<>();
    for (ChatReply.Message bubble : reply.replies()) {
      StringBuilder sb = new StringBuilder(bubble.text());
      for (ChatReply.Link link : bubble.links()) {
        String url = link.url().startsWith("tel:") ? link.url().substring(4) : link.url();
        if (!bubble.text().contains(url)) {
          sb.append('\n').append(link.title()).append(": ").append(url);
        }
      }
      parts.add(sb.toString());
    }
    List<ChatReply.Choice> options = reply.quickReplies();
    if (!options.isEmpty()) {
      StringBuilder sb = new StringBuilder(words.numberedChoices());
      for (int i = 0; i < options.size(); i++) {
        sb.append('\n').append(i + 1).append(". ").append(options.get(i).title());
      }
      parts.add(sb.toString());
    }
    return String.join("\n\n", parts);
  }

  /** Splits text into chunks of at most {@code limit} characters, at paragraphs or words. */
  public static List<String> split(String text, int limit) {
    List<String> out = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > limit) {
      int cut = rest.lastIndexOf("\n\n", limit);
      if (cut <= 0) {
        cut = rest.lastIndexOf(' ', limit);
      }
      if (cut <= 0) {
        cut = limit;
      }
      out.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }
}
