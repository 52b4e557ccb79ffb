package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.ApikeyInactive;
import dev.iamaudit.rules.MessageText;
import dev.iamaudit.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JunitCasesTest {
  private static final Rule RULE = new ApikeyInactive();
  private static final FilePosition POLICY = new FilePosition("iam-audit.yml", 1, 1);

  private static ApiKey key(String id) {
    return new ApiKey(id, "name " + id, ApiKey.Owner.SERVICEID, "iam-ServiceId-1", "ServiceId-1", null, null, null,
        ReportFixtures.NOW, null, false, false, "disable", Activity.RECENT, null);
  }

  private static Finding finding(Entity entity, Status status) {
    AllowlistEntry entry = status == Status.ALLOWLISTED
        ? new AllowlistEntry(new Match(entity.id(), null, null, null), Set.of(), "accepted", null,
            LocalDate.of(2027, 1, 1), new FilePosition("allow.yml", 1, 3))
        : null;
    return new Finding(RULE.id(), Severity.HIGH, status, entity, MessageText.of("about " + entity.id()),
        ReportFixtures.ACCOUNT, null, entry, POLICY);
  }

  /** The cases as "id:finding message or -", in the order the sink got them. */
  private static List<String> cases(JunitCases cases) throws Exception {
    List<String> seen = new ArrayList<>();
    cases.forEach(new JunitCases.Sink() {
      @Override
      public void identity(Entity entity, Finding finding) {
        seen.add(entity.id() + ":" + (finding == null ? "-" : finding.message()));
      }

      @Override
      public void named(String name, Finding finding) {
        seen.add(name);
      }

      @Override
      public void notEvaluated(String message) {
        seen.add(message);
      }
    });
    return seen;
  }

  @Test
  void scopeOnceEachThenFindingsOutsideIt() throws Exception {
    Inventory inventory = new Inventory(ReportFixtures.ACCOUNT, ReportFixtures.NOW, null, List.of(),
        List.of(key("A"), key("B"), key("A"), key("C")), List.of(), List.of(), null, EnumSet.of(DataSet.API_KEYS));
    Entity outside = new Entity(IdentityType.APIKEY, "Z", null, null);
    Entity sameIdOtherType = new Entity(IdentityType.SERVICEID, "B", null, null);
    Finding b = finding(key("B").entity(), Status.VIOLATION);
    List<Finding> findings = List.of(b, finding(key("B").entity(), Status.ALLOWLISTED),
        finding(sameIdOtherType, Status.VIOLATION), finding(outside, Status.VIOLATION),
        finding(key("C").entity(), Status.ALLOWLISTED));
    JunitCases cases = JunitCases.of(inventory,
        new RuleEvaluation(RULE, RULE.spec().defaults(), RuleEvaluation.State.EVALUATED, null), findings);

    assertEquals(List.of("A:-", "B:about B", "C:about C", "B:about B", "Z:about Z"), cases(cases));
    assertEquals(new JunitCases.Counts(5, 3, 1), cases.counts());
  }

  @Test
  void ruleNotEvaluatedIsOneSkippedCase() throws Exception {
    JunitCases cases = JunitCases.of(ReportFixtures.sample().inventory(),
        new RuleEvaluation(RULE, RULE.spec().defaults(), RuleEvaluation.State.NOT_EVALUATED, "no data"), List.of());

    assertEquals(List.of("not evaluated: no data"), cases(cases));
    assertEquals(new JunitCases.Counts(1, 0, 1), cases.counts());
  }
}
