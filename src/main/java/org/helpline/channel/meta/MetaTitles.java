package org.helpline.channel.meta;

/** Button and quick-reply titles within a platform's limit, cut with an ellipsis. */
public final class MetaTitles {

  private MetaTitles() {
  }

  /** The title itself when it fits, otherwise its first {@code max - 1} characters and "…". */
  public static String fit(String title, int max) {
    String t = title.strip();
    return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
  }
}
