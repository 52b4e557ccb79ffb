package dev.iamaudit.rules;

import java.util.List;
import java.util.Objects;

/**
 * What one rule found. A rule that lacked the data it needs says so instead of reporting nothing.
 *
 * @param evaluated false when the rule could not run at all
 * @param note why it did not run, or how the missing data shaped the result; null when there is nothing to say
 */
public record RuleOutcome(boolean evaluated, List<Violation> violations, String note) {
  public RuleOutcome {
    violations = List.copyOf(violations);
    if (!evaluated && (note == null || !violations.isEmpty())) {
      throw new IllegalArgumentException("a rule that was not evaluated has a reason and no violations");
    }
  }

  public static RuleOutcome of(List<Violation> violations) {
    return new RuleOutcome(true, violations, null);
  }

  public static RuleOutcome of(List<Violation> violations, String note) {
    return new RuleOutcome(true, violations, note);
  }

  /** The outcome of a rule that cannot run without {@code missing}, which the source did not provide. */
  public static RuleOutcome missing(dev.iamaudit.inventory.DataSet missing) {
    return notEvaluated("needs " + missing.description() + ", which a saved activity report does not hold");
  }

  public static RuleOutcome notEvaluated(String reason) {
    return new RuleOutcome(false, List.of(), Objects.requireNonNull(reason, "reason"));
  }
}
