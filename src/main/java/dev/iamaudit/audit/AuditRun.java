package dev.iamaudit.audit;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.AllowlistExpired;
import dev.iamaudit.rules.Check;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.RuleContext;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.rules.Violation;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One audit under way: a source hands it the account ({@link AccountSink}), it judges each identity
 * with every enabled rule as it comes, and {@link #finish} makes the result. It keeps counts and
 * what the rules keep, never the identities: each finding goes to the {@link Spill} with its
 * message written.
 *
 * <p>The rules judge on the source's thread, as it reads; what they find is kept on a thread of its
 * own, fed in batches: applying the allowlist, writing the message and the fingerprint and spilling
 * the finding take about as long as reading and judging, and a large account has two cores' worth
 * of both.
 */
public final class AuditRun implements AccountSink, AutoCloseable {
  /** The most violations the result names, in report order: as many as any front end lists. */
  public static final int FIRST_VIOLATIONS = 20;

  /** Identities and what the rules found in them, handed over together. */
  private static final int BATCH = 2048;

  private static final Batch END = new Batch(new Object[0], 0);

  private final List<Rule> rules;
  private final Policy policy;
  private final Allowlist allowlist;
  private final Clock clock;
  private final TerraformDeclarations terraform;
  private final Spill spill;
  private final IdentityColumns columns;
  private final FindingLines lines;
  private final Locator locator;

  private RuleContext context;
  private Judge judge;
  private Thread keeping;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);

  /**
   * Each identity, then a rule run, its violation and the violation's message for each violation
   * found in it.
   */
  private Object[] events = new Object[BATCH + 64];

  private int count;
  private volatile Throwable failure;
  private boolean ended;

  AuditRun(
      List<Rule> rules,
      Policy policy,
      Allowlist allowlist,
      Clock clock,
      TerraformDeclarations terraform,
      Locator locator,
      Spill spill,
      IdentityColumns columns,
      FindingLines lines) {
    this.rules = rules;
    this.policy = policy;
    this.allowlist = allowlist;
    this.clock = clock;
    this.terraform = terraform;
    this.locator = locator;
    this.spill = spill;
    this.columns = columns;
    this.lines = lines;
  }

  @Override
  public void begin(RuleContext accountContext) {
    if (context != null) {
      throw new IllegalStateException("the audit has begun already");
    }
    context = accountContext.withTerraform(terraform);
    judge = new Judge(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    StringBuilder text = new StringBuilder(512);
    for (RuleRun run : judge.judging) {
      // The message is written here, as the rule finds it: the keeping thread has the rest of the
      // work to do.
      run.collect =
          violation -> {
            if (count + 3 > events.length) {
              events = Arrays.copyOf(events, 2 * events.length);
            }
            events[count++] = run;
            events[count++] = violation;
            events[count++] = message(violation, text);
          };
    }
    keeping = new Thread(this::keepBatches, "iam-audit-keep");
    keeping.setDaemon(true);
    keeping.start();
  }

  @Override
  public void accept(Identity identity) {
    if (count >= BATCH) {
      hand(new Batch(events, count));
      events = new Object[BATCH + 64];
      count = 0;
    }
    events[count++] = identity;
    for (RuleRun run : judge.judging) {
      run.check.judge(identity, run.collect);
    }
  }

  private void hand(Batch batch) {
    rethrowFailure();
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while auditing", e);
    }
  }

  private static String message(Violation violation, StringBuilder text) {
    text.setLength(0);
    violation.text().appendTo(text);
    return text.toString();
  }

  /** A run of identities, each followed by what the rules found in it. */
  private record Batch(Object[] events, int count) {}

  private void keepBatches() {
    try {
      for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
        if (failure != null) {
          continue;
        }
        try {
          keep(batch);
        } catch (Throwable e) {
          // Told to the source's thread on its next batch or at the finish; the batches still
          // coming are drained
          // so that it never waits on a full queue.
          failure = e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void keep(Batch batch) {
    Object[] kept = batch.events();
    int i = 0;
    while (i < batch.count()) {
      Identity identity = (Identity) kept[i++];
      judge.begin(identity);
      while (i < batch.count() && kept[i] instanceof RuleRun run) {
        judge.found(run, (Violation) kept[i + 1], (String) kept[i + 2]);
        i += 3;
      }
      judge.end(identity);
    }
  }

  /**
   * Waits until everything handed over is kept, or the keeping thread has given up after a failure.
   */
  private void end() {
    if (ended || keeping == null) {
      ended = true;
      return;
    }
    ended = true;
    try {
      if (count > 0 && failure == null) {
        queue.put(new Batch(events, count));
      }
      events = null;
      queue.put(END);
      keeping.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while auditing", e);
    }
  }

  private void rethrowFailure() {
    Throwable thrown = failure;
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    if (thrown != null) {
      throw new IllegalStateException(thrown);
    }
  }

  /**
   * Judges what only the end tells (rules across identities, the account, the allowlist) and
   * decides the gate.
   *
   * @param report the activity report's header as the source read it in full, or null
   * @param notes what the run had to say about its data
   */
  public AuditResult finish(ReportInfo report, List<String> notes) {
    if (context == null) {
      throw new IllegalStateException("the audit never began");
    }
    end();
    rethrowFailure();
    AuditResult result = judge.result(report, notes);
    // What the rules kept across identities (every user's keys) must not outlive the judging while
    // reports are
    // written; the result holds what it needs.
    judge = null;
    return result;
  }

  /** Stops judging, if a source failed before the finish; the spill is the caller's to close. */
  @Override
  public void close() {
    try {
      end();
    } catch (IllegalStateException e) {
      // Interrupted: the thread is a daemon and judges nothing more.
    }
  }

  /** A rule at work, and what it found so far. */
  private static final class RuleRun {
    final Rule rule;
    final RuleConfig config;
    final Check check;

    /** Numbers the rule for {@link IdentityRows}. */
    final int number;

    final RuleFindings findings;
    final boolean failsGate;

    /** Takes what the rule finds in an identity, on the source's thread. */
    Consumer<Violation> collect;

    long violations;
    long allowlisted;
    long blocking;

    RuleRun(
        Rule rule,
        RuleConfig config,
        Check check,
        int number,
        RuleFindings findings,
        FailOn failOn) {
      this.rule = rule;
      this.config = config;
      this.check = check;
      this.number = number;
      this.findings = findings;
      this.failsGate = failOn.fails(config.severity());
    }
  }

  /**
   * What the audit keeps, owned by the keeping thread; the source's thread takes it over once that
   * thread has ended. The rules and their checks are the source thread's.
   */
  private final class Judge {
    private final LocalDate today;
    private final String account;
    private final List<AllowlistEntry> entries;
    private final boolean[] expired;
    private final int[] matches;
    private final List<RuleRun> runs = new ArrayList<>();
    private final List<RuleRun> judging = new ArrayList<>();
    private final ActivityAges ages = new ActivityAges();
    private final StringBuilder message = new StringBuilder(512);
    private final IdentityRows rows;

    /** Writes each finding's line for a report of one line per finding, or null. */
    private final FindingLines.Writer lineWriter;

    private final LineBuffer line = new LineBuffer();
    private final StringBuilder rowColumns = new StringBuilder(256);
    private final List<IdentityRows.Other> others = new ArrayList<>();

    /**
     * Where findings point, each once: the spill names them by index, as there are few (see {@link
     * Locator}).
     */
    private final List<Location> locations = new ArrayList<>();

    private final Map<Location, Integer> locationIndex = new HashMap<>();
    private int[] found = new int[16];
    private int foundCount;
    private long identities;
    private long disabledKeys;
    private long expiredKeys;

    /** The identity being judged, or null at the end. */
    private Entity current;

    Judge(LocalDate today) {
      this.today = today;
      this.account = context.accountId();
      this.entries = allowlist.entries();
      this.expired = new boolean[entries.size()];
      for (int i = 0; i < expired.length; i++) {
        expired[i] = entries.get(i).expiredOn(today);
      }
      this.matches = new int[entries.size()];
      List<IdentityRows.Verdict> verdicts = new ArrayList<>();
      for (Rule rule : rules) {
        RuleConfig config = policy.rule(rule.id());
        Check check = config.enabled() ? rule.start(context, config) : null;
        RuleFindings kept =
            check != null && check.evaluated()
                ? new RuleFindings(spill, rule.id(), config.severity(), entries, locations)
                : null;
        RuleRun run = new RuleRun(rule, config, check, runs.size(), kept, policy.failOn());
        runs.add(run);
        if (kept != null) {
          judging.add(run);
        }
        verdicts.add(new IdentityRows.Verdict(rule.id(), config.severity(), Status.VIOLATION));
        verdicts.add(new IdentityRows.Verdict(rule.id(), config.severity(), Status.ALLOWLISTED));
      }
      this.rows = columns == null ? null : new IdentityRows(spill, verdicts);
      this.lineWriter = lines == null ? null : lines.open(line);
    }

    /** Before what the rules found in {@code identity}. */
    void begin(Identity identity) {
      identities++;
      ages.add(identity.activity(), context.asOf());
      if (identity instanceof ApiKey key) {
        switch (key.state(context.asOf())) {
          case DISABLED -> disabledKeys++;
          case EXPIRED -> expiredKeys++;
          case ACTIVE -> {}
        }
      }
      current = identity.entity();
      foundCount = 0;
    }

    /** After what the rules found in {@code identity}. */
    void end(Identity identity) {
      if (rows != null) {
        rowColumns.setLength(0);
        columns.append(identity, context.asOf(), rowColumns);
        rows.add(current, rowColumns, found, foundCount);
      }
    }

    private void found(RuleRun run, Violation violation, String message) {
      Entity entity = violation.entity();
      int entry = covering(run.rule.id(), entity);
      Status status = Status.VIOLATION;
      if (entry >= 0) {
        matches[entry]++;
        status = expired[entry] ? Status.VIOLATION : Status.ALLOWLISTED;
      }
      if (status == Status.VIOLATION) {
        run.violations++;
        if (run.failsGate) {
          run.blocking++;
        }
      } else {
        run.allowlisted++;
      }
      byte[] digest =
          violation.subject() == null
              ? Fingerprints.digest(run.rule.id(), account, entity.type().id(), entity.id())
              : Fingerprints.digest(run.rule.id(), account, violation.subject(), null);
      AllowlistEntry covering = entry < 0 ? null : entries.get(entry);
      Location location = locator.locate(run.rule.id(), violation, covering);
      RuleFindings.Line written = null;
      if (lineWriter != null) {
        written =
            line(
                new Finding(
                    run.rule.id(),
                    run.config.severity(),
                    status,
                    entity,
                    message,
                    Fingerprints.hex(digest, 0),
                    covering,
                    location));
      }
      run.findings.add(status, entity, entry, digest, message, written, indexOf(location));
      if (rows != null) {
        int verdict = 2 * run.number + (status == Status.ALLOWLISTED ? 1 : 0);
        if (current != null && sameIdentity(entity, current)) {
          if (foundCount == found.length) {
            found = Arrays.copyOf(found, 2 * foundCount);
          }
          found[foundCount++] = verdict;
        } else {
          others.add(new IdentityRows.Other(entity, rows.verdict(verdict)));
        }
      }
    }

    private int indexOf(Location location) {
      Integer index = locationIndex.get(location);
      if (index == null) {
        index = locations.size();
        locations.add(location);
        locationIndex.put(location, index);
      }
      return index;
    }

    /**
     * The finding's line, or null when it could not be written: the report then writes the finding
     * in its place itself, and fails there, with the reports, as it would have.
     */
    private RuleFindings.Line line(Finding finding) {
      line.reset();
      try {
        lineWriter.write(finding);
      } catch (IOException e) {
        return null;
      }
      return new RuleFindings.Line(line.bytes(), line.size());
    }

    /**
     * The entry that accepts the finding: the first unexpired one that covers it, else the first
     * expired one (so the finding is reported as no longer accepted), else -1. An expired entry
     * never hides a valid one below it.
     */
    private int covering(String ruleId, Entity entity) {
      int firstExpired = -1;
      for (int i = 0; i < expired.length; i++) {
        if (entries.get(i).covers(ruleId, entity)) {
          if (!expired[i]) {
            return i;
          }
          if (firstExpired < 0) {
            firstExpired = i;
          }
        }
      }
      return firstExpired;
    }

    AuditResult result(ReportInfo report, List<String> notes) {
      current = null;
      List<RuleEvaluation> evaluations = new ArrayList<>();
      List<String> unevaluated = new ArrayList<>();
      List<Findings.Group> groups = new ArrayList<>();
      for (RuleRun run : runs) {
        if (run.check == null) {
          evaluations.add(
              new RuleEvaluation(run.rule, run.config, RuleEvaluation.State.DISABLED, null, 0));
          continue;
        }
        if (run.findings == null) {
          evaluations.add(
              new RuleEvaluation(
                  run.rule, run.config, RuleEvaluation.State.NOT_EVALUATED, run.check.note(), 0));
          unevaluated.add(run.rule.id());
          continue;
        }
        run.check.finish(violation -> found(run, violation, message(violation, message)));
        run.findings.seal();
        evaluations.add(
            new RuleEvaluation(
                run.rule,
                run.config,
                RuleEvaluation.State.EVALUATED,
                run.check.note(),
                run.check.checked(),
                run.violations,
                run.allowlisted,
                run.blocking));
        if (run.findings.size() > 0) {
          groups.add(
              new Findings.Group(
                  run.rule.id(), run.findings.size(), run.findings, run.findings::writeLines));
        }
      }
      allowlistFindings(Rules.ALLOWLIST_EXPIRED, evaluations, groups, unevaluated);
      allowlistFindings(Rules.ALLOWLIST_UNUSED, evaluations, groups, unevaluated);
      // Each group holds one rule's findings in report order, so ordering the groups is the whole
      // sort.
      groups.sort(
          Comparator.comparing((Findings.Group group) -> policy.rule(group.rule()).severity())
              .thenComparing(Findings.Group::rule));
      Findings findings = new Findings(groups, lineWriter != null);
      if (rows != null) {
        // A stable sort: what compares equal (several entries about the account) keeps the order it
        // was found in.
        others.sort(
            Comparator.comparing((IdentityRows.Other other) -> other.verdict().severity())
                .thenComparing(other -> other.verdict().rule())
                .thenComparing(other -> other.entity().type())
                .thenComparing(other -> other.entity().id()));
        rows.seal(others);
      }
      long violations = evaluations.stream().mapToLong(RuleEvaluation::violations).sum();
      long blocking = evaluations.stream().mapToLong(RuleEvaluation::blocking).sum();
      return new AuditResult(
          clock.instant(),
          new AuditScope(
              account,
              context.asOf(),
              report,
              identities,
              ages,
              new KeyStates(disabledKeys, expiredKeys)),
          policy,
          allowlist,
          evaluations,
          findings,
          firstViolations(findings, violations),
          rows,
          new GateDecision(policy.failOn(), blocking),
          notes);
    }

    /**
     * The allowlist's own rule: one finding per entry that expired, or per entry that matched
     * nothing.
     */
    private void allowlistFindings(
        RuleDescriptor rule,
        List<RuleEvaluation> evaluations,
        List<Findings.Group> groups,
        List<String> unevaluated) {
      RuleConfig config = policy.rule(rule.id());
      if (!config.enabled()) {
        evaluations.add(new RuleEvaluation(rule, config, RuleEvaluation.State.DISABLED, null, 0));
        return;
      }
      boolean failsGate = policy.failOn().fails(config.severity());
      List<Finding> found = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        AllowlistEntry entry = entries.get(i);
        Violation violation;
        if (rule == Rules.ALLOWLIST_EXPIRED && expired[i]) {
          violation =
              Rules.ALLOWLIST_EXPIRED.check(
                  entry, AllowlistExpired.entity(account, entry), today, matches[i]);
        } else if (rule == Rules.ALLOWLIST_UNUSED
            && !expired[i]
            && matches[i] == 0
            && coversOnlyEvaluated(entry, unevaluated)) {
          violation = Rules.ALLOWLIST_UNUSED.check(entry, AllowlistExpired.entity(account, entry));
        } else {
          continue;
        }
        found.add(
            new Finding(
                rule.id(),
                config.severity(),
                Status.VIOLATION,
                violation.entity(),
                violation.message(),
                Fingerprints.of(rule.id(), account, "allowlist:" + entry.match(), null),
                entry,
                locator.locate(entry)));
        if (rows != null) {
          others.add(
              new IdentityRows.Other(
                  violation.entity(),
                  new IdentityRows.Verdict(rule.id(), config.severity(), Status.VIOLATION)));
        }
      }
      evaluations.add(
          new RuleEvaluation(
              rule,
              config,
              RuleEvaluation.State.EVALUATED,
              null,
              entries.size(),
              found.size(),
              0,
              failsGate ? found.size() : 0));
      if (!found.isEmpty()) {
        List<RuleFindings.Line> foundLines = new ArrayList<>();
        if (lineWriter != null) {
          for (Finding finding : found) {
            RuleFindings.Line written = line(finding);
            foundLines.add(
                written == null
                    ? null
                    : new RuleFindings.Line(
                        Arrays.copyOf(written.bytes(), written.length()), written.length()));
          }
        }
        groups.add(
            new Findings.Group(
                rule.id(),
                found.size(),
                found,
                sink -> {
                  for (int i = 0; i < found.size(); i++) {
                    RuleFindings.Line written = foundLines.get(i);
                    if (written == null) {
                      sink.finding(found.get(i));
                    } else {
                      sink.line(written.bytes(), 0, written.length());
                    }
                  }
                }));
      }
    }
  }

  /** The bytes of one line, reused for the next. */
  private static final class LineBuffer extends ByteArrayOutputStream {
    LineBuffer() {
      super(1024);
    }

    byte[] bytes() {
      return buf;
    }
  }

  private static boolean sameIdentity(Entity a, Entity b) {
    return a.type() == b.type() && (a.type() == IdentityType.ACCOUNT || a.id().equals(b.id()));
  }

  private static boolean coversOnlyEvaluated(AllowlistEntry entry, List<String> unevaluated) {
    return entry.rules().isEmpty()
        ? unevaluated.isEmpty()
        : entry.rules().stream().noneMatch(unevaluated::contains);
  }

  /**
   * The first violations in report order, read until {@link #FIRST_VIOLATIONS} or all of them are
   * found.
   */
  private static List<Finding> firstViolations(Findings findings, long violations) {
    long wanted = Math.min(FIRST_VIOLATIONS, violations);
    List<Finding> first = new ArrayList<>();
    if (wanted == 0) {
      return first;
    }
    for (Finding finding : findings) {
      if (finding.isViolation()) {
        first.add(finding);
        if (first.size() == wanted) {
          break;
        }
      }
    }
    return first;
  }
}
