package dev.iamaudit.maven;

import dev.iamaudit.AuditRequest;
import dev.iamaudit.failure.AuditFailure;
import dev.iamaudit.failure.OutOfMemory;
import dev.iamaudit.governance.Baseline;
import dev.iamaudit.governance.BaselineOutcome;
import dev.iamaudit.governance.BaselineRequest;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Audits as {@code iam:audit} does, with the same parameters and reports, then accepts every
 * violation found: one entry per identity and rule is appended to the allowlist ({@code
 * iam.allowlist}, default {@code iam-allowlist.yml} in the base directory, created if missing),
 * which expires after {@code iam.expiresIn} days. What the file holds stays as it is, and running
 * it again adds nothing. It never fails on the violations ({@code iam.failOn} plays no part); it
 * fails only when the audit cannot run or the entries cannot be added. Runs without a project too:
 * {@code mvn dev.iamaudit:iam-maven-plugin:baseline -Diam.reportFile=report.json}.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends AuditMojo {
  /**
   * Who answers for the entries (a team or an address), written as their {@code owner}; none by
   * default.
   */
  @Parameter(property = "iam.owner")
  String owner;

  /**
   * Days from today until the entries expire: by default 90, or the policy's {@code
   * allowlistMaxDays} when that is shorter; more than {@code allowlistMaxDays} is refused.
   */
  @Parameter(property = "iam.expiresIn")
  Integer expiresIn;

  @Inject
  public BaselineMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  void audit(Log log) throws MojoExecutionException {
    if (skip) {
      log.info("Skipping the IAM baseline (iam.skip)");
      return;
    }
    AuditRequest request = toRequest();
    if (demo && allowlist == null) {
      throw new MojoExecutionException(
          "iam:baseline with iam.demo needs iam.allowlist: the demo audits with an allowlist it"
              + " writes anew on every run, so entries added there would be lost. Name the file to"
              + " add them to with -Diam.allowlist=FILE, and audit with the same iam.allowlist");
    }
    BaselineOutcome outcome;
    try {
      outcome =
          new Baseline(clock, sleeper)
              .run(
                  request,
                  new BaselineRequest(owner, expiresIn, "iam.owner", "iam.expiresIn"),
                  new MavenAuditListener(log, clock));
    } catch (AuditFailure e) {
      if (OutOfMemory.in(e)) {
        throw new MojoExecutionException(outOfMemory(Runtime.getRuntime().maxMemory()));
      }
      // Not the failure itself as the cause: with -e Maven would print its message again,
      // unescaped.
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    }
    log.info(outcome.summary());
    outcome.written().forEach(log::info);
    outcome.notAdded().forEach(log::warn);
  }
}
