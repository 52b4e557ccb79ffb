package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabCodeQualityReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void listsEveryViolationAndNoAllowlistedFinding() throws Exception {
    AuditResult result = ReportFixtures.sample();
    String json = ReportFixtures.render(new GitlabCodeQualityReport(), result);
    assertEquals('[', json.getBytes(StandardCharsets.UTF_8)[0]);
    JsonNode issues = MAPPER.readTree(json);
    List<Finding> violations =
        ReportFixtures.findings(result).stream().filter(Finding::isViolation).toList();
    assertEquals(violations.size(), issues.size());
    for (int i = 0; i < issues.size(); i++) {
      Finding finding = violations.get(i);
      JsonNode issue = issues.get(i);
      assertEquals(finding.message(), issue.get("description").asText());
      assertEquals(finding.rule(), issue.get("check_name").asText());
      assertEquals(finding.fingerprint(), issue.get("fingerprint").asText());
      assertEquals(finding.location().file(), issue.at("/location/path").asText());
      assertEquals(finding.location().line(), issue.at("/location/lines/begin").asInt());
    }
    assertEquals(
        List.of(
            "major", "major", "major", "major", "minor", "minor", "minor", "minor", "minor", "info",
            "info", "info", "info"),
        issues.findValuesAsText("severity"));
  }

  @Test
  void largeAccountHasEveryViolationInOrder() throws Exception {
    AuditResult result = ReportFixtures.generated(12_000);
    JsonNode issues = MAPPER.readTree(ReportFixtures.render(new GitlabCodeQualityReport(), result));
    List<Finding> violations =
        ReportFixtures.findings(result).stream().filter(Finding::isViolation).toList();
    assertEquals(9_200, violations.size());
    assertEquals(violations.size(), issues.size());
    for (int i = 0; i < issues.size(); i++) {
      assertEquals(violations.get(i).message(), issues.get(i).get("description").asText());
      assertEquals(violations.get(i).fingerprint(), issues.get(i).get("fingerprint").asText());
    }
  }

  /**
   * Issues formatted chunk by chunk come out as one generator pretty-printing the whole array would
   * write them.
   */
  @Test
  void printsAsJacksonsDefaultPrinter() throws Exception {
    AuditResult result = ReportFixtures.generated(6_000);
    String written = ReportFixtures.render(new GitlabCodeQualityReport(), result);
    assertEquals(
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(written)),
        written);
  }

  @Test
  void emptyAccountIsAnEmptyArray() {
    assertEquals(
        "[ ]", ReportFixtures.render(new GitlabCodeQualityReport(), ReportFixtures.empty()));
  }

  @Test
  void mapsCriticalToCritical() {
    assertEquals(
        "critical", GitlabCodeQualityReport.severity(dev.iamaudit.policy.Severity.CRITICAL));
  }
}
