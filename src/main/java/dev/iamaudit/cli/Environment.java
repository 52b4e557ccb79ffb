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
 * @param terminal whether output goes to a terminal (live progress line) or a CI log (a line every 15 s)
 */
public record Environment(
    Map<String, String> variables, Path workingDirectory, Clock clock, Sleeper sleeper, boolean terminal) {
  public Environment {
    variables = Map.copyOf(variables);
  }
}
