package dev.iamaudit.maven;

import dev.iamaudit.AuditOutcome;
import dev.iamaudit.AuditRequest;
import dev.iamaudit.IamAudit;
import dev.iamaudit.failure.AuditFailure;
import dev.iamaudit.failure.OutOfMemory;
import dev.iamaudit.iam.Sleeper;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Audits an IBM Cloud account's IAM identities against the policy and allowlist in this repository,
 * writes the reports, then fails the build when a violation is at or above {@code failOn}. Runs
 * without a project too: {@code mvn dev.iamaudit:iam-maven-plugin:audit -Diam.demo}.
 */
@Mojo(
    name = "audit",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresProject = false,
    threadSafe = true)
public class AuditMojo extends AbstractMojo {
  /** Skips the audit: nothing is read, fetched or written. */
  @Parameter(property = "iam.skip", defaultValue = "false")
  boolean skip;

  /**
   * Audits a built-in simulated account instead of IBM Cloud: no cloud account and no API key
   * needed.
   */
  @Parameter(property = "iam.demo", defaultValue = "false")
  boolean demo;

  /**
   * A saved activity report (IBM's JSON) to audit offline; ages are measured from the report's end
   * time.
   */
  @Parameter(property = "iam.reportFile")
  File reportFile;

  /**
   * The report a live audit uses: {@code new} (one fitting the thresholds), {@code latest}, or a
   * reference.
   */
  @Parameter(property = "iam.report", defaultValue = "new")
  String report;

  /** The account to audit; by default the policy's {@code account}, else the API key's account. */
  @Parameter(property = "iam.accountId")
  String accountId;

  /**
   * The environment variable holding the IBM Cloud API key. The key is never a POM parameter and
   * never logged.
   */
  @Parameter(property = "iam.apiKeyEnv", defaultValue = AuditRequest.DEFAULT_API_KEY_ENV)
  String apiKeyEnv;

  /**
   * The settings.xml server whose password (encrypted or not) is the API key, when the variable is
   * not set.
   */
  @Parameter(property = "iam.serverId", defaultValue = "ibmcloud")
  String serverId;

  /**
   * The IAM endpoint; default {@code https://iam.cloud.ibm.com}. Plain http is accepted on loopback
   * only.
   */
  @Parameter(property = "iam.iamUrl")
  URI iamUrl;

  /** The User Management endpoint; default {@code https://user-management.cloud.ibm.com}. */
  @Parameter(property = "iam.userManagementUrl")
  URI userManagementUrl;

  /**
   * The policy (thresholds, severities, failOn); default {@code iam-audit.yml} in the base
   * directory if present.
   */
  @Parameter(property = "iam.policy")
  File policy;

  /**
   * The allowlist of accepted findings; default {@code iam-allowlist.yml} in the base directory if
   * present.
   */
  @Parameter(property = "iam.allowlist")
  File allowlist;

  /**
   * Where the reports go; default <code>${project.build.directory}/iam-audit</code>, else {@code
   * target/iam-audit}.
   */
  @Parameter(property = "iam.outputDirectory")
  File outputDirectory;

  /**
   * Report formats, comma separated (default sarif,junit,json): also csv, gitlab, markdown, html,
   * or all.
   */
  @Parameter(property = "iam.formats")
  String formats;

  /**
   * The lowest severity that fails the build (critical, high, medium, low) or never; overrides the
   * policy's.
   */
  @Parameter(property = "iam.failOn")
  String failOn;

  /**
   * Keeps the raw activity report as fetched (an audit trail, and input for later offline runs).
   */
  @Parameter(property = "iam.saveReport")
  File saveReport;

  /**
   * How long to wait for IAM to build a new report, e.g. {@code 90s}, {@code 10m}, {@code 1h};
   * default 10m.
   */
  @Parameter(property = "iam.reportTimeout")
  String reportTimeout;

  /**
   * Terraform to place findings on and compare the account with: the directory scanned for {@code
   * *.tf} (default: the base directory, without {@code target}), or {@code none}.
   */
  @Parameter(property = "iam.terraform")
  String terraform;

  /**
   * {@code terraform.tfstate} or the output of {@code terraform show -json}: matches identities by
   * id.
   */
  @Parameter(property = "iam.terraformState")
  File terraformState;

  /** Null without a project: Maven's stand-in project has no directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  File buildDirectory;

  /**
   * The POM, which findings point at when the repository holds no policy, allowlist or Terraform.
   */
  @Parameter(defaultValue = "${project.file}", readonly = true)
  File projectFile;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  private final SettingsDecrypter decrypter;
  UnaryOperator<String> environment = System::getenv;
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = Sleeper.REAL;

  /** Maven copies every -D into the system properties, so a key given as one is seen here. */
  Supplier<Set<String>> propertyNames = () -> System.getProperties().stringPropertyNames();

  @Inject
  public AuditMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = new EscapingLog(getLog());
    try {
      audit(log);
    } catch (OutOfMemoryError e) {
      // Where a worker thread ran out, the pool handed the error on to this thread.
      throw new MojoExecutionException(outOfMemory(Runtime.getRuntime().maxMemory()));
    } catch (MojoExecutionException e) {
      throw new MojoExecutionException(EscapingLog.message(List.of(e.getMessage())), e.getCause());
    }
  }

  /** The goal's work, inside {@link #execute()}'s error handling; iam:baseline does its own. */
  void audit(Log log) throws MojoExecutionException, MojoFailureException {
    if (skip) {
      log.info("Skipping the IAM audit (iam.skip)");
      return;
    }
    AuditRequest request = toRequest();
    AuditOutcome outcome;
    try {
      outcome = new IamAudit(clock, sleeper).run(request, new MavenAuditListener(log, clock));
    } catch (AuditFailure e) {
      if (OutOfMemory.in(e)) {
        throw new MojoExecutionException(outOfMemory(Runtime.getRuntime().maxMemory()));
      }
      // Not the failure itself as the cause: with -e Maven would print its message again,
      // unescaped.
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    }
    GateMessages messages = new GateMessages(outcome.result(), request.outputDirectory());
    messages.notEvaluated().forEach(log::info);
    if (outcome.result().gate().failed()) {
      throw new MojoFailureException(EscapingLog.message(messages.failure()));
    }
    messages.belowFailOn().forEach(log::warn);
    log.info(messages.passed());
  }

  /** The one line that says Maven's heap was too small and how to give it more. */
  static String outOfMemory(long maxHeap) {
    if (!OutOfMemory.limited(maxHeap)) {
      return "Out of memory, with no limit set on the Java heap of Maven. Give it more memory, or"
          + " audit with fewer report formats";
    }
    String more = "-Xmx" + OutOfMemory.doubled(maxHeap);
    return "Out of memory: the Java heap of Maven is limited to "
        + OutOfMemory.size(maxHeap)
        + ". Give it more, e.g. "
        + "MAVEN_OPTS="
        + more
        + " mvn ... (or "
        + more
        + " in .mvn/jvm.config)";
  }

  /**
   * The one place where the goal's parameters become the core's request; the core checks how they
   * go together.
   */
  AuditRequest toRequest() throws MojoExecutionException {
    refuseKeyProperties();
    Path base = basedir != null ? basedir.toPath() : Path.of("").toAbsolutePath();
    Path output =
        outputDirectory != null
            ? outputDirectory.toPath()
            : (basedir != null ? buildDirectory.toPath() : base.resolve("target"))
                .resolve("iam-audit");
    AuditRequest.Builder builder =
        AuditRequest.builder(base, output, PropertyNames.INSTANCE)
            .reportFile(path(reportFile))
            .report(report)
            .accountId(accountId)
            .apiKey(
                apiKeyEnv,
                variable ->
                    new ApiKeyLookup(environment, settings, decrypter).find(variable, serverId))
            .iamUrl(iamUrl)
            .userManagementUrl(userManagementUrl)
            .policyFile(path(policy))
            .allowlistFile(path(allowlist))
            .formats(formats == null ? null : List.of(formats))
            .failOn(failOn)
            .saveReport(path(saveReport))
            .reportTimeout(reportTimeout)
            .stepSummary(stepSummary())
            .terraform(terraform)
            .terraformState(path(terraformState));
    if (demo) {
      builder.demo();
    }
    if (basedir != null) {
      builder.buildDirectory(buildDirectory.toPath()).projectFile(path(projectFile));
    }
    try {
      return builder.build();
    } catch (AuditFailure e) {
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    }
  }

  private static Path path(File file) {
    return file == null ? null : file.toPath();
  }

  /**
   * -Diam.apiKey=... is no parameter, so Maven would ignore it silently while the key stood in the
   * process list and the shell history: the build stops and says where keys come from.
   */
  private void refuseKeyProperties() throws MojoExecutionException {
    for (String name : propertyNames.get()) {
      String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
      if (plain.equals("iam.apikey")
          || plain.equals("iam.key")
          || plain.equals("iam.ibmcloudapikey")) {
        throw new MojoExecutionException(
            name
                + " is no parameter of iam:audit: the API key is read only from the "
                + "environment variable iam.apiKeyEnv names (default "
                + AuditRequest.DEFAULT_API_KEY_ENV
                + ") or from the password of the settings.xml server iam.serverId names (default"
                + " ibmcloud); remove -D"
                + name
                + ", which shows the key in process lists and logs");
      }
    }
  }

  /** GitHub Actions' job summary, which the Markdown report is appended to. */
  private Path stepSummary() {
    String file = environment.apply("GITHUB_STEP_SUMMARY");
    return file == null || file.isBlank() ? null : Path.of(file);
  }
}
