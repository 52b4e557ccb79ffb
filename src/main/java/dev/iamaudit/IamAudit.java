package dev.iamaudit;

import dev.iamaudit.audit.AuditEngine;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.AuditRun;
import dev.iamaudit.audit.FindingLines;
import dev.iamaudit.audit.IdentityColumns;
import dev.iamaudit.audit.Locator;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Spill;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.IamSource;
import dev.iamaudit.iam.Sleeper;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.LoadedFiles;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.report.MarkdownReport;
import dev.iamaudit.report.OutputDirectory;
import dev.iamaudit.report.ReportFormats;
import dev.iamaudit.report.ReportWriter;
import dev.iamaudit.rules.AccountSettingsDrift;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.simulator.DemoSource;
import dev.iamaudit.source.DataRequest;
import dev.iamaudit.source.DefaultFiles;
import dev.iamaudit.source.ReportFileSource;
import dev.iamaudit.source.Source;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole audit in one call, shared by the command line and the Maven goal: read the policy and
 * allowlist, pull the data the enabled rules need, evaluate, write the reports, and hand back the
 * verdict.
 */
public final class IamAudit {
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReportFormats formats;
  private final Supplier<Spill> spills;

  public IamAudit(Clock clock, Sleeper sleeper) {
    this(clock, sleeper, ReportFormats.standard(), Spill::temporary);
  }

  /**
   * @param spills where each audit keeps its findings
   */
  IamAudit(Clock clock, Sleeper sleeper, ReportFormats formats, Supplier<Spill> spills) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.formats = formats;
    this.spills = spills;
  }

  /**
   * @throws dev.iamaudit.failure.AuditFailure when the audit could not run (exit 2 or 3)
   */
  public AuditOutcome run(AuditRequest request, AuditListener listener) {
    return run(request, listener, result -> {});
  }

  /**
   * @param whileOpen given the result once the reports are written, while its findings can still be
   *     read
   * @throws dev.iamaudit.failure.AuditFailure when the audit could not run (exit 2 or 3)
   */
  public AuditOutcome run(
      AuditRequest request, AuditListener listener, Consumer<AuditResult> whileOpen) {
    List<ReportWriter> writers = formats.select(request.formats());
    outputDirectory(request).clearEarlierRun();
    try (Source source = open(request, listener)) {
      return audit(
          request, source.defaultFiles(request.baseDir()), source, writers, listener, whileOpen);
    }
  }

  private Source open(AuditRequest request, AuditListener listener) {
    SourceChoice choice = request.source();
    if (choice instanceof SourceChoice.Demo demo) {
      return DemoSource.start(
          demo,
          request.outputDirectory().resolve("demo"),
          request.options(),
          clock,
          sleeper,
          listener);
    }
    if (choice instanceof SourceChoice.ReportFile file) {
      return new ReportFileSource(file.file(), display(file.file(), request.baseDir()));
    }
    return new IamSource(((SourceChoice.Live) choice).settings(), clock, sleeper);
  }

  /**
   * @param defaults where the policy, allowlist and Terraform are unless the request names them
   */
  private AuditOutcome audit(
      AuditRequest request,
      DefaultFiles defaults,
      Source source,
      List<ReportWriter> writers,
      AuditListener listener,
      Consumer<AuditResult> whileOpen) {
    List<RuleDescriptor> all = Rules.all();
    Path policyFile =
        request.policyFile() != null ? request.policyFile() : existing(defaults.policy());
    Path allowlistFile =
        request.allowlistFile() != null ? request.allowlistFile() : existing(defaults.allowlist());
    Policy defaultPolicy = Policy.defaults(Rules.specs());
    Policy policy =
        policyFile == null
            ? defaultPolicy
            : new PolicyLoader(Rules.specs())
                .load(policyFile, display(policyFile, request.baseDir()));
    listener.info(
        policyFile == null
            ? LoadedFiles.noPolicy(display(defaults.policy(), request.baseDir()))
            : LoadedFiles.policy(policy, defaultPolicy));
    if (request.failOn() != null) {
      policy = policy.withFailOn(request.failOn());
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Allowlist allowlist =
        allowlistFile == null
            ? Allowlist.NONE
            : new AllowlistLoader(
                    all.stream().map(RuleDescriptor::id).toList(), today, policy.allowlistMaxDays())
                .load(allowlistFile, display(allowlistFile, request.baseDir()));
    listener.info(
        allowlistFile == null
            ? LoadedFiles.noAllowlist(display(defaults.allowlist(), request.baseDir()))
            : LoadedFiles.allowlist(allowlist));

    List<String> notes = new ArrayList<>();
    AuditListener recording =
        new AuditListener() {
          @Override
          public void info(String message) {
            listener.info(message);
          }

          @Override
          public void warn(String message) {
            notes.add(message);
            listener.warn(message);
          }

          @Override
          public void debug(String message) {
            listener.debug(message);
          }

          @Override
          public void waiting(String what, java.time.Duration elapsed, int attempt) {
            listener.waiting(what, elapsed, attempt);
          }

          @Override
          public void progress(String status) {
            listener.progress(status);
          }
        };
    TerraformDeclarations terraform = terraform(request, defaults.terraform());
    listener.info(terraform.summary());
    terraform.notes().forEach(recording::warn);
    if (terraform.enabled() && !Locator.inRepo(terraform.dir())) {
      recording.warn(
          "The Terraform directory "
              + terraform.dir()
              + " is outside the repository, so findings on"
              + " what it declares point at the allowlist or the policy instead of its files");
    }
    policy = AccountSettingsDrift.applyTo(policy, terraform);
    String anchor = anchor(request, writers);
    Locator locator = Locator.of(policy, allowlist, terraform, anchor);
    String account = request.accountId() != null ? request.accountId() : policy.account();
    IdentityColumns columns =
        writers.stream()
            .map(ReportWriter::identityColumns)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    FindingLines lines =
        writers.stream()
            .map(ReportWriter::findingLines)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    // The findings are read back from the spill until the last report is written; then its files
    // go.
    try (Spill spill = spills.get();
        AuditRun run =
            new AuditEngine(Rules.identityRules(), policy, allowlist, clock, terraform, locator)
                .start(spill, columns, lines)) {
      ReportInfo report = source.read(account, dataRequest(policy), recording, run);
      if (!Locator.inRepo(policy.file()) && !Locator.inRepo(allowlist.file())) {
        recording.warn(
            "No policy or allowlist file in the repository: findings that no Terraform declaration"
                + " places point at "
                + anchor
                + " line 1. Add an "
                + AuditRequest.DEFAULT_POLICY
                + " (an empty one keeps every"
                + " default) to place them in the repository");
      }
      AuditResult result = run.finish(report, notes);
      requireSomethingAudited(
          result, policyFile == null ? null : display(policyFile, request.baseDir()));
      List<Path> written = outputDirectory(request).write(result, writers);
      writers.forEach(writer -> writer.omissions(result).forEach(listener::warn));
      if (request.stepSummary() != null) {
        appendStepSummary(result, request.stepSummary(), listener);
      }
      // The findings are read back from the spill, which goes when this returns.
      whileOpen.accept(result);
      return new AuditOutcome(result, written);
    }
  }

  private OutputDirectory outputDirectory(AuditRequest request) {
    return new OutputDirectory(request.outputDirectory(), formats.fileNames(), clock, sleeper);
  }

  /**
   * A gate that judged nothing must not pass: every rule disabled, or only rules this source has no
   * data for, is a configuration to correct, not a clean account.
   */
  private static void requireSomethingAudited(AuditResult result, String policyFile) {
    List<String> disabled = new ArrayList<>();
    List<String> unevaluated = new ArrayList<>();
    for (RuleEvaluation evaluation : result.evaluations()) {
      if (!(evaluation.rule() instanceof Rule)) {
        continue;
      }
      switch (evaluation.state()) {
        case EVALUATED -> {
          return;
        }
        case DISABLED -> disabled.add(evaluation.rule().id());
        case NOT_EVALUATED ->
            unevaluated.add(evaluation.rule().id() + " (" + evaluation.note() + ")");
      }
    }
    StringBuilder message = new StringBuilder("Nothing was audited: no rule could be evaluated");
    if (!disabled.isEmpty()) {
      message
          .append("; disabled in ")
          .append(policyFile == null ? "the policy" : policyFile)
          .append(": ")
          .append(String.join(", ", disabled));
    }
    if (unevaluated.isEmpty()) {
      throw new UsageException(
          message.append(". Enable at least one rule in the policy").toString());
    }
    message.append("; not evaluated: ").append(String.join("; ", unevaluated));
    throw new UsageException(
        message
            .append(". Enable a rule in the policy, or audit the live account, which has ")
            .append("the data every rule needs")
            .toString());
  }

  /** A job summary that cannot be written costs the summary, not the audit. */
  private static void appendStepSummary(AuditResult result, Path file, AuditListener listener) {
    try {
      MarkdownReport.appendTo(result, file);
    } catch (java.io.IOException e) {
      listener.warn("Could not append the summary to " + file + ": " + e.getMessage());
    }
  }

  /** What the enabled rules need, and the longest report duration that proves their thresholds. */
  static DataRequest dataRequest(Policy policy) {
    Set<DataSet> needs = EnumSet.noneOf(DataSet.class);
    OptionalLong shortestDays = OptionalLong.empty();
    for (Rule rule : Rules.identityRules()) {
      var config = policy.rule(rule.id());
      if (!config.enabled()) {
        continue;
      }
      needs.addAll(rule.needs());
      OptionalLong days = rule.inactivityThresholdDays(config);
      if (days.isPresent()
          && (shortestDays.isEmpty() || days.getAsLong() < shortestDays.getAsLong())) {
        shortestDays = days;
      }
    }
    OptionalLong hours =
        shortestDays.isPresent()
            ? OptionalLong.of(shortestDays.getAsLong() * 24)
            : OptionalLong.empty();
    return new DataRequest(needs, hours, policy.maxReportAgeHours());
  }

  /** The Terraform the request asks for; the output and build directories are never scanned. */
  private static TerraformDeclarations terraform(AuditRequest request, Path defaultDir) {
    if (request.terraformOff()) {
      return TerraformDeclarations.none();
    }
    Path dir = request.terraformDir() != null ? request.terraformDir() : defaultDir;
    List<Path> skip = new ArrayList<>(List.of(request.outputDirectory()));
    if (request.buildDirectory() != null) {
      skip.add(request.buildDirectory());
    }
    Path state = request.terraformState();
    return TerraformDeclarations.load(
        dir,
        request.baseDir(),
        skip,
        state,
        state == null ? null : display(state, request.baseDir()));
  }

  /**
   * The file findings point at when the repository holds no policy, allowlist or Terraform to point
   * at: GitHub rejects a whole upload over one result without a file, and naming a file that does
   * not exist would send the reader looking for it. The build file that runs the audit (Maven's
   * POM) comes first; else the report the run writes, SARIF first, which exists by the time anyone
   * reads a finding (GitHub shows it without a preview).
   */
  private static String anchor(AuditRequest request, List<ReportWriter> writers) {
    Path project = request.projectFile();
    if (project != null
        && Files.isRegularFile(project)
        && Locator.inRepo(display(project, request.baseDir()))) {
      return display(project, request.baseDir());
    }
    ReportWriter report =
        writers.stream()
            .filter(writer -> writer.format().equals("sarif"))
            .findFirst()
            .orElse(writers.get(0));
    String shown = display(request.outputDirectory().resolve(report.fileName()), request.baseDir());
    return Locator.inRepo(shown) ? shown : report.fileName();
  }

  private static Path existing(Path file) {
    return Files.isRegularFile(file) ? file : null;
  }

  /**
   * The path as reports show it: relative to the repo root when inside it, with forward slashes.
   */
  static String display(Path file, Path baseDir) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = baseDir.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return ShownValue.of(shown.toString().replace('\\', '/'));
  }
}
