package dev.iamaudit.governance;

import dev.iamaudit.AuditRequest;
import dev.iamaudit.IamAudit;
import dev.iamaudit.SourceChoice;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.Sleeper;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.report.ToolVersion;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code baseline}: runs the audit, then accepts every violation it found as it stands, one
 * allowlist entry per identity and rule, so that an account with a backlog can adopt the gate today
 * and have only new violations fail it. Each entry expires, so the backlog comes back for review.
 *
 * <p>Every violation is accepted, below {@code failOn} too, as Checkov's baseline takes every
 * failed check: a baseline records the account as it was, and a later, stricter {@code failOn} then
 * fails on what is new, not on the backlog. Not accepted: findings of the allowlist's own rules,
 * which judge the entries and which no entry can accept, and violations that an expired entry
 * covers, since that entry is where someone decides about them (an entry for the same identities
 * and rules beside it would also be a duplicate).
 */
public final class Baseline {
  /**
   * How long entries hold unless asked otherwise: a quarter, then the backlog comes back for
   * review.
   */
  public static final int DEFAULT_EXPIRY_DAYS = 90;

  private final Clock clock;
  private final Sleeper sleeper;

  public Baseline(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Audits as {@code request} asks, reports included, then adds the entries to the allowlist the
   * audit read: {@code request}'s, else {@code iam-allowlist.yml} in its base directory, created
   * with {@code init}'s header when missing.
   *
   * @throws IllegalArgumentException for a demo without an allowlist of its own: the demo's is
   *     written anew on each run, so entries added to it would be lost; front ends refuse that in
   *     their own terms
   * @throws dev.iamaudit.failure.AuditFailure when the audit could not run or the entries could not
   *     be added
   */
  public BaselineOutcome run(
      AuditRequest request, BaselineRequest baseline, AuditListener listener) {
    if (request.source() instanceof SourceChoice.Demo && request.allowlistFile() == null) {
      throw new IllegalArgumentException(
          "a demo baseline needs an allowlist file besides the demo's own");
    }
    Path file =
        request.allowlistFile() != null
            ? request.allowlistFile()
            : request.baseDir().resolve(AuditRequest.DEFAULT_ALLOWLIST);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    // The audit must read the file the entries go to, also when it is new: created first, removed
    // unless they came.
    boolean created =
        !Files.exists(file)
            && AllowlistAppender.create(
                file, new StarterFiles(Rules.all(), today, ToolVersion.get()).allowlistHeader());
    Accepting accepting = new Accepting(file, created, today, baseline, listener);
    try {
      new IamAudit(clock, sleeper).run(request, listener, accepting::accept);
      return accepting.outcome;
    } finally {
      if (created && !accepting.appended) {
        deleteCreated(file);
      }
    }
  }

  /**
   * The schema a new allowlist's first line names, unless one is there, so that an editor checks
   * the file.
   *
   * @return true when it wrote one; a schema that cannot be written costs the editor's checks, not
   *     the entries
   */
  private static boolean writeSchemaBeside(Path file, AuditListener listener) {
    Path schema = file.resolveSibling(Schemas.ALLOWLIST_FILE);
    try {
      return !Files.exists(schema)
          && AllowlistAppender.create(schema, new Schemas(Rules.all()).allowlist());
    } catch (UsageException e) {
      listener.warn(e.getMessage());
      return false;
    }
  }

  private static void deleteCreated(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // What is left is init's empty allowlist, which changes no audit.
    }
  }

  /** What the audit's result turns into, worked out while its findings can be read. */
  private static final class Accepting {
    private final Path file;
    private final boolean created;
    private final LocalDate today;
    private final BaselineRequest baseline;
    private final AuditListener listener;
    private boolean appended;
    private BaselineOutcome outcome;

    Accepting(
        Path file,
        boolean created,
        LocalDate today,
        BaselineRequest baseline,
        AuditListener listener) {
      this.file = file;
      this.created = created;
      this.today = today;
      this.baseline = baseline;
      this.listener = listener;
    }

    void accept(AuditResult result) {
      Policy policy = result.policy();
      int days = expiryDays(policy);
      Set<String> allowlistRules = allowlistRules();
      Map<String, BaselineEntry> entries = new LinkedHashMap<>();
      long allowlisted = 0;
      Set<String> ownRules = new TreeSet<>();
      long ownFindings = 0;
      Set<AllowlistEntry> expired = new LinkedHashSet<>();
      long expiredFindings = 0;
      // The one walk over the findings, while the result still holds them.
      for (Finding finding : result.findings()) {
        if (!finding.isViolation()) {
          allowlisted++;
        } else if (allowlistRules.contains(finding.rule())) {
          ownRules.add(finding.rule());
          ownFindings++;
        } else if (finding.allowlistEntry() != null) {
          expired.add(finding.allowlistEntry());
          expiredFindings++;
        } else {
          entries.putIfAbsent(
              finding.rule() + '\n' + finding.entity().id(),
              BaselineEntry.of(finding.entity(), finding.rule()));
        }
      }
      LocalDate expires = today.plusDays(days);
      String shown = result.allowlist().file();
      if (!entries.isEmpty()) {
        List<String> lines = new ArrayList<>();
        lines.add(
            "# Baseline of "
                + today
                + ": "
                + entries.size()
                + (entries.size() == 1 ? " violation" : " violations")
                + " accepted as they stood. Fix each before its"
                + " entry expires.");
        String reason = "Accepted as a baseline on " + today;
        entries
            .values()
            .forEach(entry -> lines.addAll(entry.lines(reason, baseline.owner(), expires)));
        AllowlistLoader loader =
            new AllowlistLoader(
                Rules.all().stream().map(RuleDescriptor::id).toList(),
                today,
                policy.allowlistMaxDays());
        new AllowlistAppender(file, shown)
            .append(lines, result.allowlist(), entries.size(), loader);
        appended = true;
      }
      boolean schema = created && !entries.isEmpty() && writeSchemaBeside(file, listener);
      outcome =
          new BaselineOutcome(
              shown,
              created,
              schema,
              entries.size(),
              expires,
              baseline.owner(),
              allowlisted,
              List.copyOf(ownRules),
              ownFindings,
              expired.stream().map(AllowlistEntry::position).toList(),
              expiredFindings);
    }

    /**
     * The days asked for, which the allowlist's limit bounds; by default a quarter, or the limit
     * when shorter.
     */
    private int expiryDays(Policy policy) {
      int max = policy.allowlistMaxDays();
      if (baseline.expiresInDays() == null) {
        return Math.min(DEFAULT_EXPIRY_DAYS, max);
      }
      if (baseline.expiresInDays() > max) {
        throw new UsageException(
            baseline.expiresInOption()
                + " "
                + baseline.expiresInDays()
                + " is more than"
                + " allowlistMaxDays ("
                + max
                + (policy.file() == null ? ", the default" : " in " + policy.file())
                + "), the most days from today an entry may expire; give at most "
                + max
                + ", or raise allowlistMaxDays"
                + " in the policy. Nothing was added");
      }
      return baseline.expiresInDays();
    }

    /**
     * The rules that judge the allowlist itself: the engine runs them, so they are no identity
     * rules.
     */
    private static Set<String> allowlistRules() {
      Set<String> ids = new LinkedHashSet<>();
      Rules.all().forEach(rule -> ids.add(rule.id()));
      Rules.identityRules().forEach(rule -> ids.remove(rule.id()));
      return ids;
    }
  }
}
