package org.helpline.conversation;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpline.content.Content;

/**
 * Removes personal data from text before it is stored or logged: e-mail addresses, NHS numbers
 * (10 digits that pass the modulus-11 check), UK and international phone numbers, UK
 * postcodes and dates (a date with a year may be a date of birth). The numbers the bot itself
 * gives people are kept, so transcripts stay readable: short service numbers (Samaritans, 999,
 * 111, text lines) are never taken for personal ones, and the helpline's own number, which
 * is, comes from the content ({@link #forContent}).
 */
public final class Redactor {

  private static final Pattern EMAIL = Pattern.compile(
      "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
  private static final Pattern TEN_DIGITS = Pattern.compile(
      "(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+])(\\+|00)?\\(?\\d[\\d ()-]{7,16}\\d(?!\\d)");
  private static final Pattern POSTCODE = Pattern.compile(
      "\\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})\\b",
      Pattern.CASE_INSENSITIVE);
  private static final String MONTHS = "(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?"
      + "|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)";
  private static final Pattern DATE = Pattern.compile(
      "\\b(\\d{1,2}[/.-]\\d{1,2}[/.-](\\d{4}|\\d{2})"
          + "|\\d{4}-\\d{1,2}-\\d{1,2}"
          + "|\\d{1,2}(st|nd|rd|th)? (of )?" + MONTHS + ",? \\d{2,4}"
          + "|" + MONTHS + " \\d{1,2}(st|nd|rd|th)?,? \\d{4})\\b",
      Pattern.CASE_INSENSITIVE);
  /** Digits of a number shorter than this are never a personal phone number. */
  private static final int SHORTEST_PHONE = 9;

  /** Long numbers the bot gives out, never redacted: digits only, and a leading + kept. */
  private final Set<String> kept;

  private Redactor(Set<String> kept) {
    this.kept = Set.copyOf(kept);
  }

  /** A redactor that keeps the helpline number the content gives people, in any spacing. */
  public static Redactor forContent(Content content) {
    Set<String> kept = new HashSet<>();
    for (String number : new String[] {content.helpline().phone(),
        content.helpline().phoneUri()}) {
      String digits = number == null ? "" : number.replaceAll("[^\\d+]", "");
      if (!digits.isEmpty()) {
        kept.add(digits);
        // The same UK number written internationally: 0... as +44...
        if (digits.startsWith("0")) {
          kept.add("+44" + digits.substring(1));
        } else if (digits.startsWith("+44")) {
          kept.add("0" + digits.substring(3));
        }
      }
    }
    return new Redactor(kept);
  }

  /** A redactor that keeps no long number: every phone number in the text is redacted. */
  public static Redactor keepingNone() {
    return new Redactor(Set.of());
  }

  /** The text with personal data replaced by placeholders such as {@code [phone]}. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = EMAIL.matcher(text).replaceAll("[email]");
    out = replace(TEN_DIGITS, out, m -> isNhsNumber(m.group(1) + m.group(2) + m.group(3))
        ? "[nhs number]" : null);
    out = replace(DATE, out, m -> "[date]");
    out = replace(PHONE, out, m -> {
      String digits = m.group().replaceAll("[^\\d+]", "");
      if (kept.contains(digits) || digits.replace("+", "").length() < SHORTEST_PHONE) {
        return null;
      }
      return "[phone]";
    });
    out = POSTCODE.matcher(out).replaceAll("[postcode]");
    return out;
  }

  /** The NHS number check: weights 10..2 on the first nine digits, modulus 11. */
  static boolean isNhsNumber(String digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  private interface Replacement {
    String apply(Matcher m);
  }

  private static String replace(Pattern pattern, String text, Replacement replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    while (m.find()) {
      String r = replacement.apply(m);
      m.appendReplacement(sb, Matcher.quoteReplacement(r == null ? m.group() : r));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
