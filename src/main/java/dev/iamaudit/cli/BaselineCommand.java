package dev.iamaudit.cli;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.governance.Baseline;
import dev.iamaudit.governance.BaselineOutcome;
import dev.iamaudit.governance.BaselineRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iam-audit baseline}: the audit's own options, mapped to the request as for an audit, and
 * the two that say who answers for the entries and when they expire.
 */
@Command(
    name = "baseline",
    description = {
      "Audits as iam-audit does (same options, reports included), then accepts every violation"
          + " found: adds one entry per identity and rule to the allowlist (--allowlist, default"
          + " ./iam-allowlist.yml, created with init's header if missing). What is in the file"
          + " stays as it is; a violation already allowlisted gets no second entry, so running it"
          + " again adds nothing. Findings of allowlist-expired and allowlist-unused, and"
          + " violations an expired entry covers, are left for a person to decide.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the entries were added, or there was nothing to add",
      "2:usage or configuration error (bad option, invalid policy or allowlist, missing file, no"
          + " API key, --expires-in beyond allowlistMaxDays)",
      "3:the data could not be had or trusted (authentication, network, timeout, server errors,"
          + " stale, malformed or inconsistent report, out of memory)"
    })
final class BaselineCommand extends AuditCommand {
  @Option(
      names = "--owner",
      paramLabel = "OWNER",
      description =
          "Who answers for the entries (a team or an address), written as their owner (default:"
              + " none).")
  String owner;

  @Option(
      names = "--expires-in",
      paramLabel = "DAYS",
      description =
          "Days from today until the entries expire (default: 90, or the policy's allowlistMaxDays"
              + " when shorter; at most allowlistMaxDays).")
  Integer expiresIn;

  BaselineCommand(Environment environment, ConsoleWriter out, ConsoleWriter err) {
    super(environment, out, err);
  }

  @Override
  public Integer call() {
    if (demo && allowlist == null) {
      throw new UsageException(
          "baseline --demo needs --allowlist FILE: the demo audits with an allowlist it writes anew"
              + " on every run, so entries added there would be lost. Name the file to add them to,"
              + " and audit with the same --allowlist");
    }
    BaselineRequest request = new BaselineRequest(owner, expiresIn, "--owner", "--expires-in");
    ConsoleListener listener = listener();
    BaselineOutcome outcome =
        new Baseline(environment.clock(), environment.sleeper())
            .run(toRequest(), request, listener);
    listener.endLiveLine();
    out.println(outcome.summary());
    outcome.written().forEach(out::println);
    outcome.notAdded().forEach(out::println);
    out.flush();
    return 0;
  }
}
