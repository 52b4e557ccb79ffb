package dev.iamaudit.audit;

import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.RuleDescriptor;
import java.util.Objects;

/**
 * How one rule fared in this run: disabled, evaluated, or not evaluated for lack of data, and what
 * it found.
 *
 * @param note why it was not evaluated, or how missing data shaped its result; null when there is
 *     nothing to say
 * @param checked how many identities (or allowlist entries) the rule judged, compliant or not
 * @param violations its findings that count against the gate (those past an expired allowlist entry
 *     included)
 * @param allowlisted its findings an allowlist entry accepts
 * @param blocking its violations at or above {@code failOn}: the ones that fail the gate
 */
public record RuleEvaluation(
    RuleDescriptor rule,
    RuleConfig config,
    State state,
    String note,
    long checked,
    long violations,
    long allowlisted,
    long blocking) {
  public enum State {
    EVALUATED,
    NOT_EVALUATED,
    DISABLED
  }

  public RuleEvaluation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(state, "state");
    if (checked < 0 || violations < 0 || allowlisted < 0 || blocking < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (blocking > violations) {
      throw new IllegalArgumentException(
          "blocking (" + blocking + ") exceeds violations (" + violations + ")");
    }
  }

  /** A rule that found nothing, or did not run. */
  public RuleEvaluation(
      RuleDescriptor rule, RuleConfig config, State state, String note, long checked) {
    this(rule, config, state, note, checked, 0, 0, 0);
  }

  public long findings() {
    return violations + allowlisted;
  }
}
