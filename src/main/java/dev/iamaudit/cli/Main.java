package dev.iamaudit.cli;

import dev.iamaudit.PrintableText;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.OutOfMemory;
import dev.iamaudit.iam.Sleeper;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** The standalone jar's entry point: the only place that calls {@code System.exit}. */
public final class Main {
  /**
   * The system property the distribution's launcher sets to the name it is run by, {@code
   * iam-audit}.
   */
  static final String COMMAND_PROPERTY = "iam-audit.command";

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Map<String, String> variables = System.getenv();
    Environment environment =
        new Environment(
            variables,
            Path.of("").toAbsolutePath(),
            Clock.systemUTC(),
            Sleeper.REAL,
            terminal(System.console()),
            command(System.getProperty(COMMAND_PROPERTY)),
            ansi(System.getProperty("os.name"), variables));
    System.exit(run(environment, out, err, args));
  }

  /**
   * How the user runs the tool: the name the launcher gives, else the jar; a name with controls is
   * no name.
   */
  static String command(String launcherName) {
    return launcherName == null
            || launcherName.isBlank()
            || !PrintableText.escape(launcherName).equals(launcherName)
        ? Environment.JAR
        : launcherName;
  }

  /**
   * Whether stdout goes to a terminal. From Java 22 {@code System.console()} is there when the
   * output is redirected too, and only its {@code isTerminal()} (which Java 17 lacks) tells.
   */
  static boolean terminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Whether a terminal shows ANSI colours: every one but a plain Windows console, which prints them
   * as text unless a Unix-like shell (TERM set), ANSICON or ConEmu interprets them, as picocli
   * judges it.
   */
  static boolean ansi(String osName, Map<String, String> variables) {
    return !osName.toLowerCase(Locale.ROOT).startsWith("windows")
        || variables.containsKey("TERM")
        || variables.containsKey("ANSICON")
        || "ON".equals(variables.get("ConEmuANSI"));
  }

  /**
   * The one line that says the heap was too small and how to give it more, run as {@code command}.
   */
  static String outOfMemory(long maxHeap, String command) {
    if (!OutOfMemory.limited(maxHeap)) {
      return "iam-audit: out of memory, with no limit set on the Java heap. Give it more memory, or"
          + " audit with fewer report formats";
    }
    String more = "-Xmx" + OutOfMemory.doubled(maxHeap);
    String example =
        command.equals(Environment.JAR)
            ? "java "
                + more
                + " -jar iam-audit.jar (or JAVA_OPTS="
                + more
                + " where your CI passes JAVA_OPTS to java)"
            : "JAVA_OPTS=" + more + " " + command;
    return "iam-audit: out of memory: the Java heap is limited to "
        + OutOfMemory.size(maxHeap)
        + ". Give it more, "
        + "e.g. "
        + example;
  }

  /** Runs one command line and returns its exit code; tests call this. */
  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    try {
      return AuditCommand.commandLine(environment, out, err).execute(args);
    } catch (OutOfMemoryError e) {
      // The heap the failed work held is garbage now, so there is room for this one line.
      err.println(outOfMemory(Runtime.getRuntime().maxMemory(), environment.command()));
      err.flush();
      return DataException.EXIT_CODE;
    }
  }
}
