package dev.iamaudit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.AuditRequest;
import dev.iamaudit.SourceChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline goal configured by the harness as Maven configures it: the audit's parameters, its
 * own two, and the audit that passes after it.
 */
@MojoTest
class BaselineMojoTest {
  private static final String PLUGIN_ONLY = "classpath:/dev/iamaudit/maven/plugin-only.xml";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String READ =
      "[INFO] Read report.json: report 2c4b8a1e-5d3f-4e7a-9b0c-1d2e3f4a5b6c, 10"
          + " inactive identities over 720 hours, as of 2026-11-20 06:00:00 UTC";

  @TempDir Path dir;
  @Inject MavenSession session;
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    return ProjectDirectory.project(dir);
  }

  @BeforeEach
  void copyReport() throws IOException {
    Files.copy(
        Path.of("src/test/resources/dev/iamaudit/cli/report.json"), dir.resolve("report.json"));
    session.getUserProperties().setProperty("iam.reportFile", "report.json");
    session.getUserProperties().setProperty("iam.formats", "json");
  }

  private void prepare(AuditMojo mojo) {
    mojo.clock = CLOCK;
    mojo.sleeper = sleep -> {};
    mojo.setLog(log);
  }

  /** The audit goal as Maven would configure it in the same project, after the baseline. */
  private AuditMojo audit() {
    AuditMojo mojo =
        new AuditMojo(
            request -> {
              throw new AssertionError("nothing to decrypt");
            });
    mojo.basedir = dir.toFile();
    mojo.buildDirectory = dir.resolve("target").toFile();
    mojo.projectFile = dir.resolve("pom.xml").toFile();
    mojo.reportFile = dir.resolve("report.json").toFile();
    mojo.report = "new";
    mojo.apiKeyEnv = "IBMCLOUD_API_KEY";
    mojo.serverId = "ibmcloud";
    mojo.formats = "json";
    mojo.settings = new Settings();
    mojo.environment = name -> null;
    prepare(mojo);
    return mojo;
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("target/iam-audit/iam-audit.json").toFile());
  }

  @Test
  @InjectMojo(goal = "baseline", pom = PLUGIN_ONLY)
  void acceptsTheViolationsAndTheAuditThenPasses(BaselineMojo mojo) throws Exception {
    assertNull(mojo.owner);
    assertNull(mojo.expiresIn);
    assertEquals(dir.resolve("report.json").toFile(), mojo.reportFile);
    prepare(mojo);

    mojo.execute();

    assertEquals(
        List.of(
            "[INFO] Policy: none found at iam-audit.yml, using the defaults",
            "[INFO] Allowlist: iam-allowlist.yml (0 entries)",
            "[INFO] No Terraform files under .",
            READ,
            "[INFO] Created iam-allowlist.yml with 9 entries (expires 2027-02-22, no owner)",
            "[INFO] Wrote iam-allowlist.schema.json beside it, the schema its first line names"),
        log.lines);
    assertEquals(9, json().at("/summary/violations").asInt());
    log.lines.clear();

    audit().execute();

    assertEquals(
        "[INFO] IAM audit passed: 0 violations, 9 allowlisted, 10 rules not evaluated; none at or"
            + " above failOn medium. Reports: "
            + dir.resolve("target/iam-audit"),
        log.lines.get(log.lines.size() - 1));
    assertEquals("passed", json().at("/summary/gate").asText());
    assertEquals(9, json().at("/summary/allowlisted").asInt());
  }

  @Test
  @InjectMojo(goal = "baseline", pom = PLUGIN_ONLY)
  void runningItAgainAddsNothing(BaselineMojo mojo) throws Exception {
    prepare(mojo);
    mojo.execute();
    String once = Files.readString(dir.resolve("iam-allowlist.yml"));
    log.lines.clear();

    mojo.execute();

    assertEquals(
        "[INFO] Nothing to add: every finding is allowlisted already (9 findings);"
            + " iam-allowlist.yml is unchanged",
        log.lines.get(log.lines.size() - 1));
    assertEquals(once, Files.readString(dir.resolve("iam-allowlist.yml")));
  }

  /** -Diam.owner and -Diam.expiresIn, as on a command line. */
  @Nested
  class OwnerAndExpiry {
    @BeforeEach
    void setProperties() {
      Properties properties = session.getUserProperties();
      properties.setProperty("iam.owner", "secops@example.com");
      properties.setProperty("iam.expiresIn", "30");
    }

    @Test
    @InjectMojo(goal = "baseline", pom = PLUGIN_ONLY)
    void reachTheEntries(BaselineMojo mojo) throws Exception {
      assertEquals("secops@example.com", mojo.owner);
      assertEquals(30, mojo.expiresIn);
      prepare(mojo);

      mojo.execute();

      assertTrue(
          log.lines.contains(
              "[INFO] Created iam-allowlist.yml with 9 entries (expires 2026-12-24, owner"
                  + " secops@example.com)"),
          log.lines.toString());
      assertTrue(
          Files.readString(dir.resolve("iam-allowlist.yml"))
              .contains("\n  owner: secops@example.com\n  expires: 2026-12-24\n"));
    }

    @Test
    @InjectMojo(goal = "baseline", pom = PLUGIN_ONLY)
    void beyondTheAllowlistLimitTheMessageNamesTheProperty(BaselineMojo mojo) throws Exception {
      Files.writeString(dir.resolve("iam-audit.yml"), "allowlistMaxDays: 20\n");
      prepare(mojo);

      MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

      assertEquals(
          "iam.expiresIn 30 is more than allowlistMaxDays (20 in iam-audit.yml), the most days from"
              + " today an entry may expire; give at most 20, or raise allowlistMaxDays in the"
              + " policy. Nothing was added",
          e.getMessage());
      assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
    }
  }

  @Nested
  class Demo {
    @BeforeEach
    void setProperties() {
      session.getUserProperties().remove("iam.reportFile");
      session.getUserProperties().setProperty("iam.demo", "true");
    }

    @Test
    @InjectMojo(goal = "baseline", pom = PLUGIN_ONLY)
    void needsAnAllowlistOfItsOwn(BaselineMojo mojo) {
      prepare(mojo);

      MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

      assertEquals(
          "iam:baseline with iam.demo needs iam.allowlist: the demo audits with an allowlist it"
              + " writes anew on every run, so entries added there would be lost. Name the file to"
              + " add them to with -Diam.allowlist=FILE, and audit with the same iam.allowlist",
          e.getMessage());
      assertEquals(List.of(), log.lines);
    }
  }

  @Nested
  class Skipped {
    @BeforeEach
    void setProperties() {
      session.getUserProperties().setProperty("iam.skip", "true");
    }

    @Test
    @InjectMojo(goal = "baseline", pom = PLUGIN_ONLY)
    void iamSkipReadsAndWritesNothing(BaselineMojo mojo) throws Exception {
      prepare(mojo);

      mojo.execute();

      assertEquals(List.of("[INFO] Skipping the IAM baseline (iam.skip)"), log.lines);
      assertFalse(Files.exists(dir.resolve("iam-allowlist.yml")));
      assertFalse(Files.exists(dir.resolve("target")));
    }
  }

  /** The request is the audit goal's own mapping: a baseline audits what iam:audit would. */
  @Test
  @InjectMojo(goal = "baseline", pom = "classpath:/dev/iamaudit/maven/audit-configured.xml")
  void aPomsAuditConfigurationAppliesToTheBaselineToo(BaselineMojo mojo) throws Exception {
    session.getUserProperties().remove("iam.reportFile");
    mojo.reportFile = null;
    mojo.environment = name -> "PROD_IAM_KEY".equals(name) ? "prod-key" : null;

    AuditRequest request = mojo.toRequest();

    SourceChoice.Live live = assertInstanceOf(SourceChoice.Live.class, request.source());
    assertEquals("environment variable PROD_IAM_KEY", live.settings().apiKeyOrigin());
    assertEquals(dir.resolve("governance/iam-allowlist.yml"), request.allowlistFile());
    assertEquals(dir.resolve("target/gate"), request.outputDirectory());
  }
}
