package dev.iamaudit.cli;

import dev.iamaudit.Counted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * What a bad command line is told, without ever repeating a value from it: an API key pasted where
 * a file name, a variable name or an option belongs would otherwise land in the CI log. Option
 * names are shown, values never.
 */
final class ArgumentErrors {
  /** Option names people try for passing the key itself, compared without dashes or case. */
  private static final Set<String> KEY_OPTIONS =
      Set.of(
          "apikey",
          "key",
          "ibmcloudapikey",
          "iamapikey",
          "token",
          "accesstoken",
          "password",
          "secret");

  private ArgumentErrors() {}

  /** The lines to print, the last one pointing at the help. */
  static List<String> describe(ParameterException ex) {
    List<String> lines = new ArrayList<>();
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      unmatched(unmatched, lines);
    } else if (ex instanceof CommandLine.MissingParameterException
        || ex instanceof CommandLine.OverwrittenOptionException
        || ex instanceof CommandLine.MutuallyExclusiveArgsException) {
      // picocli names only the options in these, never a value.
      lines.add("iam-audit: " + ex.getMessage());
    } else if (ex.getArgSpec() instanceof OptionSpec option) {
      lines.add(
          "iam-audit: invalid value for "
              + option.longestName()
              + " ("
              + option.paramLabel()
              + "), not shown in case it is a secret");
    } else {
      lines.add(
          "iam-audit: invalid command line; its arguments are not shown, in case one is a secret");
    }
    lines.add(
        "Run '"
            + ex.getCommandLine().getCommandSpec().qualifiedName()
            + " --help' for the options.");
    return lines;
  }

  private static void unmatched(CommandLine.UnmatchedArgumentException ex, List<String> lines) {
    List<String> options = new ArrayList<>();
    int values = 0;
    for (String argument : ex.getUnmatched()) {
      if (argument.startsWith("-") && argument.length() > 1) {
        int equals = argument.indexOf('=');
        options.add(equals < 0 ? argument : argument.substring(0, equals));
        if (equals >= 0) {
          values++;
        }
      } else {
        values++;
      }
    }
    for (String option : options) {
      if (KEY_OPTIONS.contains(option.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))) {
        lines.add(
            "iam-audit: there is no "
                + option
                + " option: the API key is read only from the environment, from IBMCLOUD_API_KEY or"
                + " the variable --api-key-env NAME names, so that it never shows in process lists"
                + " or logs");
        return;
      }
    }
    if (options.isEmpty()) {
      lines.add(
          "iam-audit: unexpected argument, not shown in case it is a secret; "
              + takes(ex.getCommandLine()));
      return;
    }
    String hidden =
        values == 0
            ? ""
            : ", and "
                + Counted.of(values, "value")
                + ", not shown in case "
                + (values == 1 ? "it is" : "one is")
                + " a secret";
    lines.add(
        "iam-audit: unknown option"
            + (options.size() == 1 ? " " : "s ")
            + String.join(", ", options)
            + hidden);
    if (!ex.getSuggestions().isEmpty()) {
      // picocli lists the closest first; the rest are mostly noise ("--report" for "--repor-file").
      lines.add("Did you mean " + ex.getSuggestions().get(0) + "?");
    }
  }

  /**
   * What the command accepts besides options: "iam-audit takes options only, ..." or "rules takes
   * one ID at most".
   */
  private static String takes(CommandLine command) {
    List<CommandLine.Model.PositionalParamSpec> positionals =
        command.getCommandSpec().positionalParameters();
    // The tool is iam-audit however it is run; a subcommand goes by its own name.
    String name = command.getParent() == null ? "iam-audit" : command.getCommandName();
    if (positionals.isEmpty()) {
      return name + " takes options only, such as --report-file FILE";
    }
    return name
        + " takes "
        + String.join(
            ", ",
            positionals.stream()
                .map(
                    positional ->
                        (positional.arity().max() == 1 ? "one " : "")
                            + positional.paramLabel()
                            + (positional.arity().min() == 0 ? " at most" : ""))
                .toList());
  }
}
