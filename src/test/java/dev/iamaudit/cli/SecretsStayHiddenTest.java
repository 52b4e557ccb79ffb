package dev.iamaudit.cli;

import static dev.iamaudit.HostileIam.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.HostileIam;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Fault;
import dev.iamaudit.simulator.Simulator;
import dev.iamaudit.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a run can fail, with --verbose (which adds debug lines and stack traces): neither the
 * API key nor a token shows on the console or in any file the run leaves, even when IAM itself
 * echoes them.
 */
class SecretsStayHiddenTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int runWithKey(String key, String... args) {
    return run(Map.of("IBMCLOUD_API_KEY", key), args);
  }

  /** Without a key in the environment, so that no run reaches for IBM Cloud. */
  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> variables, String... args) {
    Environment environment = new Environment(variables, dir, CLOCK, duration -> {}, false);
    return Main.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private void assertNothingShown() {
    HostileIam.assertNoSecret("stdout", out.toString());
    HostileIam.assertNoSecret("stderr", err.toString());
    HostileIam.assertNoSecretIn(dir);
  }

  @ParameterizedTest
  @EnumSource(HostileIam.Failure.class)
  void noFailureOfIamShowsASecret(HostileIam.Failure failure) {
    try (HostileIam iam = HostileIam.start(failure)) {
      String url = iam.uri().toString();
      int code =
          runWithKey(
              KEY,
              "--verbose",
              "--iam-url",
              url,
              "--user-management-url",
              url,
              "--format",
              "all",
              "--save-report",
              "raw.json");
      assertEquals(3, code, err.toString());
      assertTrue(
          err.toString().lines().anyMatch(line -> line.startsWith("iam-audit: ")), err.toString());
      assertNothingShown();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "malformed:/v1/activity",
        "500:/v1/serviceids",
        "malformed:/identity/token",
        "503:/identity/token",
        "429:/v1/apikeys"
      })
  void noFailureOfTheSimulatorShowsASecret(String faults) {
    String key = DemoAccount.API_KEY.reveal();
    try (Simulator simulator =
        Simulator.start(
            DemoAccount.create(CLOCK),
            CLOCK,
            new SimulatorOptions(
                0, 0, SimulatorOptions.DEFAULT_REPORT_POLLS, Fault.parseAll(faults)))) {
      String url = simulator.baseUrl().toString();
      runWithKey(
          key,
          "--verbose",
          "--iam-url",
          url,
          "--user-management-url",
          url,
          "--save-report",
          "raw.json");
      assertTrue(!out.toString().contains(key) && !err.toString().contains(key), err.toString());
      HostileIam.assertNoSecret("output", (out + "" + err).replace(key, "[the demo key]"));
      assertNothingShown();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--api-key",
        "--apikey",
        "--api-key-env",
        "--api-kye-env",
        "--report-file",
        "--policy",
        "--allowlist",
        "--iam-url",
        "--user-management-url",
        "--fail-on",
        "--report-timeout",
        "--format",
        "--report"
      })
  void noOptionGivenTheKeyShowsIt(String option) {
    List<List<String>> ways =
        List.of(List.of(option, KEY), List.of(option + "=" + KEY), List.of(KEY, option));
    for (List<String> way : ways) {
      List<String> args = new ArrayList<>(List.of("--verbose"));
      args.addAll(way);
      int code = run(args.toArray(String[]::new));
      assertTrue(code == 2 || code == 3, option + ": " + code + " " + err);
      HostileIam.assertNoSecret("stdout of " + args, out.toString());
      HostileIam.assertNoSecret("stderr of " + args, err.toString());
    }
  }

  @Test
  void aKeyAsTheHostOfAnEndpointIsNotShownNotEvenInLowerCase() {
    assertEquals(
        2, runWithKey("real-key-is-elsewhere", "--iam-url", "http://" + KEY + ".example.com"));
    assertEquals(
        "iam-audit: Refusing http://[not shown: looks like a key].example.com: plain http would"
            + " send the API key and tokens unencrypted and is allowed only on loopback (127.0.0.1,"
            + " localhost, ::1); use https://[not shown: looks like a key].example.com\n",
        err.toString());
  }
}
