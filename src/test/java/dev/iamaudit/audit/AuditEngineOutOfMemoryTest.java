package dev.iamaudit.audit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.OutOfMemory;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule that runs out of memory must not end the audit as anything else. */
class AuditEngineOutOfMemoryTest {
  @Test
  void aRuleRunningOutOfMemoryEndsTheAuditAsOutOfMemory() {
    List<Rule> rules = new ArrayList<>(Rules.identityRules());
    rules.replaceAll(
        rule ->
            rule.id().equals("apikey-inactive")
                ? new ThrowingRule(rule, 1, new OutOfMemoryError("Java heap space"))
                : rule);
    Policy policy = Policy.defaults(Rules.specs());
    AuditEngine engine =
        new AuditEngine(
            rules,
            policy,
            Allowlist.NONE,
            Clock.fixed(TestInventory.AS_OF, ZoneOffset.UTC),
            TerraformDeclarations.none(),
            Locator.of(
                policy,
                Allowlist.NONE,
                TerraformDeclarations.none(),
                "iam-audit-report/iam-audit.sarif"));

    Throwable thrown =
        assertThrows(
            Throwable.class,
            () ->
                TestAudits.audit(
                    engine,
                    TestInventory.builder()
                        .key(
                            TestInventory.userKey(
                                "ApiKey-1", "IBMid-1", TestInventory.lastAuthn(200), null))
                        .build(),
                    List.of(),
                    null,
                    null));

    assertTrue(OutOfMemory.in(thrown), thrown.toString());
  }
}
