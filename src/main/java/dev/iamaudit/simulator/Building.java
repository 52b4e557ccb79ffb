package dev.iamaudit.simulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A report IAM is building on request: its polls answer 204 until it is built, which takes either a
 * number of polls or, with {@link SimulatorOptions#reportBuild()}, a time that grows with the
 * identities it covers.
 */
final class Building {
  private final AtomicInteger pollsLeft;
  private final Instant builtAt;

  private Building(int polls, Instant builtAt) {
    this.pollsLeft = new AtomicInteger(polls);
    this.builtAt = builtAt;
  }

  static Building started(SimulatorOptions options, Instant now, long identities) {
    SimulatorOptions.BuildTime time = options.reportBuild();
    return time == null
        ? new Building(options.reportPolls(), null)
        : new Building(0, now.plus(time.of(identities)));
  }

  /** Whether a poll at {@code now} finds the report built; each poll counts. */
  boolean built(Instant now) {
    if (builtAt != null) {
      return !now.isBefore(builtAt);
    }
    return pollsLeft.getAndUpdate(left -> Math.max(0, left - 1)) == 0;
  }
}
