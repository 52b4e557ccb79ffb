package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.iam.Sleeper;
import dev.iamaudit.simulator.DemoAccount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The help and the hints name the command as the user runs it: the jar, or the distribution's
 * launcher.
 */
class CommandNameTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String command, String... args) {
    Environment environment =
        new Environment(Map.of(), dir, CLOCK, Sleeper.REAL, false, command, true);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void theJarsHelpSaysJavaDashJar() {
    assertEquals(0, run(Environment.JAR, "--help"));
    assertTrue(
        out.toString().startsWith("Usage: java -jar iam-audit.jar [-hV] [--demo]"), out.toString());
  }

  @Test
  void theLaunchersHelpAndHintsSayIamAudit() {
    assertEquals(0, run("iam-audit", "--help"));
    assertTrue(out.toString().startsWith("Usage: iam-audit [-hV] [--demo]"), out.toString());
    assertFalse(out.toString().contains("java -jar"), out.toString());

    out.getBuffer().setLength(0);
    assertEquals(0, run("iam-audit", "rules", "--help"));
    assertTrue(out.toString().startsWith("Usage: iam-audit rules [-hV] [ID]\n"), out.toString());

    out.getBuffer().setLength(0);
    assertEquals(0, run("iam-audit", "rules"));
    assertTrue(
        out.toString()
            .endsWith(
                "\n'iam-audit rules ID' explains a rule and how to configure it or accept a"
                    + " finding.\n"),
        out.toString());

    out.getBuffer().setLength(0);
    assertEquals(0, run("iam-audit", "init"));
    assertTrue(
        out.toString()
            .endsWith(
                "Next: review iam-audit.yml, then run 'iam-audit' here to audit with these"
                    + " files; 'iam-audit rules ID' explains a rule.\n"),
        out.toString());

    assertEquals(2, run("iam-audit", "--frobnicate"));
    assertEquals(
        "iam-audit: unknown option --frobnicate\nRun 'iam-audit --help' for the options.\n",
        err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("iam-audit", "rules", "a", "b"));
    assertEquals(
        "iam-audit: unexpected argument, not shown in case it is a secret; rules takes one ID at"
            + " most\n"
            + "Run 'iam-audit rules --help' for the options.\n",
        err.toString());
  }

  @Test
  void theSimulatorSuggestsTheLaunchersCommandLine() {
    StringWriter served = new StringWriter();
    CommandLine line = new CommandLine(new SimulatorCommand(CLOCK, simulator -> {}, "iam-audit"));
    line.setOut(new PrintWriter(served, true));
    assertEquals(0, line.execute("--port", "0"));
    assertTrue(
        served.toString().contains("\n  iam-audit --iam-url http://127.0.0.1:"), served.toString());
    assertTrue(
        served
            .toString()
            .contains("  export IBMCLOUD_API_KEY=" + DemoAccount.API_KEY.reveal() + "\n"),
        served.toString());
  }

  @Test
  void outOfMemoryUnderTheLauncherSaysHowToPassTheHeapToIt() {
    assertEquals(
        "iam-audit: out of memory: the Java heap is limited to 256 MiB. Give it more, e.g."
            + " JAVA_OPTS=-Xmx512m iam-audit",
        Main.outOfMemory(256L << 20, "iam-audit"));
  }

  @Test
  void theLaunchersNameIsTakenOnlyWhenItIsPrintable() {
    assertEquals("iam-audit", Main.command("iam-audit"));
    assertEquals(Environment.JAR, Main.command(null));
    assertEquals(Environment.JAR, Main.command(" "));
    assertEquals(Environment.JAR, Main.command("iam-audit\u001b[2J"));
    assertEquals(Environment.JAR, Main.command("iam-audit\nRun"));
  }
}
