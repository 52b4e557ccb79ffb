package dev.iamaudit.cli;

import dev.iamaudit.iam.Sleeper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The standalone jar's entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Environment environment = new Environment(System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC(),
        Sleeper.REAL, System.console() != null);
    System.exit(run(environment, out, err, args));
  }

  /** Runs one command line and returns its exit code; tests call this. */
  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    return AuditCommand.commandLine(environment, out, err).execute(args);
  }
}
