package dev.iamaudit.cli;

import dev.iamaudit.governance.StarterFiles;
import dev.iamaudit.report.ToolVersion;
import dev.iamaudit.rules.Rules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iam-audit init}: the starter policy, allowlist and their JSON Schemas, never over an
 * existing file.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a starter iam-audit.yml and iam-allowlist.yml with their JSON Schemas; never"
          + " overwrites a file.",
      "The policy lists every rule with its default settings, each under a comment; the allowlist"
          + " holds a commented example entry. Each names its schema (iam-audit.schema.json,"
          + " iam-allowlist.schema.json, written beside them) so that an editor checks it. An"
          + " existing file is refused (exit 2)."
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Directory to write into, created if missing (default: the working directory).")
  Path dir;

  @Option(
      names = "--schemas-only",
      description =
          "Write only the two JSON Schemas, replacing older ones (after upgrading iam-audit); the"
              + " YAML files are left alone.")
  boolean schemasOnly;

  private final Environment environment;

  InitCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Path base = environment.workingDirectory();
    Path target = dir == null ? base : base.resolve(dir).normalize();
    StarterFiles starter =
        new StarterFiles(
            Rules.all(),
            LocalDate.ofInstant(environment.clock().instant(), ZoneOffset.UTC),
            ToolVersion.get());
    List<Path> written = schemasOnly ? starter.writeSchemas(target) : starter.write(target);
    PrintWriter out = spec.commandLine().getOut();
    written.forEach(file -> out.println("Wrote " + base.relativize(file)));
    if (!schemasOnly) {
      String where = target.equals(base) ? "here" : "in " + base.relativize(target);
      String command = environment.command();
      out.println(
          "Next: review iam-audit.yml, then run '"
              + command
              + "' "
              + where
              + " to audit with these files; '"
              + command
              + " rules ID' explains a rule.");
    }
    out.flush();
    return 0;
  }
}
