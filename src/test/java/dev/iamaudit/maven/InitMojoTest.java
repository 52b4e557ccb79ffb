package dev.iamaudit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.governance.Schemas;
import dev.iamaudit.governance.StarterFiles;
import dev.iamaudit.report.ToolVersion;
import dev.iamaudit.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The init goal, configured by the harness as Maven configures it, writing into the project's base
 * directory.
 */
@MojoTest
class InitMojoTest {
  private static final String PLUGIN_ONLY = "classpath:/dev/iamaudit/maven/plugin-only.xml";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final StarterFiles STARTER =
      new StarterFiles(Rules.all(), LocalDate.of(2026, 11, 24), ToolVersion.get());

  @TempDir Path dir;
  @Inject MavenSession session;
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    return ProjectDirectory.project(dir);
  }

  private void prepare(InitMojo mojo) {
    mojo.clock = CLOCK;
    mojo.setLog(log);
  }

  @Test
  @InjectMojo(goal = "init", pom = PLUGIN_ONLY)
  void writesTheStarterFilesIntoTheProjectDirectory(InitMojo mojo) throws Exception {
    assertFalse(mojo.schemasOnly);
    assertEquals(dir.toFile(), mojo.basedir);
    prepare(mojo);

    mojo.execute();

    assertEquals(
        List.of(
            "[INFO] Wrote " + dir.resolve("iam-audit.yml"),
            "[INFO] Wrote " + dir.resolve("iam-allowlist.yml"),
            "[INFO] Wrote " + dir.resolve("iam-audit.schema.json"),
            "[INFO] Wrote " + dir.resolve("iam-allowlist.schema.json"),
            "[INFO] Next: review iam-audit.yml, then run mvn iam:audit to audit with these files"),
        log.lines);
    assertEquals(STARTER.policy(), Files.readString(dir.resolve("iam-audit.yml")));
    assertEquals(STARTER.allowlist(), Files.readString(dir.resolve("iam-allowlist.yml")));
    assertEquals(
        new Schemas(Rules.all()).allowlist(),
        Files.readString(dir.resolve("iam-allowlist.schema.json")));
  }

  @Test
  @InjectMojo(goal = "init", pom = PLUGIN_ONLY)
  void anExistingFileFailsTheGoalAndIsKept(InitMojo mojo) throws Exception {
    Files.writeString(dir.resolve("iam-allowlist.yml"), "# ours\n");
    prepare(mojo);

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertEquals(
        "iam-allowlist.yml already exists in "
            + dir
            + "; init never overwrites a file: remove or move it,"
            + " then run init again",
        e.getMessage());
    assertEquals("# ours\n", Files.readString(dir.resolve("iam-allowlist.yml")));
    assertFalse(Files.exists(dir.resolve("iam-audit.yml")));
  }

  @Nested
  class SchemasOnly {
    @BeforeEach
    void setProperty() {
      session.getUserProperties().setProperty("iam.schemasOnly", "true");
    }

    @Test
    @InjectMojo(goal = "init", pom = PLUGIN_ONLY)
    void iamSchemasOnlyReplacesTheSchemasAndKeepsTheFiles(InitMojo mojo) throws Exception {
      assertTrue(mojo.schemasOnly);
      Files.writeString(dir.resolve("iam-audit.yml"), "failOn: high\n");
      Files.writeString(dir.resolve("iam-audit.schema.json"), "{}\n");
      prepare(mojo);

      mojo.execute();

      assertEquals(
          List.of(
              "[INFO] Wrote " + dir.resolve("iam-audit.schema.json"),
              "[INFO] Wrote " + dir.resolve("iam-allowlist.schema.json")),
          log.lines);
      assertEquals(
          new Schemas(Rules.all()).policy(),
          Files.readString(dir.resolve("iam-audit.schema.json")));
      assertEquals("failOn: high\n", Files.readString(dir.resolve("iam-audit.yml")));
    }
  }
}
