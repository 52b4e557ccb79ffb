package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.AllowlistExpired;
import dev.iamaudit.rules.Check;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.RuleContext;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.rules.Violation;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the enabled rules over an inventory, applies the allowlist, and decides the gate.
 *
 * <p>An unexpired matching entry marks a finding allowlisted (it stays in every report); an expired one lets the
 * finding through and adds {@code allowlist-expired}; one that matched nothing adds {@code allowlist-unused}, but
 * only when every rule it covers was evaluated, since a rule that could not run proves nothing about it.
 */
public final class AuditEngine {
  /** Most severe first, then by rule, kind of identity and id. */
  static final Comparator<Finding> ORDER = (a, b) -> {
    int order = a.severity().compareTo(b.severity());
    if (order == 0) {
      order = a.rule().compareTo(b.rule());
    }
    if (order == 0) {
      order = a.entity().type().compareTo(b.entity().type());
    }
    return order != 0 ? order : a.entity().id().compareTo(b.entity().id());
  };

  private final List<Rule> rules;
  private final Policy policy;
  private final Allowlist allowlist;
  private final Clock clock;
  private final TerraformDeclarations terraform;
  private final Locator locator;

  /**
   * @param terraform what the repository's Terraform declares, for the rules that compare the account with it
   * @param locator where findings point
   */
  public AuditEngine(List<Rule> rules, Policy policy, Allowlist allowlist, Clock clock,
      TerraformDeclarations terraform, Locator locator) {
    this.rules = List.copyOf(rules);
    this.policy = policy;
    this.allowlist = allowlist;
    this.clock = clock;
    this.terraform = terraform;
    this.locator = locator;
  }

  public AuditResult audit(Inventory inventory, List<String> notes) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String account = inventory.accountId();
    RuleContext context = RuleContext.of(inventory, terraform);
    // Rules are independent and each walks the whole inventory: on several cores they run side by side.
    List<RuleRun> runs = rules.parallelStream().map(rule -> run(rule, inventory, context, today)).toList();

    List<List<Finding>> groups = new ArrayList<>();
    List<RuleEvaluation> evaluations = new ArrayList<>();
    Map<AllowlistEntry, Integer> matches = new IdentityHashMap<>();
    List<String> unevaluated = new ArrayList<>();
    for (RuleRun run : runs) {
      evaluations.add(run.evaluation());
      if (run.evaluation().state() == RuleEvaluation.State.NOT_EVALUATED) {
        unevaluated.add(run.evaluation().rule().id());
      }
      run.matches().forEach((entry, count) -> matches.merge(entry, count, Integer::sum));
      groups.add(run.findings());
    }

    evaluations.add(allowlistRule(Rules.ALLOWLIST_EXPIRED));
    evaluations.add(allowlistRule(Rules.ALLOWLIST_UNUSED));
    RuleConfig expired = policy.rule(Rules.ALLOWLIST_EXPIRED.id());
    RuleConfig unused = policy.rule(Rules.ALLOWLIST_UNUSED.id());
    List<Finding> expiredFindings = new ArrayList<>();
    List<Finding> unusedFindings = new ArrayList<>();
    for (AllowlistEntry entry : allowlist.entries()) {
      Entity entity = AllowlistExpired.entity(account, entry);
      String identity = "allowlist:" + entry.match();
      int matched = matches.getOrDefault(entry, 0);
      if (entry.expiredOn(today)) {
        if (expired.enabled()) {
          expiredFindings.add(finding(Rules.ALLOWLIST_EXPIRED, expired, Status.VIOLATION,
              Rules.ALLOWLIST_EXPIRED.check(entry, entity, today, matched), entry, account, identity,
              locator.locate(entry)));
        }
      } else if (matched == 0 && unused.enabled() && coversOnlyEvaluated(entry, unevaluated)) {
        unusedFindings.add(finding(Rules.ALLOWLIST_UNUSED, unused, Status.VIOLATION,
            Rules.ALLOWLIST_UNUSED.check(entry, entity), entry, account, identity, locator.locate(entry)));
      }
    }
    groups.add(expiredFindings);
    groups.add(unusedFindings);

    List<Finding> findings = inOrder(groups);
    return new AuditResult(clock.instant(), inventory, policy, allowlist, evaluations, findings,
        GateDecision.decide(policy.failOn(), findings), notes);
  }

  /** What one rule found, with the allowlist entries its findings used. */
  private record RuleRun(RuleEvaluation evaluation, List<Finding> findings, Map<AllowlistEntry, Integer> matches) {}

  private RuleRun run(Rule rule, Inventory inventory, RuleContext context, LocalDate today) {
    String account = context.accountId();
    RuleConfig config = policy.rule(rule.id());
    if (!config.enabled()) {
      return new RuleRun(new RuleEvaluation(rule, config, RuleEvaluation.State.DISABLED, null, 0), List.of(),
          Map.of());
    }
    Check check = rule.start(context, config);
    List<Violation> violations = new ArrayList<>();
    if (check.evaluated()) {
      inventory.identities().forEach(identity -> check.judge(identity, violations::add));
      check.finish(violations::add);
    }
    RuleEvaluation evaluation = new RuleEvaluation(rule, config,
        check.evaluated() ? RuleEvaluation.State.EVALUATED : RuleEvaluation.State.NOT_EVALUATED, check.note(),
        check.checked());
    List<Finding> findings = new ArrayList<>(violations.size());
    Map<AllowlistEntry, Integer> matches = new IdentityHashMap<>();
    for (Violation violation : violations) {
      AllowlistEntry entry = covering(rule.id(), violation.entity(), today);
      Status status = Status.VIOLATION;
      if (entry != null) {
        matches.merge(entry, 1, Integer::sum);
        status = entry.expiredOn(today) ? Status.VIOLATION : Status.ALLOWLISTED;
      }
      findings.add(finding(rule, config, status, violation, entry, account, violation.subject(),
          locator.locate(rule.id(), violation, entry)));
    }
    findings.sort(ORDER);
    return new RuleRun(evaluation, findings, matches);
  }

  /**
   * The findings in {@link #ORDER}. Each group holds one rule's findings, already sorted, so ordering the groups by
   * severity and rule is the whole sort; groups are stable, so findings that compare equal (several allowlist
   * entries about the account) keep the allowlist's order.
   */
  private static List<Finding> inOrder(List<List<Finding>> groups) {
    List<List<Finding>> sorted = groups.stream().filter(group -> !group.isEmpty())
        .sorted(Comparator.comparing((List<Finding> group) -> group.get(0).severity())
            .thenComparing(group -> group.get(0).rule()))
        .toList();
    List<Finding> findings = new ArrayList<>(sorted.stream().mapToInt(List::size).sum());
    sorted.forEach(findings::addAll);
    return findings;
  }

  private RuleEvaluation allowlistRule(RuleDescriptor rule) {
    RuleConfig config = policy.rule(rule.id());
    return config.enabled()
        ? new RuleEvaluation(rule, config, RuleEvaluation.State.EVALUATED, null, allowlist.entries().size())
        : new RuleEvaluation(rule, config, RuleEvaluation.State.DISABLED, null, 0);
  }

  /**
   * The entry that accepts the finding: the first unexpired one that covers it, else the first expired one (so the
   * finding is reported as no longer accepted), else null. An expired entry never hides a valid one below it.
   */
  private AllowlistEntry covering(String ruleId, Entity entity, LocalDate today) {
    if (allowlist.entries().isEmpty()) {
      return null;
    }
    AllowlistEntry expired = null;
    for (AllowlistEntry entry : allowlist.entries()) {
      if (entry.covers(ruleId, entity)) {
        if (!entry.expiredOn(today)) {
          return entry;
        }
        if (expired == null) {
          expired = entry;
        }
      }
    }
    return expired;
  }

  private static boolean coversOnlyEvaluated(AllowlistEntry entry, List<String> unevaluated) {
    return entry.rules().isEmpty() ? unevaluated.isEmpty() : entry.rules().stream().noneMatch(unevaluated::contains);
  }

  /** @param subject what the fingerprint names besides rule and account; null for the entity */
  private static Finding finding(RuleDescriptor rule, RuleConfig config, Status status, Violation violation,
      AllowlistEntry entry, String account, String subject, Location location) {
    return new Finding(rule.id(), config.severity(), status, violation.entity(), violation.text(), account, subject,
        entry, location);
  }
}
