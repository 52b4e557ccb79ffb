package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.iam.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colours on a terminal that shows them, unless NO_COLOR or --no-color; never in a file or a CI
 * log.
 */
class ColourTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String RED = "\u001b[31m";
  private static final String BOLD_RED = "\u001b[1;31m";
  private static final String GREEN = "\u001b[32m";
  private static final String RESET = "\u001b[0m";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void copyReport() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("report.json")) {
      Files.copy(in, dir.resolve("report.json"));
    }
  }

  private int run(boolean terminal, boolean ansi, Map<String, String> variables, String... args) {
    Environment environment =
        new Environment(variables, dir, CLOCK, Sleeper.REAL, terminal, Environment.JAR, ansi);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private int onATerminal(String... args) {
    return run(true, true, Map.of(), args);
  }

  @Test
  void aTerminalSeesTheSeveritiesAndTheVerdictInColour() {
    assertEquals(1, onATerminal("--report-file", "report.json", "--format", "json"));

    String console = out.toString();
    assertTrue(
        console.contains("\n  " + RED + "HIGH" + RESET + " apikey-inactive: API key 'ci-deployer'"),
        console);
    assertTrue(console.contains("\n  \u001b[33mMEDIUM" + RESET + " "), console);
    assertTrue(
        console.endsWith(
            "\n"
                + BOLD_RED
                + "Gate FAILED"
                + RESET
                + ": 9 violations (3 high, 5 medium, 1 low), 0 allowlisted, 10 rules not evaluated;"
                + " 8 at or above failOn medium. Fix them, or accept them in the allowlist with a"
                + " reason and an expiry date.\n"),
        console);
    assertFalse(err.toString().contains("\u001b"), err.toString());
  }

  @Test
  void aPassAndTheQuietVerdictAreColouredToo() {
    assertEquals(
        0, onATerminal("--report-file", "report.json", "--format", "json", "--fail-on", "never"));
    assertTrue(
        out.toString()
            .endsWith(
                "\n"
                    + GREEN
                    + "Gate passed"
                    + RESET
                    + ": 9 violations (3 high, 5 medium, 1 low), 0 allowlisted, 10 rules not"
                    + " evaluated; reporting only (failOn never).\n"),
        out.toString());

    out.getBuffer().setLength(0);
    assertEquals(1, onATerminal("--report-file", "report.json", "--format", "json", "--quiet"));
    assertEquals(
        BOLD_RED
            + "Gate failed"
            + RESET
            + ": 9 violations (3 high, 5 medium, 1 low), 0 allowlisted, 10"
            + " rules not evaluated; 8 at or above failOn medium.\n",
        out.toString());
  }

  @Test
  void noColorSetToAnythingButEmptyTurnsColourOff() {
    assertEquals(
        1,
        run(
            true,
            true,
            Map.of("NO_COLOR", "1"),
            "--report-file",
            "report.json",
            "--format",
            "json"));
    assertFalse(out.toString().contains("\u001b"), out.toString());

    assertEquals(
        1,
        run(
            true,
            true,
            Map.of("NO_COLOR", ""),
            "--report-file",
            "report.json",
            "--format",
            "json"));
    assertTrue(out.toString().contains(BOLD_RED + "Gate FAILED" + RESET), out.toString());
  }

  @Test
  void noColorTheOptionTurnsColourOff() {
    assertEquals(1, onATerminal("--report-file", "report.json", "--format", "json", "--no-color"));
    assertFalse(out.toString().contains("\u001b"), out.toString());
    assertTrue(out.toString().contains("\n  HIGH apikey-inactive: "), out.toString());
  }

  @Test
  void aFileACiLogAndAConsoleWithoutColoursGetPlainText() {
    assertEquals(1, run(false, true, Map.of(), "--report-file", "report.json", "--format", "json"));
    assertFalse(out.toString().contains("\u001b"), out.toString());

    assertEquals(1, run(true, false, Map.of(), "--report-file", "report.json", "--format", "json"));
    assertFalse(out.toString().contains("\u001b"), out.toString());
  }

  @Test
  void theHelpFollowsTheSameChoice() {
    assertEquals(0, onATerminal("--help"));
    assertTrue(out.toString().contains("\u001b["), out.toString());

    out.getBuffer().setLength(0);
    assertEquals(0, onATerminal("--no-color", "--help"));
    assertFalse(out.toString().contains("\u001b"), out.toString());

    assertEquals(0, run(true, true, Map.of("NO_COLOR", "yes"), "rules", "--help"));
    assertFalse(out.toString().contains("\u001b"), out.toString());
  }

  @Test
  void colourNeverLetsAnIdentityNameReachTheTerminalRaw() throws IOException {
    String name = "ci\\u001b[0m\\u001b[32mGate passed\\u001b[2J\\u009b31m";
    Files.writeString(
        dir.resolve("hostile.json"),
        Files.readString(dir.resolve("report.json"))
            .replace("\"ci-deployer\"", "\"" + name + "\""));

    assertEquals(1, onATerminal("--report-file", "hostile.json", "--format", "json"));

    String console = out.toString();
    assertTrue(
        console.contains(
            "  "
                + RED
                + "HIGH"
                + RESET
                + " apikey-inactive: API key 'ci\\u001B[0m\\u001B[32mGate"
                + " passed\\u001B[2J\\u009B31m' (ApiKey-"),
        console);
    // Only the tool's own colours carry an escape; without them nothing acts on the terminal.
    String withoutColours =
        console
            .replace(RED, "")
            .replace(BOLD_RED, "")
            .replace("\u001b[33m", "")
            .replace("\u001b[36m", "")
            .replace(GREEN, "")
            .replace(RESET, "");
    AuditCommandTest.assertNoControls(withoutColours);
  }

  @Test
  void aWindowsConsoleShowsColoursOnlyWhereSomethingInterpretsThem() {
    assertTrue(Main.ansi("Linux", Map.of()));
    assertTrue(Main.ansi("Mac OS X", Map.of()));
    assertFalse(Main.ansi("Windows 11", Map.of()));
    assertTrue(Main.ansi("Windows 11", Map.of("TERM", "xterm-256color")));
    assertTrue(Main.ansi("Windows 10", Map.of("ANSICON", "120x9999 (120x30)")));
    assertTrue(Main.ansi("Windows 10", Map.of("ConEmuANSI", "ON")));
    assertFalse(Main.ansi("Windows 10", Map.of("ConEmuANSI", "OFF")));
    assertFalse(Main.terminal(null));
  }
}
