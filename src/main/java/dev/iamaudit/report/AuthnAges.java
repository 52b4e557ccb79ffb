package dev.iamaudit.report;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.rules.Ages;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/** How long ago the account's identities last authenticated, in the buckets the HTML chart shows. */
final class AuthnAges {
  static final List<String> LABELS = List.of("\u2264 30 d", "31\u201390 d", "91\u2013180 d", "181\u2013365 d",
      "> 365 d", "never", "recent (not in report)", "unknown");
  /** Green for recent use, amber to red as the age grows, grey for no data. */
  static final List<String> COLOURS = List.of("#1a7f37", "#0969da", "#bf8700", "#cf222e", "#8e1519", "#8e1519",
      "#1a7f37", "#8c959f");
  private static final long[] UPPER_DAYS = {30, 90, 180, 365};

  private AuthnAges() {}

  /** One count per label, in the order of {@link #LABELS}. */
  static long[] count(Inventory inventory) {
    long[] counts = new long[LABELS.size()];
    Iterator<Identity> identities = inventory.identities().iterator();
    while (identities.hasNext()) {
      counts[bucket(identities.next().activity(), inventory.asOf())]++;
    }
    return counts;
  }

  static int bucket(Activity activity, Instant asOf) {
    return switch (activity.kind()) {
      case INACTIVE -> {
        long days = Ages.days(activity.lastAuthn(), asOf);
        int bucket = 0;
        while (bucket < UPPER_DAYS.length && days > UPPER_DAYS[bucket]) {
          bucket++;
        }
        yield bucket;
      }
      case NEVER -> 5;
      case RECENT -> 6;
      case UNKNOWN -> 7;
    };
  }
}
