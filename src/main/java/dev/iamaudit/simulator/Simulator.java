package dev.iamaudit.simulator;

import java.net.URI;
import java.time.Clock;

/** SKELETON: replaced by the simulator work (issue 3). */
public final class Simulator implements AutoCloseable {
  public static Simulator start(SimulatedAccount account, Clock clock) {
    throw new UnsupportedOperationException("simulator not built yet");
  }

  public URI baseUrl() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
