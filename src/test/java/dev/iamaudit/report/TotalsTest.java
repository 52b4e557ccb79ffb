package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Severity;
import org.junit.jupiter.api.Test;

class TotalsTest {
  @Test
  void aFailedGateCountsTheViolationsBySeverityTheAllowlistedAndTheRulesNotEvaluated() {
    assertEquals(
        "13 violations (4 high, 5 medium, 4 low), 1 allowlisted, 2 rules not evaluated; 9 at or"
            + " above failOn medium",
        Totals.of(ReportFixtures.sample()));
  }

  @Test
  void aPassedGateSaysNoneReachedFailOnOrThatThereIsNoGate() {
    assertEquals(
        "13 violations (4 high, 5 medium, 4 low), 1 allowlisted, 2 rules not evaluated; none at or"
            + " above failOn critical",
        Totals.of(ReportFixtures.sample(FailOn.of(Severity.CRITICAL))));
    assertEquals(
        "13 violations (4 high, 5 medium, 4 low), 1 allowlisted, 2 rules not evaluated; reporting"
            + " only (failOn never)",
        Totals.of(ReportFixtures.sample(FailOn.NEVER)));
  }

  @Test
  void emptyParenthesesAndZeroRulesNotEvaluatedAreLeftOut() {
    assertEquals(
        "0 violations, 0 allowlisted; none at or above failOn medium",
        Totals.of(ReportFixtures.empty()));
  }

  @Test
  void oneIsSingularAndLargeCountsAreGrouped() {
    assertEquals(
        "1 violation (1 high), 0 allowlisted; 1 at or above failOn medium",
        Totals.of(ReportFixtures.generated(1)));
    assertEquals(
        "1,534 violations (1,334 high, 200 medium), 0 allowlisted; 1,534 at or above failOn medium",
        Totals.of(ReportFixtures.generated(2000)));
  }
}
