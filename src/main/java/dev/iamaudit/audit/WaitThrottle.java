package dev.iamaudit.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How often a long wait may show in a log that is no terminal (a CI log, a Maven build): a line at
 * most every {@link #INTERVAL}, so the log stays readable. Every front end that writes to a log
 * uses this one rule.
 */
public final class WaitThrottle {
  public static final Duration INTERVAL = Duration.ofSeconds(15);

  private final Clock clock;
  private Instant lastShown;

  public WaitThrottle(Clock clock) {
    this.clock = clock;
  }

  /** True when a wait line is due now; the line then counts as shown. */
  public synchronized boolean due() {
    Instant now = clock.instant();
    if (lastShown != null && now.isBefore(lastShown.plus(INTERVAL))) {
      return false;
    }
    lastShown = now;
    return true;
  }
}
