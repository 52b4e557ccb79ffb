package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void largeAccountHasEveryFindingInOrderOnALineOfItsOwn() throws Exception {
    AuditResult result = ReportFixtures.generated(12_000);
    String json = ReportFixtures.render(new JsonReport(), result);
    JsonNode findings = MAPPER.readTree(json).get("findings");
    assertEquals(9_200, findings.size());
    assertEquals(result.findings().size(), findings.size());
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = result.findings().get(i);
      JsonNode written = findings.get(i);
      assertEquals(finding.rule(), written.get("rule").asText());
      assertEquals(finding.entity().id(), written.at("/entity/id").asText());
      assertEquals(finding.message(), written.get("message").asText());
      assertEquals(finding.fingerprint(), written.get("fingerprint").asText());
    }
    assertEquals(findings.size(), Arrays.stream(json.split("\n")).filter(line -> line.startsWith("{\"rule\":")).count());
  }

  @Test
  void emptyAccountHasAnEmptyFindingsArray() throws Exception {
    String json = ReportFixtures.render(new JsonReport(), ReportFixtures.empty());
    assertEquals(0, MAPPER.readTree(json).get("findings").size());
    assertTrue(json.contains("\"findings\" : [ ]"));
  }

  @Test
  void eachRuleListsTheControlsItGivesEvidenceFor() throws Exception {
    JsonNode rules = MAPPER.readTree(ReportFixtures.render(new JsonReport(), ReportFixtures.sample())).get("rules");
    JsonNode mfa = null;
    JsonNode leak = null;
    for (JsonNode rule : rules) {
      switch (rule.get("id").asText()) {
        case "account-mfa-disabled" -> mfa = rule;
        case "apikey-leak-action-none" -> leak = rule;
        default -> { }
      }
    }
    assertEquals(MAPPER.readTree("""
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
        """), mfa.get("compliance"));
    assertEquals(MAPPER.readTree("[]"), leak.get("compliance"));
  }
}
