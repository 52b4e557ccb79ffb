package dev.iamaudit.audit;

import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.time.Clock;
import java.util.List;

/**
 * Runs the enabled rules over an account's identities as a source reads them, applies the
 * allowlist, and decides the gate.
 *
 * <p>An unexpired matching entry marks a finding allowlisted (it stays in every report); an expired
 * one lets the finding through and adds {@code allowlist-expired}; one that matched nothing adds
 * {@code allowlist-unused}, but only when every rule it covers was evaluated, since a rule that
 * could not run proves nothing about it.
 */
public final class AuditEngine {
  private final List<Rule> rules;
  private final Policy policy;
  private final Allowlist allowlist;
  private final Clock clock;
  private final TerraformDeclarations terraform;
  private final Locator locator;

  /**
   * @param terraform what the repository's Terraform declares, for the rules that compare the
   *     account with it
   * @param locator where findings point
   */
  public AuditEngine(
      List<Rule> rules,
      Policy policy,
      Allowlist allowlist,
      Clock clock,
      TerraformDeclarations terraform,
      Locator locator) {
    this.rules = List.copyOf(rules);
    this.policy = policy;
    this.allowlist = allowlist;
    this.clock = clock;
    this.terraform = terraform;
    this.locator = locator;
  }

  /**
   * Starts an audit whose findings go to {@code spill}: hand it to a source as its {@link
   * AccountSink}, then {@link AuditRun#finish finish} it. The result's findings can be read until
   * the spill is closed.
   *
   * @param columns for a report that lists identities, what to keep of each; null to keep only
   *     findings
   * @param lines for a report of one line per finding, how to write each finding's line as it is
   *     kept; or null
   */
  public AuditRun start(Spill spill, IdentityColumns columns, FindingLines lines) {
    return new AuditRun(rules, policy, allowlist, clock, terraform, locator, spill, columns, lines);
  }
}
