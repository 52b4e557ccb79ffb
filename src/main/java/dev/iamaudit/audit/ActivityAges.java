package dev.iamaudit.audit;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.rules.Ages;
import java.time.Instant;
import java.util.Arrays;

/**
 * How long ago the audited identities last authenticated: a count per whole day up to a year, then
 * one for older, and a count for each kind of activity without a date. Its size is fixed, whatever
 * the number of identities, so reports can chart the ages without the identities being kept.
 */
public final class ActivityAges {
  /** Ages beyond this many days are counted together. */
  public static final int MAX_DAYS = 366;

  private final long[] inactiveByDays = new long[MAX_DAYS + 1];
  private final long[] byKind = new long[Activity.Kind.values().length];

  void add(Activity activity, Instant asOf) {
    byKind[activity.kind().ordinal()]++;
    if (activity.kind() == Activity.Kind.INACTIVE) {
      inactiveByDays[(int) Math.min(MAX_DAYS, Ages.days(activity.lastAuthn(), asOf))]++;
    }
  }

  /** The identities whose activity is of this kind. */
  public long count(Activity.Kind kind) {
    return byKind[kind.ordinal()];
  }

  /**
   * The inactive identities that last authenticated between {@code minDays} and {@code maxDays}
   * whole days ago, both included; a {@code maxDays} of {@link #MAX_DAYS} or more takes in all the
   * older ones too.
   */
  public long inactive(long minDays, long maxDays) {
    int from = (int) Math.max(0, Math.min(MAX_DAYS + 1L, minDays));
    int to = (int) Math.min(MAX_DAYS, maxDays);
    return from > to ? 0 : Arrays.stream(inactiveByDays, from, to + 1).sum();
  }
}
