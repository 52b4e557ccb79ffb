package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode run(SarifReport report, AuditResult result) throws Exception {
    JsonNode log = MAPPER.readTree(ReportFixtures.render(report, result));
    assertEquals(SarifReport.SCHEMA, log.get("$schema").asText());
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals(1, log.get("runs").size());
    return log.get("runs").get(0);
  }

  @Test
  void describesEveryRuleWithItsConfiguredSeverity() throws Exception {
    JsonNode driver = run(new SarifReport(), ReportFixtures.sample()).at("/tool/driver");
    assertEquals("iam-audit", driver.get("name").asText());
    assertEquals(ToolVersion.get(), driver.get("semanticVersion").asText());
    assertEquals(ToolVersion.get(), driver.get("version").asText());
    List<String> ids = new ArrayList<>();
    driver.get("rules").forEach(rule -> ids.add(rule.get("id").asText()));
    assertEquals(Rules.all().stream().map(RuleDescriptor::id).toList(), ids);
    JsonNode inactive = driver.get("rules").get(0);
    assertEquals("ApikeyInactive", inactive.get("name").asText());
    assertEquals("API key not used recently.", inactive.at("/shortDescription/text").asText());
    assertEquals("error", inactive.at("/defaultConfiguration/level").asText());
    assertTrue(inactive.at("/properties/security-severity").isTextual());
    assertEquals("8.0", inactive.at("/properties/security-severity").asText());
    assertTrue(inactive.at("/help/markdown").asText().contains("| maxDays | `90` |"));
    JsonNode unused = driver.get("rules").get(Rules.all().size() - 1);
    assertEquals("note", unused.at("/defaultConfiguration/level").asText());
    assertEquals("2.0", unused.at("/properties/security-severity").asText());
  }

  @Test
  void tagsEachRuleWithTheControlsItGivesEvidenceFor() throws Exception {
    JsonNode rules = run(new SarifReport(), ReportFixtures.sample()).at("/tool/driver/rules");
    JsonNode tooOld = rules.get(Rules.all().indexOf(Rules.byId("apikey-too-old")));
    assertEquals(
        MAPPER.readTree("[\"security\", \"iam\", \"CIS-IBM-Cloud-1.1.0/1.3\", \"FS-Cloud/IA-5\"]"),
        tooOld.at("/properties/tags"));
    assertEquals("5.5", tooOld.at("/properties/security-severity").asText());
    assertTrue(
        tooOld
            .at("/help/text")
            .asText()
            .endsWith(
                " Gives evidence for CIS IBM Cloud Foundations Benchmark 1.1.0, 1.3: Ensure API"
                    + " keys are rotated every 90 days; IBM Cloud Framework for Financial Services"
                    + " 2.0, IA-5: Authenticator Management."));
    assertTrue(
        tooOld
            .at("/help/markdown")
            .asText()
            .endsWith(
                "\n\n"
                    + "**Gives evidence for:**\n\n"
                    + "- CIS IBM Cloud Foundations Benchmark 1.1.0, 1.3: Ensure API keys are"
                    + " rotated every 90 days\n"
                    + "- IBM Cloud Framework for Financial Services 2.0, IA-5: Authenticator"
                    + " Management"));
    JsonNode leak = rules.get(Rules.all().indexOf(Rules.byId("apikey-leak-action-none")));
    assertEquals(MAPPER.readTree("[\"security\", \"iam\"]"), leak.at("/properties/tags"));
    assertFalse(leak.at("/help/text").asText().contains("evidence"));
  }

  @Test
  void writesOneResultPerFindingAnchoredInTheRepo() throws Exception {
    AuditResult result = ReportFixtures.sample();
    JsonNode results = run(new SarifReport(), result).get("results");
    List<Finding> findings = ReportFixtures.findings(result);
    assertEquals(findings.size(), results.size());
    for (int i = 0; i < results.size(); i++) {
      Finding finding = findings.get(i);
      JsonNode sarif = results.get(i);
      assertEquals(finding.rule(), sarif.get("ruleId").asText());
      assertEquals(finding.rule(), Rules.all().get(sarif.get("ruleIndex").asInt()).id());
      assertEquals(finding.message(), sarif.at("/message/text").asText());
      assertEquals(
          finding.fingerprint(), sarif.at("/partialFingerprints/primaryLocationLineHash").asText());
      assertEquals(
          finding.fingerprint(), sarif.at("/partialFingerprints/iamAuditFingerprint~1v1").asText());
      JsonNode location = sarif.at("/locations/0/physicalLocation");
      assertEquals(finding.location().file(), location.at("/artifactLocation/uri").asText());
      assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
      assertEquals(finding.location().line(), location.at("/region/startLine").asInt());
      assertEquals(finding.status().id(), sarif.at("/properties/status").asText());
    }
    JsonNode tricky = results.get(1);
    assertEquals(
        "account/" + ReportFixtures.ACCOUNT + "/apikey/ApiKey-1111",
        tricky.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals(ReportFixtures.TRICKY, tricky.at("/properties/name").asText());
    assertEquals("error", tricky.get("level").asText());
  }

  @Test
  void marksAllowlistedFindingsAsAcceptedSuppressionsAndExpiredOnesNot() throws Exception {
    JsonNode results = run(new SarifReport(), ReportFixtures.sample()).get("results");
    JsonNode allowlisted = results.get(2);
    assertEquals("ApiKey-3333", allowlisted.at("/properties/entityId").asText());
    assertEquals("external", allowlisted.at("/suppressions/0/kind").asText());
    assertEquals("accepted", allowlisted.at("/suppressions/0/status").asText());
    assertEquals(
        "Disaster-recovery key, used only in quarterly drills (secops@example.com, expires"
            + " 2027-01-31)",
        allowlisted.at("/suppressions/0/justification").asText());
    assertEquals(
        "governance/iam-allowlist.yml",
        allowlisted.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    JsonNode expired = results.get(3);
    assertEquals("ApiKey-4444", expired.at("/properties/entityId").asText());
    assertEquals("violation", expired.at("/properties/status").asText());
    assertFalse(expired.has("suppressions"));
  }

  @Test
  void namesTheAccountAsCategoryAndReportsRulesNotEvaluated() throws Exception {
    JsonNode run = run(new SarifReport(), ReportFixtures.sample());
    assertEquals(
        "iam-audit/" + ReportFixtures.ACCOUNT + "/", run.at("/automationDetails/id").asText());
    JsonNode invocation = run.at("/invocations/0");
    assertTrue(invocation.get("executionSuccessful").asBoolean());
    JsonNode notification = invocation.at("/toolExecutionNotifications/0");
    assertEquals("note", notification.get("level").asText());
    assertEquals("apikey-orphaned", notification.at("/associatedRule/id").asText());
    assertEquals(3, notification.at("/associatedRule/index").asInt());
    assertEquals(
        "needs the user listing, which a saved activity report does not hold",
        notification.at("/message/text").asText());
    assertEquals(
        "user-invitation-stale",
        invocation.at("/toolExecutionNotifications/1/associatedRule/id").asText());
    assertEquals(
        "Used the latest report ref-0042 (2 hours old).",
        invocation.at("/toolExecutionNotifications/2/message/text").asText());
    assertFalse(run.has("properties"));
  }

  @Test
  void keepsTheMostSevereResultsWithinTheLimitAndSaysSo() throws Exception {
    AuditResult result = ReportFixtures.sample();
    JsonNode run = run(new SarifReport(5), result);
    assertEquals(5, run.get("results").size());
    for (int i = 0; i < 5; i++) {
      assertEquals(
          ReportFixtures.findings(result).get(i).fingerprint(),
          run.at("/results/" + i + "/partialFingerprints/primaryLocationLineHash").asText());
    }
    assertTrue(run.at("/properties/truncated").asBoolean());
    assertEquals(result.findings().size(), run.at("/properties/findings").asInt());
    assertEquals(5, run.at("/properties/results").asInt());
    String said =
        "iam-audit.sarif holds the 5 most severe of "
            + result.findings().size()
            + " findings, as GitHub code scanning accepts at most 5 results per run; the json"
            + " format writes every finding to iam-audit.json";
    assertEquals(List.of(said), new SarifReport(5).omissions(result));
    JsonNode notifications = run.at("/invocations/0/toolExecutionNotifications");
    JsonNode last = notifications.get(notifications.size() - 1);
    assertEquals("warning", last.get("level").asText());
    assertEquals(said, last.at("/message/text").asText());
  }

  @Test
  void withinTheLimitNothingIsLeftOut() {
    AuditResult result = ReportFixtures.sample();
    assertEquals(List.of(), new SarifReport((int) result.findings().size()).omissions(result));
  }

  @Test
  void levelsAndSecuritySeverityAgree() {
    assertEquals("error", SarifReport.level(dev.iamaudit.policy.Severity.CRITICAL));
    assertEquals("9.5", SarifReport.securitySeverity(dev.iamaudit.policy.Severity.CRITICAL));
    assertEquals("warning", SarifReport.level(dev.iamaudit.policy.Severity.MEDIUM));
    assertEquals("5.5", SarifReport.securitySeverity(dev.iamaudit.policy.Severity.MEDIUM));
  }

  @Test
  void emptyAccountStillListsEveryRule() throws Exception {
    JsonNode run = run(new SarifReport(), ReportFixtures.empty());
    assertEquals(0, run.get("results").size());
    assertEquals(Rules.all().size(), run.at("/tool/driver/rules").size());
  }

  @Test
  void largeAccountHasEveryFindingInOrder() throws Exception {
    AuditResult result = ReportFixtures.generated(6_000);
    JsonNode results = run(new SarifReport(), result).get("results");
    assertEquals(result.findings().size(), results.size());
    assertEquals(4_600, results.size());
    assertEquals(
        ReportFixtures.findings(result).get(4_599).fingerprint(),
        results.get(4_599).at("/partialFingerprints/primaryLocationLineHash").asText());
  }
}
