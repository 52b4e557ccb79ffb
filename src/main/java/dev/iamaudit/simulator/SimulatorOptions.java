package dev.iamaudit.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the simulator behaves besides the account it serves.
 *
 * @param port the loopback port to bind, 0 for any free one
 * @param latencyMillis real time every request waits before it is answered, to mimic a remote
 *     service; requests wait side by side, as they would for IBM, however many are in flight
 * @param reportPolls how many times a new report answers 204 (still being built) before 200, when
 *     {@code reportBuild} is null
 * @param faults the failures to inject, in the order they are checked
 * @param reportBuild how long IAM takes to build a report, on the simulator's clock; null to count
 *     polls instead
 */
public record SimulatorOptions(
    int port, long latencyMillis, int reportPolls, List<Fault> faults, BuildTime reportBuild) {
  public static final int DEFAULT_REPORT_POLLS = 2;
  public static final SimulatorOptions DEFAULTS =
      new SimulatorOptions(0, 0, DEFAULT_REPORT_POLLS, List.of());

  public SimulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("latency must not be negative, not " + latencyMillis);
    }
    if (reportPolls < 0) {
      throw new IllegalArgumentException("report polls must not be negative, not " + reportPolls);
    }
    faults = List.copyOf(faults);
  }

  /** Reports that are built after {@code reportPolls} polls. */
  public SimulatorOptions(int port, long latencyMillis, int reportPolls, List<Fault> faults) {
    this(port, latencyMillis, reportPolls, faults, null);
  }

  /**
   * How long IAM takes to build a report: {@code fixed} plus {@code perThousand} for every 1,000
   * identities the report covers. IBM says only that a report "can take a few minutes"; building
   * one means looking up the last authentication of every identity of the account, so the time is
   * modelled as growing with the account.
   */
  public record BuildTime(Duration fixed, Duration perThousand) {
    public BuildTime {
      Objects.requireNonNull(fixed, "fixed");
      Objects.requireNonNull(perThousand, "perThousand");
      if (fixed.isNegative() || perThousand.isNegative()) {
        throw new IllegalArgumentException(
            "a report's build time must not be negative, not "
                + fixed
                + " + "
                + perThousand
                + " per 1,000 identities");
      }
    }

    /** The time to build a report over {@code identities}. */
    public Duration of(long identities) {
      return fixed.plus(perThousand.multipliedBy(identities).dividedBy(1000));
    }
  }
}
