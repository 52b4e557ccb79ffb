package dev.iamaudit.audit;

import dev.iamaudit.policy.FailOn;
import java.util.Objects;

/**
 * The gate's verdict: failed when a violation is at or above {@code failOn}.
 *
 * @param blocking how many violations failed it
 */
public record GateDecision(FailOn failOn, long blocking) {
  public GateDecision {
    Objects.requireNonNull(failOn, "failOn");
    if (blocking < 0) {
      throw new IllegalArgumentException("blocking must not be negative: " + blocking);
    }
  }

  public boolean failed() {
    return blocking > 0;
  }

  public String id() {
    return failed() ? "failed" : "passed";
  }
}
