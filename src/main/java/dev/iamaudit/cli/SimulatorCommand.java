package dev.iamaudit.cli;

import dev.iamaudit.Durations;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.simulator.DemoAccount;
import dev.iamaudit.simulator.Fault;
import dev.iamaudit.simulator.SimulatedAccount;
import dev.iamaudit.simulator.Simulator;
import dev.iamaudit.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iam-audit simulator}: serves a simulated IBM Cloud account on loopback until stopped. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the embedded IBM Cloud IAM simulator on 127.0.0.1 until Ctrl-C, so the tool and the"
          + " Maven goal can be tried without a cloud account. It serves the token endpoint, the"
          + " activity report, the API key, service ID and trusted profile listings, the identity"
          + " settings and the user list on one base URL.",
      "Without --fixture or --generate it serves the demo account."
    })
public final class SimulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Loopback port to listen on (default: 0, any free port).")
  int port;

  @ArgGroup(exclusive = true)
  AccountChoice account = new AccountChoice();

  static final class AccountChoice {
    @Option(
        names = "--fixture",
        paramLabel = "FILE",
        description =
            "Serve the account in this JSON fixture (times absolute or like \"200 days ago\").")
    Path fixture;

    @Option(
        names = "--generate",
        paramLabel = "N",
        description = "Serve a synthetic account of N identities.")
    Integer generate;
  }

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Seed of --generate; the same seed gives the same account (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--latency-ms",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Milliseconds every request waits before it is answered (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description = "Failures to inject: " + Fault.SYNTAX + ".")
  String faults;

  @Option(
      names = "--report-polls",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "How many polls of a new report answer 204 before it is ready, unless --report-build-time"
              + " or --report-build-per-1000 is given (default: ${DEFAULT-VALUE}).")
  int reportPolls;

  @Option(
      names = "--report-build-time",
      paramLabel = "DURATION",
      description =
          "Build each new report in this time (e.g. 20s) plus --report-build-per-1000: its polls"
              + " answer 204 until then.")
  String reportBuildTime;

  @Option(
      names = "--report-build-per-1000",
      paramLabel = "DURATION",
      description =
          "Add this much build time (e.g. 300ms) per 1,000 identities a report covers (the MFA "
              + "report covers the users).")
  String reportBuildPerThousand;

  private final Clock clock;
  private final Consumer<Simulator> whileRunning;
  private final String command;

  public SimulatorCommand() {
    this(Clock.systemUTC(), SimulatorCommand::untilShutdown, Environment.JAR);
  }

  /**
   * @param whileRunning what to do while the simulator serves; the command stops it when this
   *     returns
   * @param command how the user runs the tool, for the command line it suggests
   */
  SimulatorCommand(Clock clock, Consumer<Simulator> whileRunning, String command) {
    this.clock = clock;
    this.whileRunning = whileRunning;
    this.command = command;
  }

  @Override
  public Integer call() {
    SimulatorOptions options = options();
    SimulatedAccount served = account();
    Simulator simulator;
    try {
      simulator = Simulator.start(served, clock, options);
    } catch (UncheckedIOException e) {
      throw new UsageException(
          "Could not listen on 127.0.0.1:"
              + port
              + " ("
              + e.getCause().getMessage()
              + "); choose another --port, or 0 for any free port",
          e);
    }
    try (simulator) {
      describe(simulator, new ConsoleWriter(spec.commandLine().getOut()));
      whileRunning.accept(simulator);
    }
    return 0;
  }

  private SimulatorOptions options() {
    List<Fault> parsedFaults;
    try {
      parsedFaults = faults == null ? List.of() : Fault.parseAll(faults);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--faults: " + e.getMessage(), e);
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535, not " + port);
    }
    if (latencyMillis < 0) {
      throw new UsageException("--latency-ms must not be negative, not " + latencyMillis);
    }
    if (reportPolls < 0) {
      throw new UsageException("--report-polls must not be negative, not " + reportPolls);
    }
    return new SimulatorOptions(port, latencyMillis, reportPolls, parsedFaults, reportBuild());
  }

  private SimulatorOptions.BuildTime reportBuild() {
    if (reportBuildTime == null && reportBuildPerThousand == null) {
      return null;
    }
    return new SimulatorOptions.BuildTime(
        reportBuildTime == null
            ? Duration.ZERO
            : Durations.parse(reportBuildTime, "--report-build-time"),
        reportBuildPerThousand == null
            ? Duration.ZERO
            : Durations.parse(reportBuildPerThousand, "--report-build-per-1000"));
  }

  private SimulatedAccount account() {
    if (account.fixture != null) {
      return SimulatedAccount.read(account.fixture, clock.instant());
    }
    if (account.generate != null) {
      if (account.generate < 1) {
        throw new UsageException("--generate needs at least 1 identity, not " + account.generate);
      }
      return SimulatedAccount.generate(account.generate, seed, clock.instant());
    }
    return DemoAccount.create(clock);
  }

  private void describe(Simulator simulator, PrintWriter out) {
    SimulatedAccount served = simulator.account();
    String url = simulator.baseUrl().toString();
    out.println("IAM simulator listening on " + url + " (IAM and User Management)");
    out.println(
        "Account "
            + served.accountId()
            + ": "
            + served.apiKeys().size()
            + " API keys, "
            + served.users().size()
            + " users, "
            + served.serviceIds().size()
            + " service IDs, "
            + served.profiles().size()
            + " trusted profiles");
    out.println("Its API key is a fake that only this simulator accepts:");
    out.println("  export IBMCLOUD_API_KEY=" + served.logins().get(0).apiKey());
    out.println("Audit it with the jar or the Maven goal:");
    out.println("  " + command + " --iam-url " + url + " --user-management-url " + url);
    out.println("  mvn iam:audit -Diam.iamUrl=" + url + " -Diam.userManagementUrl=" + url);
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM) or the thread is interrupted. */
  static void untilShutdown(Simulator simulator) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "iam-simulator-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
