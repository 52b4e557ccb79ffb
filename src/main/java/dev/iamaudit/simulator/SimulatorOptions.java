package dev.iamaudit.simulator;

import java.util.List;

/**
 * How the simulator behaves besides the account it serves.
 *
 * @param port the loopback port to bind, 0 for any free one
 * @param latencyMillis real time every request waits before it is answered, to mimic a remote service
 * @param reportPolls how many times a new activity report answers 204 (still being generated) before 200
 * @param faults the failures to inject, in the order they are checked
 */
public record SimulatorOptions(int port, long latencyMillis, int reportPolls, List<Fault> faults) {
  public static final int DEFAULT_REPORT_POLLS = 2;
  public static final SimulatorOptions DEFAULTS = new SimulatorOptions(0, 0, DEFAULT_REPORT_POLLS, List.of());

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
}
