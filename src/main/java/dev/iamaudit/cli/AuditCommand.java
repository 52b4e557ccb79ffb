package dev.iamaudit.cli;

import dev.iamaudit.ApiKeyVariable;
import dev.iamaudit.AuditOutcome;
import dev.iamaudit.AuditRequest;
import dev.iamaudit.IamAudit;
import dev.iamaudit.failure.AuditFailure;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.OutOfMemory;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.Secret;
import dev.iamaudit.report.Totals;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/**
 * {@code java -jar iam-audit.jar}, or {@code iam-audit} from the launcher: maps the options to one
 * {@link AuditRequest} and the outcome to an exit code.
 */
@Command(
    name = "iam-audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Audits the IAM identities of an IBM Cloud account (stale API keys, idle service IDs and"
            + " trusted profiles, lax account settings) against a policy and an allowlist, writes"
            + " reports, and fails when violations reach the policy's failOn severity.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the gate passed",
      "1:the gate failed (violations at or above failOn)",
      "2:usage or configuration error (bad option, invalid policy or allowlist, missing file, no"
          + " API key)",
      "3:the data could not be had or trusted (authentication, network, timeout, server errors,"
          + " stale, malformed or inconsistent report, out of memory)"
    })
public class AuditCommand implements Callable<Integer> {
  @Option(
      names = "--demo",
      description = "Audit a built-in simulated account (no cloud, no key needed).")
  boolean demo;

  @Option(
      names = "--report-file",
      paramLabel = "FILE",
      description = "Audit a saved activity report offline.")
  Path reportFile;

  @Option(
      names = "--report",
      paramLabel = "new|latest|REF",
      defaultValue = "new",
      description =
          "Which report to use: trigger a new one whose duration fits the thresholds (default),"
              + " the latest one, or a report reference.")
  String report;

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "Account to audit (default: the token's).")
  String accountId;

  @Option(
      names = "--api-key-env",
      paramLabel = "NAME",
      defaultValue = AuditRequest.DEFAULT_API_KEY_ENV,
      description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}).")
  String apiKeyEnv;

  @Option(
      names = "--iam-url",
      paramLabel = "URL",
      description = "IAM endpoint (default: https://iam.cloud.ibm.com).")
  URI iamUrl;

  @Option(
      names = "--user-management-url",
      paramLabel = "URL",
      description = "User Management endpoint (default: https://user-management.cloud.ibm.com).")
  URI userManagementUrl;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file (default: ./iam-audit.yml if present).")
  Path policy;

  @Option(
      names = "--allowlist",
      paramLabel = "FILE",
      description = "Allowlist file (default: ./iam-allowlist.yml if present).")
  Path allowlist;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "iam-audit-report",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path outputDirectory;

  @Option(
      names = "--format",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "sarif,junit,json",
      description =
          "Report formats, comma-separated: sarif, junit, json, csv, gitlab, markdown, html, or all"
              + " (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY|never",
      description =
          "Lowest severity that fails the gate: critical, high, medium, low or never (overrides the"
              + " policy).")
  String failOn;

  @Option(
      names = "--save-report",
      paramLabel = "FILE",
      description = "Keep the raw activity report as fetched (audit trail, later offline runs).")
  Path saveReport;

  @Option(
      names = "--report-timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "How long to wait for a new report, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
  String reportTimeout;

  @Option(
      names = "--terraform",
      paramLabel = "DIR|none",
      description =
          "Terraform to place findings on and compare the account with: the directory scanned for"
              + " *.tf (default: the working directory), or none.")
  String terraform;

  @Option(
      names = "--terraform-state",
      paramLabel = "FILE",
      description =
          "terraform.tfstate or the output of terraform show -json: matches identities by id.")
  Path terraformState;

  @Option(names = "--quiet", description = "Only the verdict and errors.")
  boolean quiet;

  @Option(
      names = "--verbose",
      description = "More detail, and stack traces for errors (never secrets).")
  boolean verbose;

  @Option(
      names = "--no-color",
      description =
          "No colours, even on a terminal (as when NO_COLOR is set). Files and"
              + " CI logs never get any.")
  boolean noColor;

  final Environment environment;
  final ConsoleWriter out;
  private final ConsoleWriter err;

  AuditCommand(Environment environment, ConsoleWriter out, ConsoleWriter err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  /**
   * The command line with its error handling: usage errors exit 2, failures their own code, never
   * 0. picocli prints only its help and version, to {@code out} as it is; everything else goes
   * through a {@link ConsoleWriter}.
   */
  static CommandLine commandLine(Environment environment, PrintWriter rawOut, PrintWriter rawErr) {
    ConsoleWriter out = new ConsoleWriter(rawOut);
    ConsoleWriter err = new ConsoleWriter(rawErr);
    AuditCommand command = new AuditCommand(environment, out, err);
    CommandLine line = new CommandLine(command);
    line.setCommandName(environment.command());
    line.addSubcommand(
        "simulator",
        new SimulatorCommand(
            environment.clock(), SimulatorCommand::untilShutdown, environment.command()));
    line.addSubcommand("init", new InitCommand(environment));
    line.addSubcommand("rules", new RulesCommand(environment));
    CommandLine baseline = new CommandLine(new BaselineCommand(environment, out, err));
    // A baseline accepts every violation whatever the gate's threshold, so the option that sets it
    // has no use there.
    baseline.getCommandSpec().remove(baseline.getCommandSpec().findOption("--fail-on"));
    line.addSubcommand("baseline", baseline);
    line.setOut(rawOut);
    line.setErr(rawErr);
    line.setColorScheme(
        CommandLine.Help.defaultColorScheme(environment.colour() ? Ansi.ON : Ansi.OFF));
    line.setExecutionStrategy(
        parseResult -> {
          // Parsed by now, so --no-color reaches the help too.
          if (command.noColor) {
            line.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    // An @file argument would be read and its lines taken as arguments: a file of secrets would be
    // echoed back.
    line.setExpandAtFiles(false);
    line.setParameterExceptionHandler(
        (ex, args) -> {
          ArgumentErrors.describe(ex).forEach(err::println);
          err.flush();
          return UsageException.EXIT_CODE;
        });
    line.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (OutOfMemory.in(ex)) {
            err.println(Main.outOfMemory(Runtime.getRuntime().maxMemory(), environment.command()));
            err.flush();
            return DataException.EXIT_CODE;
          }
          if (ex instanceof AuditFailure failure) {
            err.println("iam-audit: " + failure.getMessage());
            if (verbose(cmd) && failure.getCause() != null) {
              failure.getCause().printStackTrace(err);
            }
            err.flush();
            return failure.exitCode();
          }
          err.println(
              "iam-audit: unexpected error: "
                  + ex
                  + ". Run with --verbose for the stack trace and report it.");
          if (verbose(cmd)) {
            ex.printStackTrace(err);
          }
          err.flush();
          return DataException.EXIT_CODE;
        });
    return line;
  }

  /** --verbose as the command that failed was given it: the audit's, or a baseline's. */
  private static boolean verbose(CommandLine failed) {
    return failed.getCommand() instanceof AuditCommand command && command.verbose;
  }

  @Override
  public Integer call() {
    ConsoleListener listener = listener();
    AuditOutcome outcome =
        new IamAudit(environment.clock(), environment.sleeper()).run(toRequest(), listener);
    listener.endLiveLine();
    if (quiet) {
      out.print(
          outcome.result().gate().failed()
              ? ConsoleWriter.Style.FAILED
              : ConsoleWriter.Style.PASSED,
          "Gate " + outcome.result().gate().id());
      out.println(": " + Totals.of(outcome.result()) + ".");
      out.flush();
    } else {
      ConsoleSummary.print(outcome.result(), outcome.reports(), out);
    }
    return outcome.exitCode();
  }

  /**
   * The console the core reports its progress to, as loud as the options ask, coloured where they
   * allow.
   */
  ConsoleListener listener() {
    if (quiet && verbose) {
      throw new UsageException("--quiet and --verbose exclude each other; choose one");
    }
    out.colour(environment.colour() && !noColor);
    return new ConsoleListener(
        out,
        err,
        quiet
            ? ConsoleListener.Verbosity.QUIET
            : verbose ? ConsoleListener.Verbosity.VERBOSE : ConsoleListener.Verbosity.NORMAL,
        environment.terminal(),
        environment.clock());
  }

  /**
   * The one place where the options become the core's request, for an audit and for a baseline
   * alike: the options as they came; the core checks how they go together.
   */
  AuditRequest toRequest() {
    Path base = environment.workingDirectory();
    AuditRequest.Builder request =
        AuditRequest.builder(base, base.resolve(outputDirectory), CommandLineNames.INSTANCE)
            .reportFile(resolve(reportFile))
            .report(report)
            .accountId(accountId)
            .apiKey(
                apiKeyEnv,
                variable -> {
                  String key = environment.variables().get(variable);
                  return new ApiKeyVariable.Found(
                      key == null || key.isBlank() ? null : new Secret(key),
                      "environment variable " + variable);
                })
            .iamUrl(iamUrl)
            .userManagementUrl(userManagementUrl)
            .policyFile(resolve(policy))
            .allowlistFile(resolve(allowlist))
            .formats(formats)
            .failOn(failOn)
            .saveReport(resolve(saveReport))
            .reportTimeout(reportTimeout)
            .terraform(terraform)
            .terraformState(resolve(terraformState));
    if (demo) {
      request.demo();
    }
    String summary = environment.variables().get("GITHUB_STEP_SUMMARY");
    if (summary != null && !summary.isBlank()) {
      request.stepSummary(Path.of(summary));
    }
    return request.build();
  }

  private Path resolve(Path path) {
    return path == null ? null : environment.workingDirectory().resolve(path);
  }
}
