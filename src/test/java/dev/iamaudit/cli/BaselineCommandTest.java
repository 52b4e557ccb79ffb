package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iam-audit baseline}: the audit's options, what it prints, its exit codes, and the audit
 * after it.
 */
class BaselineCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String READ =
      "No Terraform files under .\n"
          + "Read report.json: report 2c4b8a1e-5d3f-4e7a-9b0c-1d2e3f4a5b6c, 10 inactive identities"
          + " over 720 hours, as of 2026-11-20 06:00:00 UTC\n";

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void copyReport() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("report.json")) {
      Files.copy(in, dir.resolve("report.json"));
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Environment environment = new Environment(Map.of(), dir, CLOCK, sleep -> {}, false);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
  }

  @Test
  void acceptsTheViolationsAndTheSameAuditThenPasses() throws IOException {
    assertEquals(1, run("--report-file", "report.json", "--format", "json"));
    assertEquals(9, json().at("/summary/violations").asInt());

    assertEquals(
        0,
        run(
            "baseline",
            "--report-file",
            "report.json",
            "--format",
            "json",
            "--owner",
            "secops@example.com"));

    // The allowlist is created with init's header before the audit reads it.
    assertEquals(
        "Policy: none found at iam-audit.yml, using the defaults\n"
            + "Allowlist: iam-allowlist.yml (0 entries)\n"
            + READ
            + "Created iam-allowlist.yml with 9 entries (expires 2027-02-22, owner"
            + " secops@example.com)\n"
            + "Wrote iam-allowlist.schema.json beside it, the schema its first line names\n",
        out.toString());
    assertEquals("", err.toString());
    // The baseline's own reports show what it accepted: the violations as they stood.
    assertEquals(9, json().at("/summary/violations").asInt());

    assertEquals(0, run("--report-file", "report.json", "--format", "json"));
    JsonNode after = json();
    assertEquals("passed", after.at("/summary/gate").asText());
    assertEquals(0, after.at("/summary/violations").asInt());
    assertEquals(9, after.at("/summary/allowlisted").asInt());
    for (JsonNode finding : after.at("/findings")) {
      assertEquals("allowlisted", finding.at("/status").asText());
      assertEquals(
          "Accepted as a baseline on 2026-11-24", finding.at("/allowlist/reason").asText());
      assertEquals("secops@example.com", finding.at("/allowlist/owner").asText());
      assertEquals("2027-02-22", finding.at("/allowlist/expires").asText());
    }
  }

  @Test
  void runningItAgainAddsNothing() throws IOException {
    assertEquals(0, run("baseline", "--report-file", "report.json"));
    String once = Files.readString(dir.resolve("iam-allowlist.yml"));

    assertEquals(0, run("baseline", "--report-file", "report.json", "--quiet"));

    assertEquals(
        "Nothing to add: every finding is allowlisted already (9 findings); iam-allowlist.yml is"
            + " unchanged\n",
        out.toString());
    assertEquals(once, Files.readString(dir.resolve("iam-allowlist.yml")));
  }

  @Test
  void anExpiryOfOnesOwn() throws IOException {
    assertEquals(
        0, run("baseline", "--report-file", "report.json", "--expires-in", "14", "--quiet"));

    assertEquals(
        "Created iam-allowlist.yml with 9 entries (expires 2026-12-08, no owner)\n"
            + "Wrote iam-allowlist.schema.json beside it, the schema its first line names\n",
        out.toString());
    assertTrue(
        Files.readString(dir.resolve("iam-allowlist.yml")).contains("\n  expires: 2026-12-08\n"));
  }

  @Test
  void anExpiryBeyondTheAllowlistLimitIsAUsageError() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "allowlistMaxDays: 60\n");

    assertEquals(2, run("baseline", "--report-file", "report.json", "--expires-in", "90"));

    assertEquals(
        "iam-audit: --expires-in 90 is more than allowlistMaxDays (60 in iam-audit.yml), the most"
            + " days from today an entry may expire; give at most 60, or raise allowlistMaxDays in"
            + " the policy. Nothing was added\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, run("baseline", "--report-file", "report.json", "--expires-in", "0"));
    assertEquals(
        "iam-audit: --expires-in must be a number of days of at least 1, found 0\n",
        err.toString());

    assertEquals(2, run("baseline", "--report-file", "report.json", "--owner", " "));
    assertEquals(
        "iam-audit: --owner is empty; name who answers for the accepted findings (a team or an"
            + " address), or leave it out for entries without an owner\n",
        err.toString());

    assertEquals(2, run("baseline", "--report-file", "report.json", "--expires-in", "soon"));
    assertEquals(
        "iam-audit: invalid value for --expires-in (DAYS), not shown in case it is a secret\n"
            + "Run 'java -jar iam-audit.jar baseline --help' for the options.\n",
        err.toString());

    assertEquals(
        2, run("baseline", "--demo", "--report-file", "report.json", "--allowlist", "a.yml"));
    assertEquals(
        "iam-audit: --demo and --report-file exclude each other; choose one\n", err.toString());

    assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
    assertFalse(Files.exists(dir.resolve("a.yml")));
  }

  /**
   * A baseline takes every violation whatever the threshold, so it has no --fail-on to mislead
   * with.
   */
  @Test
  void failOnIsNoOptionOfBaseline() {
    assertEquals(2, run("baseline", "--report-file", "report.json", "--fail-on", "high"));

    assertEquals(
        "iam-audit: unknown option --fail-on, and 1 value, not shown in case it is a secret\n"
            + "Run 'java -jar iam-audit.jar baseline --help' for the options.\n",
        err.toString());
  }

  @Test
  void theHelpNamesItsOwnOptionsAndExitCodes() {
    assertEquals(0, run("baseline", "--help"));

    String help = out.toString();
    assertTrue(help.startsWith("Usage: java -jar iam-audit.jar baseline "), help);
    assertTrue(help.contains("      --owner=OWNER          Who answers for the entries"), help);
    assertTrue(
        help.contains(
            "      --expires-in=DAYS      Days from today until the entries expire (default:"),
        help);
    assertTrue(
        help.contains("      --report-file=FILE     Audit a saved activity report offline."), help);
    assertFalse(help.contains("--fail-on"), help);
    assertTrue(
        help.contains("Exit codes:\n  0   the entries were added, or there was nothing to add\n"),
        help);
    assertFalse(help.contains("the gate failed"), help);
  }

  @Test
  void theDemoNeedsAnAllowlistOfItsOwn() {
    assertEquals(2, run("baseline", "--demo"));

    assertEquals(
        "iam-audit: baseline --demo needs --allowlist FILE: the demo audits with an allowlist it"
            + " writes anew on every run, so entries added there would be lost. Name the file to"
            + " add them to, and audit with the same --allowlist\n",
        err.toString());
    assertEquals("", out.toString());
  }

  /**
   * The account settings findings are accepted too, and the demo audit with the same allowlist then
   * passes.
   */
  @Test
  void theDemoWithAnAllowlistOfItsOwnThenPasses() throws IOException {
    assertEquals(0, run("baseline", "--demo", "--allowlist", "accepted.yml", "--quiet"));

    assertEquals(
        "Created accepted.yml with 34 entries (expires 2027-02-22, no owner)\n"
            + "Wrote iam-allowlist.schema.json beside it, the schema its first line names\n",
        out.toString());
    assertEquals(0, run("--demo", "--allowlist", "accepted.yml", "--format", "json", "--quiet"));
    assertEquals(
        "Gate passed: 0 violations, 34 allowlisted; none at or above failOn medium.\n",
        out.toString());
    long account = 0;
    for (JsonNode finding : json().at("/findings")) {
      if (finding.at("/entity/type").asText().equals("account")) {
        account++;
        assertEquals("allowlisted", finding.at("/status").asText());
      }
    }
    assertEquals(5, account);
  }

  @Test
  void anAllowlistThatDoesNotLoadIsAUsageErrorNamingItsLine() throws IOException {
    String broken =
        "- match: { id: IBMid-6670000GHI }\n  reason: \"new joiner\n  expires: 2027-01-31\n";
    Files.writeString(dir.resolve("iam-allowlist.yml"), broken);

    assertEquals(2, run("baseline", "--report-file", "report.json"));

    assertTrue(err.toString().startsWith("iam-audit: iam-allowlist.yml:"), err.toString());
    assertEquals(broken, Files.readString(dir.resolve("iam-allowlist.yml")));
  }

  @Test
  void aReportThatCannotBeTrustedIsExitThreeAndAddsNothing() throws IOException {
    Files.writeString(dir.resolve("report.json"), "{\"reference\": ");

    assertEquals(3, run("baseline", "--report-file", "report.json"));

    assertEquals(
        "iam-audit: report.json is not a valid activity report at line 1, column 15: the report"
            + " ends early (truncated?). Fetch the report again or check that the file is"
            + " complete.\n",
        err.toString());
    assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
  }
}
