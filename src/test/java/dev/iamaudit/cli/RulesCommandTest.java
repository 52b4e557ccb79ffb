package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.governance.RuleManual;
import dev.iamaudit.iam.Sleeper;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules manual's own text is checked word for word by RuleManualTest; here, how the command
 * prints it.
 */
class RulesCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final RuleManual MANUAL = new RuleManual(Rules.all(), LocalDate.of(2026, 11, 24));

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Environment environment =
        new Environment(Map.of(), Path.of("unused"), CLOCK, Sleeper.REAL, false);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void listsTheRulesAndSaysHowToExplainOne() {
    assertEquals(0, run("rules"));

    assertEquals(
        MANUAL.list()
            + "\n'java -jar iam-audit.jar rules ID' explains a rule and how to configure it or"
            + " accept a finding.\n",
        out.toString());
    assertEquals(
        "RULE                                     SEVERITY  DEFAULT  PARAMETERS            DATA"
            + "                                                                      COMPLIANCE",
        out.toString().lines().findFirst().orElseThrow());
    assertEquals("", err.toString());
  }

  @Test
  void explainsTheNamedRule() {
    assertEquals(0, run("rules", "apikey-inactive"));

    assertEquals(MANUAL.explain("apikey-inactive"), out.toString());
    assertEquals(
        "apikey-inactive: API key not used recently",
        out.toString().lines().findFirst().orElseThrow());
  }

  @Test
  void anUnknownRuleExitsTwoWithTheClosestId() {
    assertEquals(2, run("rules", "user-inactiv"));

    assertEquals(
        "iam-audit: unknown rule 'user-inactiv'; did you mean 'user-inactive'?; known rules: "
            + Rules.all().stream().map(RuleDescriptor::id).collect(Collectors.joining(", "))
            + "\n",
        err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void twoIdsAreAUsageError() {
    assertEquals(2, run("rules", "apikey-inactive", "user-inactive"));

    assertEquals(
        "iam-audit: unexpected argument, not shown in case it is a secret; rules takes one ID at"
            + " most\n"
            + "Run 'java -jar iam-audit.jar rules --help' for the options.\n",
        err.toString());
  }
}
