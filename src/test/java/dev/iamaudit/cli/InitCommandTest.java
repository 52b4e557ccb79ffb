package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.governance.Schemas;
import dev.iamaudit.governance.StarterFiles;
import dev.iamaudit.iam.Sleeper;
import dev.iamaudit.report.ToolVersion;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final StarterFiles STARTER =
      new StarterFiles(Rules.all(), LocalDate.of(2026, 11, 24), ToolVersion.get());

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Environment environment = new Environment(Map.of(), dir, CLOCK, Sleeper.REAL, false);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void writesTheStarterFilesIntoTheWorkingDirectory() throws IOException {
    assertEquals(0, run("init"));

    assertEquals(
        """
        Wrote iam-audit.yml
        Wrote iam-allowlist.yml
        Wrote iam-audit.schema.json
        Wrote iam-allowlist.schema.json
        Next: review iam-audit.yml, then run 'java -jar iam-audit.jar' here to audit with these files; 'java -jar\
         iam-audit.jar rules ID' explains a rule.
        """,
        out.toString());
    assertEquals("", err.toString());
    assertEquals(STARTER.policy(), Files.readString(dir.resolve("iam-audit.yml")));
    assertEquals(STARTER.allowlist(), Files.readString(dir.resolve("iam-allowlist.yml")));
    assertEquals(
        new Schemas(Rules.all()).policy(), Files.readString(dir.resolve("iam-audit.schema.json")));
  }

  @Test
  void writesIntoTheNamedDirectory() throws IOException {
    assertEquals(0, run("init", "--dir", "governance/prod"));

    assertEquals(
        """
        Wrote governance/prod/iam-audit.yml
        Wrote governance/prod/iam-allowlist.yml
        Wrote governance/prod/iam-audit.schema.json
        Wrote governance/prod/iam-allowlist.schema.json
        Next: review iam-audit.yml, then run 'java -jar iam-audit.jar' in governance/prod to audit with these files;\
         'java -jar iam-audit.jar rules ID' explains a rule.
        """,
        out.toString());
    assertEquals(
        STARTER.allowlist(), Files.readString(dir.resolve("governance/prod/iam-allowlist.yml")));
  }

  @Test
  void anExistingFileIsAUsageErrorAndNothingIsWritten() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "failOn: high\n");

    assertEquals(2, run("init"));

    assertEquals(
        "iam-audit: iam-audit.yml already exists in "
            + dir
            + "; init never overwrites a file: remove or"
            + " move it, then run init again\n",
        err.toString());
    assertEquals("", out.toString());
    assertEquals("failOn: high\n", Files.readString(dir.resolve("iam-audit.yml")));
    assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
  }

  @Test
  void schemasOnlyRefreshesTheSchemasBesideExistingFiles() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "failOn: high\n");
    Files.writeString(dir.resolve("iam-audit.schema.json"), "{}\n");

    assertEquals(0, run("init", "--schemas-only"));

    assertEquals("Wrote iam-audit.schema.json\nWrote iam-allowlist.schema.json\n", out.toString());
    assertEquals(
        new Schemas(Rules.all()).policy(), Files.readString(dir.resolve("iam-audit.schema.json")));
    assertEquals("failOn: high\n", Files.readString(dir.resolve("iam-audit.yml")));
  }

  /**
   * Day one in an empty governance repo: init, a rule uncommented and changed, and the audit that
   * follows it.
   */
  @Test
  void theWrittenFilesAreWhatTheNextAuditReads() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("report.json")) {
      Files.copy(in, dir.resolve("report.json"));
    }
    assertEquals(0, run("init"));
    String changed = "  apikey-inactive: { severity: low }";
    Path policy = dir.resolve("iam-audit.yml");
    Files.writeString(
        policy,
        Files.readString(policy)
            .replace(
                "  #apikey-inactive: { enabled: true, severity: high, maxDays: 90 }", changed));

    assertEquals(1, run("--report-file", "report.json", "--format", "json"));

    JsonNode findings =
        new ObjectMapper()
            .readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile())
            .at("/findings");
    int line = Files.readAllLines(policy).indexOf(changed) + 1;
    int inactive = 0;
    for (JsonNode finding : findings) {
      if (finding.at("/rule").asText().equals("apikey-inactive")) {
        inactive++;
        assertEquals("low", finding.at("/severity").asText());
        assertEquals(
            "iam-audit.yml:" + line,
            finding.at("/location/file").asText() + ":" + finding.at("/location/line").asInt());
      }
    }
    assertEquals(2, inactive);
    assertEquals("", err.toString());
  }
}
