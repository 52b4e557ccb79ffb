package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.audit.AuditEngine;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.FindingLines;
import dev.iamaudit.audit.TestAudits;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.FailOn;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The times people read to the second in the Markdown and HTML stay exact for machines. */
  @Test
  void timesAreTheExactInstants() throws Exception {
    JsonNode json =
        MAPPER.readTree(ReportFixtures.render(new JsonReport(), ReportFixtures.precise()));
    assertEquals("2026-12-01T23:39:56.102030405Z", json.get("generatedAt").asText());
    assertEquals("2026-12-01T23:39:55.458318817Z", json.get("asOf").asText());
    assertEquals("2026-12-01T23:39:50.648Z", json.at("/report/endTime").asText());
  }

  @Test
  void largeAccountHasEveryFindingInOrderOnALineOfItsOwn() throws Exception {
    AuditResult result = ReportFixtures.generated(12_000);
    String json = ReportFixtures.render(new JsonReport(), result);
    JsonNode findings = MAPPER.readTree(json).get("findings");
    assertEquals(9_200, findings.size());
    List<Finding> expected = ReportFixtures.findings(result);
    assertEquals(expected.size(), findings.size());
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = expected.get(i);
      JsonNode written = findings.get(i);
      assertEquals(finding.rule(), written.get("rule").asText());
      assertEquals(finding.entity().id(), written.at("/entity/id").asText());
      assertEquals(finding.message(), written.get("message").asText());
      assertEquals(finding.fingerprint(), written.get("fingerprint").asText());
    }
    assertEquals(
        findings.size(),
        Arrays.stream(json.split("\n")).filter(line -> line.startsWith("{\"rule\":")).count());
  }

  @Test
  void emptyAccountHasAnEmptyFindingsArray() throws Exception {
    String json = ReportFixtures.render(new JsonReport(), ReportFixtures.empty());
    assertEquals(0, MAPPER.readTree(json).get("findings").size());
    assertTrue(json.contains("\"findings\" : [ ]"));
  }

  /**
   * The lines the audit writes as it keeps the findings are the ones the findings read back would
   * give.
   */
  @Test
  void linesWrittenAsTheAuditGoesAreTheLinesOfTheFindings() {
    assertEquals(
        ReportFixtures.render(new JsonReport(), ReportFixtures.generatedWithoutLines(12_000)),
        ReportFixtures.render(new JsonReport(), ReportFixtures.generated(12_000)));
  }

  /**
   * A finding whose line could not be written as the audit went is written with the others, in its
   * place.
   */
  @Test
  void aFindingWithoutItsLineIsWrittenInItsPlace() {
    FindingLines json = new JsonReport().findingLines();
    FindingLines failing =
        out -> {
          FindingLines.Writer writer = json.open(out);
          return finding -> {
            if (finding.entity().id().endsWith("7")) {
              throw new IOException("no room for " + finding.entity().id());
            }
            writer.write(finding);
          };
        };
    AuditEngine engine = ReportFixtures.engine(Allowlist.NONE, FailOn.DEFAULT);
    Inventory inventory = ReportFixtures.generatedInventory(3_000);
    assertEquals(
        ReportFixtures.render(new JsonReport(), ReportFixtures.generatedWithoutLines(3_000)),
        ReportFixtures.render(
            new JsonReport(), TestAudits.audit(engine, inventory, List.of(), null, failing)));
  }

  @Test
  void eachRuleListsTheControlsItGivesEvidenceFor() throws Exception {
    JsonNode rules =
        MAPPER
            .readTree(ReportFixtures.render(new JsonReport(), ReportFixtures.sample()))
            .get("rules");
    JsonNode mfa = null;
    JsonNode leak = null;
    for (JsonNode rule : rules) {
      switch (rule.get("id").asText()) {
        case "account-mfa-disabled" -> mfa = rule;
        case "apikey-leak-action-none" -> leak = rule;
        default -> {}
      }
    }
    assertEquals(
        MAPPER.readTree(
            """
            [ { "framework": "CIS IBM Cloud Foundations Benchmark", "version": "1.1.0", "id": "1.7",
                "title": "Ensure multi-factor authentication (MFA) is enabled for all users in account" },
              { "framework": "CIS IBM Cloud Foundations Benchmark", "version": "1.1.0", "id": "1.9",
                "title": "Ensure multi-factor authentication (MFA) is enabled at the account level" },
              { "framework": "IBM Cloud Framework for Financial Services", "version": "2.0", "id": "IA-2(1)",
                "title": "Multi-factor Authentication to Privileged Accounts" },
              { "framework": "IBM Cloud Framework for Financial Services", "version": "2.0", "id": "IA-2(2)",
                "title": "Multi-factor Authentication to Non-privileged Accounts" },
              { "framework": "IBM Cloud Framework for Financial Services", "version": "2.0", "id": "IA-7",
                "title": "Cryptographic Module Authentication" } ]
            """),
        mfa.get("compliance"));
    assertEquals(MAPPER.readTree("[]"), leak.get("compliance"));
  }
}
