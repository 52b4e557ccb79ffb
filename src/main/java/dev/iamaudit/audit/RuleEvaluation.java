package dev.iamaudit.audit;

import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.RuleDescriptor;
import java.util.Objects;

/**
 * How one rule fared in this run: disabled, evaluated, or not evaluated for lack of data.
 *
 * @param note why it was not evaluated, or how missing data shaped its result; null when there is nothing to say
 * @param checked how many identities (or allowlist entries) the rule judged, compliant or not
 */
public record RuleEvaluation(RuleDescriptor rule, RuleConfig config, State state, String note, long checked) {
  public enum State {
    EVALUATED,
    NOT_EVALUATED,
    DISABLED
  }

  public RuleEvaluation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(state, "state");
    if (checked < 0) {
      throw new IllegalArgumentException("checked must not be negative: " + checked);
    }
  }
}
