package dev.iamaudit.cli;

import dev.iamaudit.iam.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the command line takes from the process, injected so tests control it.
 *
 * @param variables the environment variables (the API key is read from here only)
 * @param workingDirectory where relative paths and the default files are resolved
 * @param terminal whether output goes to a terminal (live progress line) or a CI log (a line every
 *     15 s)
 * @param command how the user runs the tool, for the help and the hints: {@value #JAR}, or {@code
 *     iam-audit} from the distribution's launcher
 * @param ansi whether the terminal, if it is one, shows ANSI colours (a Windows console without a
 *     hint does not)
 */
public record Environment(
    Map<String, String> variables,
    Path workingDirectory,
    Clock clock,
    Sleeper sleeper,
    boolean terminal,
    String command,
    boolean ansi) {
  /** How the standalone jar is run. */
  public static final String JAR = "java -jar iam-audit.jar";

  public Environment {
    variables = Map.copyOf(variables);
  }

  /** The jar run directly, on a terminal that shows colours if it is one. */
  public Environment(
      Map<String, String> variables,
      Path workingDirectory,
      Clock clock,
      Sleeper sleeper,
      boolean terminal) {
    this(variables, workingDirectory, clock, sleeper, terminal, JAR, true);
  }

  /**
   * Whether the console may colour what it prints: on a terminal that shows colours, unless {@code
   * NO_COLOR} is set to anything but the empty string (https://no-color.org).
   */
  boolean colour() {
    String noColor = variables.get("NO_COLOR");
    return terminal && ansi && (noColor == null || noColor.isEmpty());
  }
}
