package dev.iamaudit;

import static dev.iamaudit.OptionNames.Setting.API_KEY_ENV;
import static dev.iamaudit.OptionNames.Setting.DEMO;
import static dev.iamaudit.OptionNames.Setting.FAIL_ON;
import static dev.iamaudit.OptionNames.Setting.REPORT;
import static dev.iamaudit.OptionNames.Setting.REPORT_FILE;
import static dev.iamaudit.OptionNames.Setting.REPORT_TIMEOUT;
import static dev.iamaudit.OptionNames.Setting.SAVE_REPORT;
import static dev.iamaudit.OptionNames.Setting.TERRAFORM;
import static dev.iamaudit.OptionNames.Setting.TERRAFORM_STATE;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.IamSettings;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.report.ReportFormats;
import dev.iamaudit.source.DefaultFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One audit, as the CLI or the Maven goal asked for it. The core owns every default and every check
 * of how the options go together; front ends only map their options here, and name them through
 * {@link OptionNames}.
 *
 * @param source where the data comes from
 * @param accountId the account to audit; null for the policy's, else the token's
 * @param policyFile the policy; null for {@code iam-audit.yml} where the source keeps its files, if
 *     present
 * @param allowlistFile the allowlist; null for {@code iam-allowlist.yml} where the source keeps its
 *     files, if present
 * @param failOn overrides the policy's failOn when not null
 * @param baseDir the repo root: defaults are looked up and report locations made relative here
 * @param stepSummary a file the Markdown summary is appended to ($GITHUB_STEP_SUMMARY); null for
 *     none
 * @param terraformDir the directory scanned for {@code *.tf}; null for {@code baseDir} (the demo's
 *     own folder in a demo)
 * @param terraformOff true to read no Terraform at all
 * @param terraformState {@code terraform.tfstate} or {@code terraform show -json} output; null for
 *     none
 * @param projectFile the build file that runs the audit (Maven's {@code pom.xml}); null for none.
 *     Findings point at it when the repository holds no policy, allowlist or Terraform to point at
 * @param buildDirectory a directory of build output the Terraform scan skips, as it skips the
 *     output directory (Maven's {@code target}); null for none
 * @param options how the front end that asked names its settings, for messages
 */
public record AuditRequest(
    SourceChoice source,
    String accountId,
    Path policyFile,
    Path allowlistFile,
    Path outputDirectory,
    List<String> formats,
    FailOn failOn,
    Path baseDir,
    Path stepSummary,
    Path terraformDir,
    boolean terraformOff,
    Path terraformState,
    Path projectFile,
    Path buildDirectory,
    OptionNames options) {

  public static final URI DEFAULT_IAM_URL = URI.create("https://iam.cloud.ibm.com");
  public static final URI DEFAULT_USER_MANAGEMENT_URL =
      URI.create("https://user-management.cloud.ibm.com");
  public static final String DEFAULT_API_KEY_ENV = ApiKeyVariable.DEFAULT;
  public static final String DEFAULT_POLICY = DefaultFiles.POLICY;
  public static final String DEFAULT_ALLOWLIST = DefaultFiles.ALLOWLIST;
  public static final Duration DEFAULT_REPORT_TIMEOUT = Duration.ofMinutes(10);

  public AuditRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(options, "options");
    formats = formats == null || formats.isEmpty() ? ReportFormats.DEFAULT : List.copyOf(formats);
    if (terraformOff && (terraformDir != null || terraformState != null)) {
      throw new IllegalArgumentException("Terraform is off, so it has no directory or state");
    }
  }

  /**
   * @param options how the front end names its settings, for the messages about them
   */
  public static Builder builder(Path baseDir, Path outputDirectory, OptionNames options) {
    return new Builder(baseDir, outputDirectory, options);
  }

  /**
   * Takes the options a front end was given as they came, everything unset keeping its default, and
   * checks them in {@link #build()}.
   */
  public static final class Builder {
    private final Path baseDir;
    private final Path outputDirectory;
    private final OptionNames options;
    private boolean demo;
    private Path reportFile;
    private String report;
    private String accountId;
    private String apiKeyVariable;
    private ApiKeyVariable.Lookup keys;
    private URI iamUrl;
    private URI userManagementUrl;
    private Path policyFile;
    private Path allowlistFile;
    private List<String> formats;
    private String failOn;
    private Path saveReport;
    private String reportTimeout;
    private Path stepSummary;
    private String terraform;
    private Path terraformState;
    private Path projectFile;
    private Path buildDirectory;

    private Builder(Path baseDir, Path outputDirectory, OptionNames options) {
      this.baseDir = baseDir;
      this.outputDirectory = outputDirectory;
      this.options = options;
    }

    public Builder demo() {
      demo = true;
      return this;
    }

    public Builder reportFile(Path file) {
      reportFile = file;
      return this;
    }

    /**
     * @param value {@code new} (the default), {@code latest} or a report reference
     */
    public Builder report(String value) {
      report = value;
      return this;
    }

    public Builder accountId(String value) {
      accountId = value;
      return this;
    }

    /**
     * Where a live audit gets its API key: {@code keys} is asked for the variable named {@code
     * variable} (null for {@value AuditRequest#DEFAULT_API_KEY_ENV}) once the name is checked, and
     * only when the audit is live.
     */
    public Builder apiKey(String variable, ApiKeyVariable.Lookup keys) {
      apiKeyVariable = variable;
      this.keys = keys;
      return this;
    }

    public Builder iamUrl(URI value) {
      iamUrl = value;
      return this;
    }

    public Builder userManagementUrl(URI value) {
      userManagementUrl = value;
      return this;
    }

    public Builder policyFile(Path value) {
      policyFile = value;
      return this;
    }

    public Builder allowlistFile(Path value) {
      allowlistFile = value;
      return this;
    }

    public Builder formats(List<String> value) {
      formats = value;
      return this;
    }

    /**
     * @param text a severity or {@code never}, in any case; null keeps the policy's
     */
    public Builder failOn(String text) {
      failOn = text;
      return this;
    }

    public Builder saveReport(Path value) {
      saveReport = value;
      return this;
    }

    /**
     * @param text as {@link Durations#parse} reads it; null for {@link
     *     AuditRequest#DEFAULT_REPORT_TIMEOUT}
     */
    public Builder reportTimeout(String text) {
      reportTimeout = text;
      return this;
    }

    public Builder stepSummary(Path value) {
      stepSummary = value;
      return this;
    }

    /**
     * @param dirOrNone the directory scanned for {@code *.tf}, relative to the base directory, or
     *     {@code none}
     */
    public Builder terraform(String dirOrNone) {
      terraform = dirOrNone;
      return this;
    }

    public Builder terraformState(Path file) {
      terraformState = file;
      return this;
    }

    public Builder projectFile(Path file) {
      projectFile = file;
      return this;
    }

    public Builder buildDirectory(Path dir) {
      buildDirectory = dir;
      return this;
    }

    /**
     * @throws UsageException for options that do not go together or a value that is not one
     */
    public AuditRequest build() {
      boolean terraformOff = "none".equals(terraform);
      if (terraformOff && terraformState != null) {
        throw new UsageException(
            options.set(TERRAFORM, "none")
                + " turns Terraform off, and "
                + options.name(TERRAFORM_STATE)
                + " needs it; drop one");
      }
      Path terraformDir = terraform == null || terraformOff ? null : baseDir.resolve(terraform);
      FailOn gate = failOn();
      return new AuditRequest(
          source(),
          accountId,
          policyFile,
          allowlistFile,
          outputDirectory,
          formats,
          gate,
          baseDir,
          stepSummary,
          terraformDir,
          terraformOff,
          terraformState,
          projectFile,
          buildDirectory,
          options);
    }

    /**
     * The one place that decides where the data comes from, and whether what was asked for can be
     * had.
     */
    private SourceChoice source() {
      if (demo && reportFile != null) {
        throw new UsageException(
            options.name(DEMO)
                + " and "
                + options.name(REPORT_FILE)
                + " exclude each other; choose one");
      }
      String which = report == null ? "new" : report;
      Duration timeout =
          reportTimeout == null
              ? DEFAULT_REPORT_TIMEOUT
              : Durations.parse(reportTimeout, options.name(REPORT_TIMEOUT));
      if (reportFile != null) {
        if (!which.equals("new")) {
          throw new UsageException(
              options.name(REPORT)
                  + " picks a report to fetch and "
                  + options.name(REPORT_FILE)
                  + " audits a saved one; choose one");
        }
        if (saveReport != null) {
          throw new UsageException(
              options.name(SAVE_REPORT)
                  + " keeps a fetched report, and "
                  + options.name(REPORT_FILE)
                  + " fetches none; drop "
                  + options.name(SAVE_REPORT));
        }
        return new SourceChoice.ReportFile(reportFile);
      }
      if (demo) {
        return new SourceChoice.Demo(which, timeout, saveReport);
      }
      String variable = apiKeyVariable == null ? DEFAULT_API_KEY_ENV : apiKeyVariable;
      ApiKeyVariable.requireName(variable, options.name(API_KEY_ENV));
      if (keys == null) {
        throw new IllegalStateException("a live audit needs apiKey(variable, keys)");
      }
      ApiKeyVariable.Found key = keys.find(variable);
      if (key.secret() == null) {
        throw new UsageException(
            "No API key: set the "
                + key.origin()
                + " to an IBM Cloud API key with Service"
                + " Configuration Reader on IAM Identity, or try the built-in demo account ("
                + options.on(DEMO)
                + ")");
      }
      return new SourceChoice.Live(
          new IamSettings(
              iamUrl == null ? DEFAULT_IAM_URL : iamUrl,
              userManagementUrl == null ? DEFAULT_USER_MANAGEMENT_URL : userManagementUrl,
              key.secret(),
              key.origin(),
              which,
              timeout,
              saveReport,
              options));
    }

    private FailOn failOn() {
      if (failOn == null) {
        return null;
      }
      try {
        return FailOn.parse(failOn.trim().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            options.name(FAIL_ON)
                + " must be one of "
                + FailOn.allIds()
                + ", not '"
                + ShownValue.of(failOn)
                + "'");
      }
    }
  }
}
