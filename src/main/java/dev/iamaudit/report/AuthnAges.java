package dev.iamaudit.report;

import dev.iamaudit.audit.ActivityAges;
import dev.iamaudit.inventory.Activity;
import java.util.List;

/**
 * How long ago the account's identities last authenticated, in the buckets the HTML chart shows.
 */
final class AuthnAges {
  static final List<String> LABELS =
      List.of(
          "\u2264 30 d",
          "31\u201390 d",
          "91\u2013180 d",
          "181\u2013365 d",
          "> 365 d",
          "never",
          "recent (not in report)",
          "unknown");

  /** Green for recent use, amber to red as the age grows, grey for no data. */
  static final List<String> COLOURS =
      List.of(
          "#1a7f37", "#0969da", "#bf8700", "#cf222e", "#8e1519", "#8e1519", "#1a7f37", "#8c959f");

  /** The last day of each bucket of identities that authenticated, the last open-ended. */
  private static final long[] UPPER_DAYS = {30, 90, 180, 365, ActivityAges.MAX_DAYS};

  private AuthnAges() {}

  /** One count per label, in the order of {@link #LABELS}. */
  static long[] count(ActivityAges ages) {
    long[] counts = new long[LABELS.size()];
    long from = 0;
    for (int bucket = 0; bucket < UPPER_DAYS.length; bucket++) {
      counts[bucket] = ages.inactive(from, UPPER_DAYS[bucket]);
      from = UPPER_DAYS[bucket] + 1;
    }
    counts[5] = ages.count(Activity.Kind.NEVER);
    counts[6] = ages.count(Activity.Kind.RECENT);
    counts[7] = ages.count(Activity.Kind.UNKNOWN);
    return counts;
  }
}
