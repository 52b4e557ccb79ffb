package dev.iamaudit.simulator;

import dev.iamaudit.iam.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/** SKELETON: replaced by the simulator work (issue 3). */
public final class DemoAccount {
  public static final Secret API_KEY = new Secret("demo");

  public static SimulatedAccount create(Clock clock) {
    throw new UnsupportedOperationException();
  }

  public static Path writeGovernanceFiles(Path dir, LocalDate today) {
    throw new UnsupportedOperationException();
  }
}
