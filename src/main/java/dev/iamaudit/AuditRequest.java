package dev.iamaudit;

import dev.iamaudit.iam.Secret;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.report.ReportFormats;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One audit, as the CLI or the Maven goal asked for it. The core owns every default; front ends only map their
 * options here.
 *
 * @param source where the data comes from
 * @param reportFile the saved report, for {@link SourceKind#REPORT_FILE}
 * @param report which report a live pull uses: {@code new}, {@code latest} or a reference
 * @param accountId the account to audit; null for the policy's, else the token's
 * @param apiKey the API key, for a live pull; null when none was found
 * @param apiKeyOrigin where the key was looked for, for messages: "environment variable IBMCLOUD_API_KEY"
 * @param policyFile the policy; null for {@code iam-audit.yml} in {@code baseDir} if present
 * @param allowlistFile the allowlist; null for {@code iam-allowlist.yml} in {@code baseDir} if present
 * @param failOn overrides the policy's failOn when not null
 * @param saveReport where to keep the raw activity report as fetched; null for nowhere
 * @param baseDir the repo root: defaults are looked up and report locations made relative here
 * @param stepSummary a file the Markdown summary is appended to ($GITHUB_STEP_SUMMARY); null for none
 * @param terraformDir the directory scanned for {@code *.tf}; null for {@code baseDir} (the demo's own folder in a
 *     demo)
 * @param terraformOff true to read no Terraform at all
 * @param terraformState {@code terraform.tfstate} or {@code terraform show -json} output; null for none
 * @param projectFile the build file that runs the audit (Maven's {@code pom.xml}); null for none. Findings point at
 *     it when the repository holds no policy, allowlist or Terraform to point at
 * @param buildDirectory a directory of build output the Terraform scan skips, as it skips the output directory
 *     (Maven's {@code target}); null for none
 */
public record AuditRequest(
    SourceKind source,
    Path reportFile,
    String report,
    String accountId,
    Secret apiKey,
    String apiKeyOrigin,
    URI iamUrl,
    URI userManagementUrl,
    Path policyFile,
    Path allowlistFile,
    Path outputDirectory,
    List<String> formats,
    FailOn failOn,
    Path saveReport,
    Duration reportTimeout,
    Path baseDir,
    Path stepSummary,
    Path terraformDir,
    boolean terraformOff,
    Path terraformState,
    Path projectFile,
    Path buildDirectory) {

  public static final URI DEFAULT_IAM_URL = URI.create("https://iam.cloud.ibm.com");
  public static final URI DEFAULT_USER_MANAGEMENT_URL = URI.create("https://user-management.cloud.ibm.com");
  public static final String DEFAULT_API_KEY_ENV = "IBMCLOUD_API_KEY";
  public static final String DEFAULT_POLICY = "iam-audit.yml";
  public static final String DEFAULT_ALLOWLIST = "iam-allowlist.yml";
  public static final Duration DEFAULT_REPORT_TIMEOUT = Duration.ofMinutes(10);

  /** Where the data comes from. */
  public enum SourceKind {
    LIVE,
    REPORT_FILE,
    DEMO
  }

  public AuditRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(baseDir, "baseDir");
    if (source == SourceKind.REPORT_FILE) {
      Objects.requireNonNull(reportFile, "reportFile");
    }
    report = report == null ? "new" : report;
    iamUrl = iamUrl == null ? DEFAULT_IAM_URL : iamUrl;
    userManagementUrl = userManagementUrl == null ? DEFAULT_USER_MANAGEMENT_URL : userManagementUrl;
    apiKeyOrigin = apiKeyOrigin == null ? "environment variable " + DEFAULT_API_KEY_ENV : apiKeyOrigin;
    formats = formats == null || formats.isEmpty() ? ReportFormats.DEFAULT : List.copyOf(formats);
    reportTimeout = reportTimeout == null ? DEFAULT_REPORT_TIMEOUT : reportTimeout;
    if (reportTimeout.isNegative() || reportTimeout.isZero()) {
      throw new IllegalArgumentException("reportTimeout must be positive");
    }
    if (terraformOff && (terraformDir != null || terraformState != null)) {
      throw new IllegalArgumentException("Terraform is off, so it has no directory or state");
    }
  }

  public static Builder builder(Path baseDir, Path outputDirectory) {
    return new Builder(baseDir, outputDirectory);
  }

  /** Builds a request from the options a front end was given; everything unset keeps its default. */
  public static final class Builder {
    private SourceKind source = SourceKind.LIVE;
    private Path reportFile;
    private String report;
    private String accountId;
    private Secret apiKey;
    private String apiKeyOrigin;
    private URI iamUrl;
    private URI userManagementUrl;
    private Path policyFile;
    private Path allowlistFile;
    private final Path outputDirectory;
    private List<String> formats;
    private FailOn failOn;
    private Path saveReport;
    private Duration reportTimeout;
    private final Path baseDir;
    private Path stepSummary;
    private Path terraformDir;
    private boolean terraformOff;
    private Path terraformState;
    private Path projectFile;
    private Path buildDirectory;

    private Builder(Path baseDir, Path outputDirectory) {
      this.baseDir = baseDir;
      this.outputDirectory = outputDirectory;
    }

    public Builder demo() {
      source = SourceKind.DEMO;
      return this;
    }

    public Builder reportFile(Path file) {
      source = SourceKind.REPORT_FILE;
      reportFile = file;
      return this;
    }

    public Builder report(String value) {
      report = value;
      return this;
    }

    public Builder accountId(String value) {
      accountId = value;
      return this;
    }

    public Builder apiKey(Secret value, String origin) {
      apiKey = value;
      apiKeyOrigin = origin;
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

    public Builder failOn(FailOn value) {
      failOn = value;
      return this;
    }

    public Builder saveReport(Path value) {
      saveReport = value;
      return this;
    }

    public Builder reportTimeout(Duration value) {
      reportTimeout = value;
      return this;
    }

    public Builder stepSummary(Path value) {
      stepSummary = value;
      return this;
    }

    public Builder terraform(Path dir) {
      terraformDir = dir;
      return this;
    }

    public Builder noTerraform() {
      terraformOff = true;
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

    public AuditRequest build() {
      return new AuditRequest(source, reportFile, report, accountId, apiKey, apiKeyOrigin, iamUrl,
          userManagementUrl, policyFile, allowlistFile, outputDirectory, formats, failOn, saveReport,
          reportTimeout, baseDir, stepSummary, terraformDir, terraformOff, terraformState, projectFile,
          buildDirectory);
    }
  }
}
