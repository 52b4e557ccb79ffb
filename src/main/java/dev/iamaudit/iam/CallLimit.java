package dev.iamaudit.iam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many per-key activity calls may be in flight at once. IBM publishes no rate limit for IAM (it
 * calls activity data expensive, and answers 429 when a caller asks too much), so the limit is
 * found the way TCP finds what a path carries: additive increase, multiplicative decrease (AIMD).
 * It starts at {@link #INITIAL} and grows by one for every answer that comes back fine and fast
 * while the limit is in use, so it doubles every round trip (slow start) until IAM first answers
 * 429, and from then on grows by one per round trip. A 429 halves it, once per round trip however
 * many calls it hits, and holds every new call back until the wait IAM asked for has passed; the
 * throttled call itself is retried by {@link IamHttp}, the one place that retries.
 *
 * <p>AIMD rather than a token bucket: a bucket must be told the rate IAM allows, which IBM does not
 * publish and may change, while AIMD finds it, follows it, and lets audits that share an account's
 * limit settle on fair shares of it.
 */
final class CallLimit {
  /** Where the limit starts: as many calls as earlier versions always made at once. */
  static final int INITIAL = 8;

  /**
   * The most in flight however well IAM answers: each call in flight holds a thread and a
   * connection, and at 50 ms a call this many make 5,000 calls a second, about what this client and
   * the simulator manage together on two cores (bench/live-pull.sh).
   */
  static final int MAX = 256;

  /**
   * An answer slower than this many times the fastest one means IAM is busy: the limit does not
   * grow on it.
   */
  private static final int SLOW = 2;

  private final Clock clock;
  private final Sleeper sleeper;
  private final int max;
  private int limit;
  private int inFlight;
  private int mostInFlight;
  private boolean slowStart = true;
  private int answersSinceGrowth;

  /**
   * Counts the decreases, so the 429s of calls sent before the last one do not decrease the limit
   * again.
   */
  private long round;

  private Instant resumeAt = Instant.MIN;
  private Duration fastest;
  private int throttled;

  CallLimit(Clock clock, Sleeper sleeper) {
    this(clock, sleeper, INITIAL, MAX);
  }

  CallLimit(Clock clock, Sleeper sleeper, int initial, int max) {
    if (initial < 1 || max < initial) {
      throw new IllegalArgumentException(
          "a call limit needs 1 <= initial <= max, not " + initial + " and " + max);
    }
    this.clock = clock;
    this.sleeper = sleeper;
    this.limit = initial;
    this.max = max;
  }

  /**
   * Waits until one more call may go out: the limit has room and no wait IAM asked for is running.
   * The permit is the call's {@link IamHttp.Pace} and must be closed when the call is done.
   */
  Permit acquire() throws InterruptedException {
    // A wait is taken once, whatever the clock says afterwards: a test's sleeper may not move it.
    Instant waitedFor = Instant.MIN;
    while (true) {
      Duration pause;
      Instant until;
      synchronized (this) {
        Instant now = clock.instant();
        until = resumeAt;
        if (until.isAfter(waitedFor) && now.isBefore(until)) {
          pause = Duration.between(now, until);
        } else if (inFlight < limit) {
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
          return new Permit(round);
        } else {
          wait();
          continue;
        }
      }
      sleeper.sleep(pause);
      waitedFor = until;
    }
  }

  synchronized int limit() {
    return limit;
  }

  /** The most calls that were in flight at once, for the record. */
  synchronized int mostInFlight() {
    return mostInFlight;
  }

  /** How many times IAM answered 429. */
  synchronized int throttled() {
    return throttled;
  }

  private synchronized void answered(Duration took) {
    if (fastest == null || took.compareTo(fastest) < 0) {
      fastest = took;
    }
    // Growing while few calls are out would raise the limit without ever trying it.
    if (took.compareTo(fastest.multipliedBy(SLOW)) > 0 || inFlight * 2 < limit) {
      return;
    }
    if (slowStart || ++answersSinceGrowth >= limit) {
      answersSinceGrowth = 0;
      limit = Math.min(max, limit + 1);
    }
  }

  private synchronized void throttled(long sentInRound, Duration wait) {
    throttled++;
    Instant until = clock.instant().plus(wait);
    if (until.isAfter(resumeAt)) {
      resumeAt = until;
    }
    if (sentInRound == round) {
      round++;
      slowStart = false;
      answersSinceGrowth = 0;
      limit = Math.max(1, limit / 2);
    }
  }

  private synchronized void release() {
    inFlight--;
    notifyAll();
  }

  /** One call's place under the limit; it hears how the call's attempts went. */
  final class Permit implements IamHttp.Pace, AutoCloseable {
    private final long sentInRound;
    private boolean closed;

    private Permit(long sentInRound) {
      this.sentInRound = sentInRound;
    }

    @Override
    public void answered(Duration took) {
      CallLimit.this.answered(took);
    }

    @Override
    public void throttled(Duration wait) {
      CallLimit.this.throttled(sentInRound, wait);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        release();
      }
    }
  }
}
