package dev.iamaudit.rules;

import dev.iamaudit.policy.RuleSpec;
import java.util.List;

/** What every rule tells reports about itself. The class name is the rule id in camel case. */
public interface RuleDescriptor {
  RuleSpec spec();

  default String id() {
    return spec().id();
  }

  /** One line: what the rule finds. */
  String title();

  /** Why it matters and how the rule decides, for report help texts. */
  String description();

  /**
   * What to do about a finding, in general terms (each finding's message names the exact command).
   */
  String remedy();

  /**
   * The published controls the rule's findings give evidence for; empty when no text covers the
   * rule.
   */
  default List<Compliance> compliance() {
    return ComplianceCatalog.of(id());
  }
}
