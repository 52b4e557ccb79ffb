package dev.iamaudit.rules;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.policy.RuleConfig;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One check of the account's identities or settings. Implementations are stateless; a {@link Check}
 * is not.
 */
public interface Rule extends RuleDescriptor {
  /**
   * The data the rule needs to be fully evaluated; a live pull fetches the union over the enabled
   * rules.
   */
  Set<DataSet> needs();

  /**
   * Prepares the rule for one audit under {@code config}. A rule that cannot run on what the source
   * holds returns {@link Check#notEvaluated}.
   */
  Check start(RuleContext context, RuleConfig config);

  /**
   * The inactivity threshold in days this rule applies under {@code config}, for rules that judge
   * from the activity report: a report whose duration is longer cannot prove it.
   */
  default OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.empty();
  }
}
