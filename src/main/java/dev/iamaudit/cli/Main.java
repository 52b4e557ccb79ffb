package dev.iamaudit.cli;

import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.OutOfMemory;
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

  /** The one line that says the heap was too small and how to give it more. */
  static String outOfMemory(long maxHeap) {
    if (!OutOfMemory.limited(maxHeap)) {
      return "iam-audit: out of memory, with no limit set on the Java heap. Give it more memory, or audit with "
          + "fewer report formats";
    }
    String more = "-Xmx" + OutOfMemory.doubled(maxHeap);
    return "iam-audit: out of memory: the Java heap is limited to " + OutOfMemory.size(maxHeap) + ". Give it more, "
        + "e.g. java " + more + " -jar iam-audit.jar (or JAVA_OPTS=" + more + " where your CI passes JAVA_OPTS to java)";
  }

  /** Runs one command line and returns its exit code; tests call this. */
  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    try {
      return AuditCommand.commandLine(environment, out, err).execute(args);
    } catch (OutOfMemoryError e) {
      // The heap the failed work held is garbage now, so there is room for this one line.
      err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
      err.flush();
      return DataException.EXIT_CODE;
    }
  }
}
