package dev.iamaudit.audit;

import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits of inventories built in tests, as a source that holds its account in memory feeds them.
 */
public final class TestAudits {
  private TestAudits() {}

  /**
   * An engine without Terraform whose findings point where a repository without governance files
   * has them.
   */
  public static AuditEngine engine(
      List<? extends Rule> rules, Policy policy, Allowlist allowlist, Clock clock) {
    return new AuditEngine(
        List.copyOf(rules),
        policy,
        allowlist,
        clock,
        TerraformDeclarations.none(),
        Locator.of(
            policy, allowlist, TerraformDeclarations.none(), "iam-audit-report/iam-audit.sarif"));
  }

  /**
   * Judges {@code inventory}; the findings stay in memory (test accounts are far below the spill's
   * budget).
   *
   * @param columns what to keep of each identity for the CSV, or null
   * @param lines how to write each finding's line for the JSON, or null
   */
  public static AuditResult audit(
      AuditEngine engine,
      Inventory inventory,
      List<String> notes,
      IdentityColumns columns,
      FindingLines lines) {
    AuditRun run = engine.start(Spill.temporary(), columns, lines);
    ReportInfo report = AccountSink.feed(inventory, run);
    return run.finish(report, notes);
  }

  /** Findings or rows as a list, for tests that index them. */
  public static <T> List<T> list(Iterable<T> items) {
    List<T> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }
}
