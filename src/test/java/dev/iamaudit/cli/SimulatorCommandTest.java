package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Fault;
import dev.iamaudit.simulator.Simulator;
import dev.iamaudit.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(Consumer<Simulator> whileRunning) {
    CommandLine commandLine =
        new CommandLine(new SimulatorCommand(CLOCK, whileRunning, Environment.JAR));
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine;
  }

  @Test
  void servesTheDemoAccountAndSaysHowToUseIt() {
    List<Integer> tokenCodes = new ArrayList<>();
    List<String> urls = new ArrayList<>();

    int exit =
        commandLine(
                simulator -> {
                  urls.add(simulator.baseUrl().toString());
                  tokenCodes.add(tokenStatus(simulator, DemoAccount.API_KEY.reveal()));
                })
            .execute("--port", "0", "--report-polls", "0");

    assertEquals(0, exit);
    assertEquals(List.of(200), tokenCodes);
    String url = urls.get(0);
    assertEquals(
        """
        IAM simulator listening on %1$s (IAM and User Management)
        Account a1b2c3d4e5f60718293a4b5c6d7e8f90: 14 API keys, 7 users, 6 service IDs, 2 trusted profiles
        Its API key is a fake that only this simulator accepts:
          export IBMCLOUD_API_KEY=%2$s
        Audit it with the jar or the Maven goal:
          java -jar iam-audit.jar --iam-url %1$s --user-management-url %1$s
          mvn iam:audit -Diam.iamUrl=%1$s -Diam.userManagementUrl=%1$s
        Press Ctrl-C to stop.
        """
            .formatted(url, DemoAccount.API_KEY.reveal()),
        out.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void stopsTheSimulatorWhenDone() {
    List<Simulator> served = new ArrayList<>();

    commandLine(served::add).execute();

    assertThrows(
        UncheckedIOException.class, () -> tokenStatus(served.get(0), DemoAccount.API_KEY.reveal()));
  }

  @Test
  void servesAGeneratedAccount() {
    commandLine(simulator -> {}).execute("--generate", "200", "--seed", "9");

    assertTrue(
        out.toString().contains(": 150 API keys, 20 users, 24 service IDs, 6 trusted profiles"),
        out.toString());
  }

  @Test
  void buildsReportsInATimeThatGrowsWithTheAccount() {
    List<SimulatorOptions> options = new ArrayList<>();

    commandLine(simulator -> options.add(simulator.options()))
        .execute(
            "--report-build-time", "20s", "--report-build-per-1000", "300ms", "--latency-ms", "50");

    assertEquals(
        new SimulatorOptions.BuildTime(Duration.ofSeconds(20), Duration.ofMillis(300)),
        options.get(0).reportBuild());
    assertEquals(50, options.get(0).latencyMillis());
  }

  @Test
  void countsPollsUnlessABuildTimeIsGiven() {
    List<SimulatorOptions> options = new ArrayList<>();

    commandLine(simulator -> options.add(simulator.options()))
        .execute("--report-build-per-1000", "1s");
    commandLine(simulator -> options.add(simulator.options())).execute("--report-polls", "3");

    assertEquals(
        new SimulatorOptions.BuildTime(Duration.ZERO, Duration.ofSeconds(1)),
        options.get(0).reportBuild());
    assertEquals(null, options.get(1).reportBuild());
    assertEquals(3, options.get(1).reportPolls());
  }

  @Test
  void aBadBuildTimeIsAUsageError() {
    SimulatorCommand command = new SimulatorCommand(CLOCK, simulator -> {}, Environment.JAR);
    new CommandLine(command).parseArgs("--report-build-time", "soon");

    UsageException e = assertThrows(UsageException.class, command::call);

    assertEquals(
        "--report-build-time must be a positive duration such as 90s, 10m or 1h, not 'soon'",
        e.getMessage());
  }

  @Test
  void fixtureAndGenerateExcludeEachOther() {
    int exit = commandLine(simulator -> {}).execute("--fixture", "a.json", "--generate", "5");

    assertEquals(2, exit);
    assertTrue(
        err.toString().startsWith("Error: --fixture=FILE, --generate=N are mutually exclusive"),
        err.toString());
  }

  @Test
  void badFaultsAreAUsageError() {
    SimulatorCommand command = new SimulatorCommand(CLOCK, simulator -> {}, Environment.JAR);
    new CommandLine(command).parseArgs("--faults", "418:every=2");

    UsageException e = assertThrows(UsageException.class, command::call);

    assertEquals(
        "--faults: fault '418:every=2': a fault's status must be 429 or 500 to 599, not 418; "
            + Fault.SYNTAX,
        e.getMessage());
  }

  @Test
  void aMissingFixtureIsAUsageError() {
    SimulatorCommand command = new SimulatorCommand(CLOCK, simulator -> {}, Environment.JAR);
    Path missing = dir.resolve("missing.json");
    new CommandLine(command).parseArgs("--fixture", missing.toString());

    UsageException e = assertThrows(UsageException.class, command::call);

    assertEquals(
        "Fixture " + missing + " does not exist; name an existing JSON file", e.getMessage());
  }

  @Test
  void aBusyPortIsAUsageError() {
    SimulatorCommand command = new SimulatorCommand(CLOCK, simulator -> {}, Environment.JAR);
    try (Simulator busy = Simulator.start(DemoAccount.create(CLOCK), CLOCK)) {
      int port = busy.address().getPort();
      new CommandLine(command).parseArgs("--port", Integer.toString(port));

      UsageException e = assertThrows(UsageException.class, command::call);

      assertTrue(
          e.getMessage().startsWith("Could not listen on 127.0.0.1:" + port + " ("),
          e.getMessage());
      assertTrue(
          e.getMessage().endsWith("); choose another --port, or 0 for any free port"),
          e.getMessage());
    }
  }

  private static int tokenStatus(Simulator simulator, String apiKey) {
    Request request =
        new Request.Builder()
            .url(simulator.baseUrl() + "/identity/token")
            .post(
                new FormBody.Builder()
                    .add("grant_type", "urn:ibm:params:oauth:grant-type:apikey")
                    .add("apikey", apiKey)
                    .build())
            .build();
    try (Response response =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .build()
            .newCall(request)
            .execute()) {
      return response.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
