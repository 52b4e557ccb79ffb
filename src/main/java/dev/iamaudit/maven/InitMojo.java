package dev.iamaudit.maven;

import dev.iamaudit.failure.AuditFailure;
import dev.iamaudit.governance.StarterFiles;
import dev.iamaudit.report.ToolVersion;
import dev.iamaudit.rules.Rules;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a starter {@code iam-audit.yml} (every rule with its default settings, commented) and
 * {@code iam-allowlist.yml} (a commented example entry) into the project's base directory, with the
 * JSON Schemas that let an editor check them. Never overwrites a file. Runs without a project too,
 * in the current directory: {@code mvn dev.iamaudit:iam-maven-plugin:init}.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {
  /**
   * Writes only the two JSON Schemas, replacing older ones (after upgrading the plugin); the YAML
   * files are kept.
   */
  @Parameter(property = "iam.schemasOnly", defaultValue = "false")
  boolean schemasOnly;

  /** Null without a project: Maven's stand-in project has no directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  Clock clock = Clock.systemUTC();

  @Override
  public void execute() throws MojoExecutionException {
    Path dir = basedir != null ? basedir.toPath() : Path.of("").toAbsolutePath();
    StarterFiles starter =
        new StarterFiles(
            Rules.all(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), ToolVersion.get());
    List<Path> written;
    try {
      written = schemasOnly ? starter.writeSchemas(dir) : starter.write(dir);
    } catch (AuditFailure e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    written.forEach(file -> getLog().info("Wrote " + file));
    if (!schemasOnly) {
      getLog().info("Next: review iam-audit.yml, then run mvn iam:audit to audit with these files");
    }
  }
}
