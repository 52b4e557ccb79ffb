package dev.iamaudit.maven;

import static dev.iamaudit.HostileIam.KEY;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.HostileIam;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Every way the goal can fail, with debug logging on (mvn -X): neither the API key nor a token
 * shows in the build log, in the failure Maven prints, in the stack trace it prints with -e, or in
 * any file the run leaves.
 */
class SecretsStayHiddenTest {
  @TempDir Path dir;
  private final Map<String, String> environment = new HashMap<>();
  private final RecordingLog log = new RecordingLog();

  private AuditMojo mojo() {
    AuditMojo mojo =
        new AuditMojo(
            new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(
                    new DefaultPlexusCipher(),
                    Map.of(),
                    dir.resolve("settings-security.xml").toString())));
    mojo.basedir = dir.toFile();
    mojo.buildDirectory = dir.resolve("target").toFile();
    mojo.report = "new";
    mojo.apiKeyEnv = "IBMCLOUD_API_KEY";
    mojo.serverId = "ibmcloud";
    mojo.settings = new Settings();
    mojo.formats = "all";
    mojo.environment = environment::get;
    mojo.sleeper = duration -> {};
    log.debugEnabled = true;
    mojo.setLog(log);
    return mojo;
  }

  /** The build fails, and neither what Maven prints of it nor anything else holds a secret. */
  private void assertFailsQuietly(AuditMojo mojo) {
    Exception e = assertThrows(Exception.class, mojo::execute);
    assertTrue(e instanceof MojoExecutionException, e.toString());
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    HostileIam.assertNoSecret("the failure", trace.toString());
    log.lines.forEach(line -> HostileIam.assertNoSecret("the build log", line));
    HostileIam.assertNoSecretIn(dir);
  }

  @ParameterizedTest
  @EnumSource(HostileIam.Failure.class)
  void noFailureOfIamShowsASecret(HostileIam.Failure failure) {
    try (HostileIam iam = HostileIam.start(failure)) {
      AuditMojo mojo = mojo();
      environment.put("IBMCLOUD_API_KEY", KEY);
      mojo.iamUrl = iam.uri();
      mojo.userManagementUrl = iam.uri();
      mojo.saveReport = dir.resolve("raw.json").toFile();
      assertFailsQuietly(mojo);
      assertTrue(
          log.lines.stream().anyMatch(line -> line.startsWith("[DEBUG] ")), log.lines.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = HostileIam.Failure.class,
      names = {"KEY_REFUSED", "UNAUTHORIZED", "SERVER_ERRORS"})
  void aKeyFromSettingsXmlStaysHiddenToo(HostileIam.Failure failure) {
    try (HostileIam iam = HostileIam.start(failure)) {
      AuditMojo mojo = mojo();
      Server server = new Server();
      server.setId("ibmcloud");
      server.setPassword(KEY);
      mojo.settings.addServer(server);
      mojo.iamUrl = iam.uri();
      mojo.userManagementUrl = iam.uri();
      assertFailsQuietly(mojo);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiKeyEnv",
        "failOn",
        "reportTimeout",
        "reportFile",
        "policy",
        "allowlist",
        "iamUrl",
        "formats",
        "property",
        "settings"
      })
  void noParameterGivenTheKeyShowsIt(String parameter) {
    AuditMojo mojo = mojo();
    Map<String, Consumer<AuditMojo>> ways =
        Map.of(
            "apiKeyEnv", m -> m.apiKeyEnv = KEY,
            "failOn", m -> m.failOn = KEY,
            "reportTimeout", m -> m.reportTimeout = KEY,
            "reportFile", m -> m.reportFile = dir.resolve(KEY).toFile(),
            "policy", m -> m.policy = dir.resolve(KEY).toFile(),
            "allowlist", m -> m.allowlist = dir.resolve(KEY + ".yml").toFile(),
            "iamUrl", m -> m.iamUrl = java.net.URI.create(KEY),
            "formats", m -> m.formats = "json," + KEY,
            "property", m -> m.propertyNames = () -> Set.of("iam.apiKey"),
            "settings",
                m -> {
                  Server server = new Server();
                  server.setId("ibmcloud");
                  server.setPassword("{" + KEY + "}");
                  m.settings.addServer(server);
                });
    ways.get(parameter).accept(mojo);
    if (parameter.equals("iamUrl")) {
      environment.put("IBMCLOUD_API_KEY", "a-key-that-is-not-used");
    }
    if (parameter.equals("policy") || parameter.equals("allowlist")) {
      mojo.demo = true;
    }
    assertFailsQuietly(mojo);
  }
}
