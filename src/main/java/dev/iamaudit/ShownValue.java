package dev.iamaudit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value the user gave (an option, a file name, a URL) as a message may repeat it. A key pasted in
 * the wrong place is still a key: any run of 32 or more key characters (IBM's keys are 44 of
 * letters, digits, - and _) that mixes letters and digits, and anything shaped like a token, is
 * replaced, so the message shows where the mistake is but not the secret. Ids made of a UUID
 * ({@code ApiKey-7f3c...}), which keys never are, still show.
 */
public final class ShownValue {
  static final String HIDDEN = "[not shown: looks like a key]";
  private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9_-]{32,}|eyJ[A-Za-z0-9_.-]+");
  private static final Pattern ID =
      Pattern.compile("([A-Za-z]+-)*\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

  private ShownValue() {}

  public static String of(String value) {
    if (value == null) {
      return "null";
    }
    Matcher matcher = KEY_LIKE.matcher(value);
    StringBuilder shown = new StringBuilder();
    while (matcher.find()) {
      String run = matcher.group();
      boolean secret =
          run.startsWith("eyJ")
              || (run.chars().anyMatch(Character::isDigit)
                  && run.chars().anyMatch(Character::isLetter)
                  && !ID.matcher(run).matches());
      matcher.appendReplacement(shown, Matcher.quoteReplacement(secret ? HIDDEN : run));
    }
    return matcher.appendTail(shown).toString();
  }
}
