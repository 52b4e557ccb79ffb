package dev.iamaudit;

import java.util.Locale;

/**
 * A number of things as messages and reports write it: "1 violation", "2 violations", "12,345 API
 * keys". One place, so every count reads alike, grouped in thousands the same way in the console,
 * the build log and the reports.
 */
public final class Counted {
  private Counted() {}

  /** The count and {@code noun}, with an s when the count is not one: "1 rule", "0 rules". */
  public static String of(long count, String noun) {
    return of(count, noun, noun + "s");
  }

  /**
   * The count and {@code one} or {@code many}, for a noun whose plural is not an added s: "3
   * identities".
   */
  public static String of(long count, String one, String many) {
    return number(count) + " " + (count == 1 ? one : many);
  }

  /** The count alone, grouped as the others: "12,345 high" beside "12,345 violations". */
  public static String number(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }
}
