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
import dev.iamaudit.rules.RuleContext;
import dev.iamaudit.rules.RuleDescriptor;
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
 * The audit as the engine made it before it streamed (commit 06a5983), kept as the reference the
 * streaming audit is held to: every rule walks the inventory held in memory, each rule's findings
 * are sorted with {@link #ORDER}, and the rules' groups are ordered by severity and rule.
 */
final class InMemoryEngine {
  /** Most severe first, then by rule, kind of identity and id. */
  static final Comparator<Finding> ORDER =
      (a, b) -> {
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
  private final Locator locator;

  InMemoryEngine(List<Rule> rules, Policy policy, Allowlist allowlist, Clock clock) {
    this.rules = rules;
    this.policy = policy;
    this.allowlist = allowlist;
    this.clock = clock;
    this.locator =
        Locator.of(
            policy, allowlist, TerraformDeclarations.none(), "iam-audit-report/iam-audit.sarif");
  }

  /** Every finding in report order. */
  List<Finding> findings(Inventory inventory) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String account = inventory.accountId();
    RuleContext context = RuleContext.of(inventory);
    List<List<Finding>> groups = new ArrayList<>();
    Map<AllowlistEntry, Integer> matches = new IdentityHashMap<>();
    List<String> unevaluated = new ArrayList<>();
    for (Rule rule : rules) {
      RuleConfig config = policy.rule(rule.id());
      if (!config.enabled()) {
        continue;
      }
      Check check = rule.start(context, config);
      if (!check.evaluated()) {
        unevaluated.add(rule.id());
        continue;
      }
      List<Violation> violations = new ArrayList<>();
      inventory.identities().forEach(identity -> check.judge(identity, violations::add));
      check.finish(violations::add);
      List<Finding> findings = new ArrayList<>();
      for (Violation violation : violations) {
        AllowlistEntry entry = covering(rule.id(), violation.entity(), today);
        Status status = Status.VIOLATION;
        if (entry != null) {
          matches.merge(entry, 1, Integer::sum);
          status = entry.expiredOn(today) ? Status.VIOLATION : Status.ALLOWLISTED;
        }
        Entity entity = violation.entity();
        String fingerprint =
            violation.subject() == null
                ? Fingerprints.of(rule.id(), account, entity.type().id(), entity.id())
                : Fingerprints.of(rule.id(), account, violation.subject(), null);
        findings.add(
            finding(
                rule,
                config,
                status,
                violation,
                entry,
                fingerprint,
                locator.locate(rule.id(), violation, entry)));
      }
      findings.sort(ORDER);
      groups.add(findings);
    }
    RuleConfig expired = policy.rule(Rules.ALLOWLIST_EXPIRED.id());
    RuleConfig unused = policy.rule(Rules.ALLOWLIST_UNUSED.id());
    List<Finding> expiredFindings = new ArrayList<>();
    List<Finding> unusedFindings = new ArrayList<>();
    for (AllowlistEntry entry : allowlist.entries()) {
      Entity entity = AllowlistExpired.entity(account, entry);
      int matched = matches.getOrDefault(entry, 0);
      if (entry.expiredOn(today)) {
        if (expired.enabled()) {
          expiredFindings.add(
              finding(
                  Rules.ALLOWLIST_EXPIRED,
                  expired,
                  Status.VIOLATION,
                  Rules.ALLOWLIST_EXPIRED.check(entry, entity, today, matched),
                  entry,
                  Fingerprints.of(
                      Rules.ALLOWLIST_EXPIRED.id(), account, "allowlist:" + entry.match(), null),
                  locator.locate(entry)));
        }
      } else if (matched == 0
          && unused.enabled()
          && (entry.rules().isEmpty()
              ? unevaluated.isEmpty()
              : entry.rules().stream().noneMatch(unevaluated::contains))) {
        unusedFindings.add(
            finding(
                Rules.ALLOWLIST_UNUSED,
                unused,
                Status.VIOLATION,
                Rules.ALLOWLIST_UNUSED.check(entry, entity),
                entry,
                Fingerprints.of(
                    Rules.ALLOWLIST_UNUSED.id(), account, "allowlist:" + entry.match(), null),
                locator.locate(entry)));
      }
    }
    groups.add(expiredFindings);
    groups.add(unusedFindings);
    List<Finding> all = new ArrayList<>();
    groups.stream()
        .filter(group -> !group.isEmpty())
        .sorted(
            Comparator.comparing((List<Finding> group) -> group.get(0).severity())
                .thenComparing(group -> group.get(0).rule()))
        .forEach(all::addAll);
    return all;
  }

  private AllowlistEntry covering(String ruleId, Entity entity, LocalDate today) {
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

  private static Finding finding(
      RuleDescriptor rule,
      RuleConfig config,
      Status status,
      Violation violation,
      AllowlistEntry entry,
      String fingerprint,
      Location location) {
    return new Finding(
        rule.id(),
        config.severity(),
        status,
        violation.entity(),
        violation.message(),
        fingerprint,
        entry,
        location);
  }
}
