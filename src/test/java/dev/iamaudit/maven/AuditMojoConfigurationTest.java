package dev.iamaudit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamaudit.AuditRequest;
import dev.iamaudit.SourceChoice;
import dev.iamaudit.iam.IamSettings;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Severity;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit goal configured as Maven configures it (maven-plugin-testing-harness): the plugin
 * descriptor's defaults and expressions, a POM's configuration, user properties (-Dname=value), and
 * File parameters resolved against the project's base directory. AuditMojoTest covers what the goal
 * does with its parameters.
 */
@MojoTest
class AuditMojoConfigurationTest {
  private static final String PLUGIN_ONLY = "classpath:/dev/iamaudit/maven/plugin-only.xml";

  @TempDir Path dir;
  @Inject MavenSession session;

  /**
   * The project under test lives in a fresh directory, so nothing a goal writes lands in this repo.
   */
  @Provides
  MavenProject project() {
    return ProjectDirectory.project(dir);
  }

  @Test
  @InjectMojo(goal = "audit", pom = PLUGIN_ONLY)
  void withoutConfigurationEveryParameterHasItsDefault(AuditMojo mojo) throws Exception {
    assertFalse(mojo.skip);
    assertFalse(mojo.demo);
    assertNull(mojo.reportFile);
    assertEquals("new", mojo.report);
    assertNull(mojo.accountId);
    assertEquals("IBMCLOUD_API_KEY", mojo.apiKeyEnv);
    assertEquals("ibmcloud", mojo.serverId);
    assertNull(mojo.iamUrl);
    assertNull(mojo.userManagementUrl);
    assertNull(mojo.policy);
    assertNull(mojo.allowlist);
    assertNull(mojo.outputDirectory);
    assertNull(mojo.formats);
    assertNull(mojo.failOn);
    assertNull(mojo.saveReport);
    assertNull(mojo.reportTimeout);
    assertEquals(dir.toFile(), mojo.basedir);
    assertEquals(dir.resolve("target").toFile(), mojo.buildDirectory);
    assertNotNull(mojo.settings);

    mojo.environment = Map.of("IBMCLOUD_API_KEY", "env-key-0123")::get;
    AuditRequest request = mojo.toRequest();
    assertEquals(dir, request.baseDir());
    assertEquals(dir.resolve("target/iam-audit"), request.outputDirectory());
    assertEquals(List.of("sarif", "junit", "json"), request.formats());
    assertEquals("environment variable IBMCLOUD_API_KEY", live(request).apiKeyOrigin());
  }

  @Test
  @InjectMojo(goal = "audit", pom = "classpath:/dev/iamaudit/maven/audit-configured.xml")
  void aPomConfiguresEveryParameterWithPathsFromTheBaseDirectory(AuditMojo mojo) throws Exception {
    mojo.environment = Map.of("PROD_IAM_KEY", "prod-key")::get;

    AuditRequest request = mojo.toRequest();

    IamSettings live = live(request);
    assertEquals("latest", live.report());
    assertEquals("a1b2c3", request.accountId());
    assertEquals("environment variable PROD_IAM_KEY", live.apiKeyOrigin());
    assertEquals("ibmcloud-prod", mojo.serverId);
    assertEquals(URI.create("http://127.0.0.1:8080"), live.iamUrl());
    assertEquals(URI.create("http://127.0.0.1:8081"), live.userManagementUrl());
    assertEquals(dir.resolve("governance/iam-audit.yml"), request.policyFile());
    assertEquals(dir.resolve("governance/iam-allowlist.yml"), request.allowlistFile());
    assertEquals(dir.resolve("target/gate"), request.outputDirectory());
    assertEquals(List.of("sarif,junit"), request.formats());
    assertEquals(FailOn.of(Severity.HIGH), request.failOn());
    assertEquals(dir.resolve("raw-report.json"), live.saveReport());
    assertEquals(Duration.ofSeconds(90), live.reportTimeout());
  }

  private static IamSettings live(AuditRequest request) {
    return ((SourceChoice.Live) request.source()).settings();
  }

  /** -Diam.name=value for every parameter, as on a command line. */
  @Nested
  class FromUserProperties {
    @BeforeEach
    void setProperties() {
      Properties properties = session.getUserProperties();
      properties.setProperty("iam.demo", "true");
      properties.setProperty("iam.reportFile", "saved/report.json");
      properties.setProperty("iam.report", "latest");
      properties.setProperty("iam.accountId", "a1b2c3");
      properties.setProperty("iam.apiKeyEnv", "PROD_IAM_KEY");
      properties.setProperty("iam.serverId", "ibmcloud-prod");
      properties.setProperty("iam.iamUrl", "http://127.0.0.1:8080");
      properties.setProperty("iam.userManagementUrl", "http://127.0.0.1:8081");
      properties.setProperty("iam.policy", "governance/iam-audit.yml");
      properties.setProperty("iam.allowlist", "governance/iam-allowlist.yml");
      properties.setProperty("iam.outputDirectory", "reports");
      properties.setProperty("iam.formats", "all");
      properties.setProperty("iam.failOn", "never");
      properties.setProperty("iam.saveReport", "raw-report.json");
      properties.setProperty("iam.reportTimeout", "1h");
    }

    @Test
    @InjectMojo(goal = "audit", pom = PLUGIN_ONLY)
    void everyPropertyReachesItsParameter(AuditMojo mojo) {
      assertFalse(mojo.skip);
      assertEquals(true, mojo.demo);
      assertEquals(dir.resolve("saved/report.json").toFile(), mojo.reportFile);
      assertEquals("latest", mojo.report);
      assertEquals("a1b2c3", mojo.accountId);
      assertEquals("PROD_IAM_KEY", mojo.apiKeyEnv);
      assertEquals("ibmcloud-prod", mojo.serverId);
      assertEquals(URI.create("http://127.0.0.1:8080"), mojo.iamUrl);
      assertEquals(URI.create("http://127.0.0.1:8081"), mojo.userManagementUrl);
      assertEquals(dir.resolve("governance/iam-audit.yml").toFile(), mojo.policy);
      assertEquals(dir.resolve("governance/iam-allowlist.yml").toFile(), mojo.allowlist);
      assertEquals(dir.resolve("reports").toFile(), mojo.outputDirectory);
      assertEquals("all", mojo.formats);
      assertEquals("never", mojo.failOn);
      assertEquals(dir.resolve("raw-report.json").toFile(), mojo.saveReport);
      assertEquals("1h", mojo.reportTimeout);
    }
  }

  @Nested
  class Skipped {
    @BeforeEach
    void setProperties() {
      session.getUserProperties().setProperty("iam.skip", "true");
      session.getUserProperties().setProperty("iam.reportFile", "missing.json");
      session.getUserProperties().setProperty("iam.failOn", "severe");
    }

    @Test
    @InjectMojo(goal = "audit", pom = PLUGIN_ONLY)
    void iamSkipReadsAndWritesNothing(AuditMojo mojo) throws Exception {
      RecordingLog log = new RecordingLog();
      mojo.setLog(log);

      mojo.execute();

      assertEquals(List.of("[INFO] Skipping the IAM audit (iam.skip)"), log.lines);
      try (var files = Files.list(dir)) {
        assertEquals(List.of(), files.map(Path::getFileName).map(Path::toString).toList());
      }
      assertEquals(new File(dir.toFile(), "missing.json"), mojo.reportFile);
    }
  }
}
