package dev.iamaudit.cli;

import dev.iamaudit.governance.RuleManual;
import dev.iamaudit.rules.Rules;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iam-audit rules [ID]}: the rule catalog from the tool itself. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the rules, or explains the one named.",
      "The list gives each rule's default severity, whether it is on by default, its parameters and"
          + " the data it needs. An explanation says what the rule finds, what to do, and the"
          + " policy and allowlist entries that configure it or accept one of its findings."
    })
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule id, e.g. apikey-inactive.")
  String id;

  private final Environment environment;

  RulesCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    RuleManual manual =
        new RuleManual(
            Rules.all(), LocalDate.ofInstant(environment.clock().instant(), ZoneOffset.UTC));
    PrintWriter out = spec.commandLine().getOut();
    if (id == null) {
      out.print(manual.list());
      out.println();
      out.println(
          "'"
              + environment.command()
              + " rules ID' explains a rule and how to configure it or accept a"
              + " finding.");
    } else {
      out.print(manual.explain(id));
    }
    out.flush();
    return 0;
  }
}
