package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.rules.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The test cases of one JUnit suite, in a stable order, and how many fail or are skipped: the suite's attributes
 * carry the counts, so they are known before the first case is written. Counting keeps a reference per case (its
 * finding, or null) but not the identities: a rule's scope is walked again to write them rather than held.
 */
sealed interface JunitCases {
  /** Takes the cases in order. */
  interface Sink {
    /** A case about an identity of the rule's scope or a finding's; {@code finding} is null if it is compliant. */
    void identity(Entity entity, Finding finding) throws IOException;

    /** A case of an allowlist rule. */
    void named(String name, Finding finding) throws IOException;

    /** The one case of a rule that could not run. */
    void notEvaluated(String message) throws IOException;
  }

  record Counts(long tests, long failures, long skipped) {}

  Counts counts();

  void forEach(Sink sink) throws IOException;

  /** @param findings the rule's findings, in the audit's order */
  static JunitCases of(Inventory inventory, RuleEvaluation evaluation, List<Finding> findings) {
    if (evaluation.state() == RuleEvaluation.State.NOT_EVALUATED) {
      return new NotEvaluated("not evaluated: " + evaluation.note());
    }
    if (evaluation.rule() instanceof Rule rule) {
      return Scope.count(inventory, rule, findings);
    }
    return new PerFinding(findings, countOf(findings));
  }

  private static Counts countOf(List<Finding> cases) {
    long failures = cases.stream().filter(Finding::isViolation).count();
    return new Counts(cases.size(), failures, cases.size() - failures);
  }

  record NotEvaluated(String message) implements JunitCases {
    @Override
    public Counts counts() {
      return new Counts(1, 0, 1);
    }

    @Override
    public void forEach(Sink sink) throws IOException {
      sink.notEvaluated(message);
    }
  }

  /**
   * One case per identity of the rule's scope, with the first finding about it if any, then one per finding about
   * an identity outside the scope. An identity the scope lists twice is one case.
   *
   * @param findings the finding of each position in the scope, null for a compliant identity or one listed before
   * @param repeated the positions in the scope of identities it listed before
   * @param outside the first finding about each identity the scope does not list, in the audit's order
   */
  record Scope(Rule rule, Inventory inventory, List<Finding> findings, BitSet repeated, List<Finding> outside,
      Counts counts) implements JunitCases {
    /** Marks an identity the scope listed, in place of its finding. */
    private static final Object LISTED = new Object();

    static Scope count(Inventory inventory, Rule rule, List<Finding> all) {
      // The first finding about each identity, replaced by LISTED as the scope lists the identity.
      ByIdentity<Object> byIdentity = new ByIdentity<>();
      all.forEach(finding -> byIdentity.putIfAbsent(finding.entity(), finding));
      List<Finding> findings = new ArrayList<>();
      BitSet repeated = new BitSet();
      for (Iterator<Entity> scope = rule.scope(inventory).iterator(); scope.hasNext(); ) {
        Object before = byIdentity.put(scope.next(), LISTED);
        if (before == LISTED) {
          repeated.set(findings.size());
        }
        findings.add(before instanceof Finding finding ? finding : null);
      }
      // A finding still in place is the first about an identity the scope did not list.
      List<Finding> outside = new ArrayList<>();
      for (Finding finding : all) {
        if (byIdentity.get(finding.entity()) == finding) {
          outside.add(finding);
        }
      }
      long failures = 0;
      long skipped = 0;
      for (List<Finding> part : List.of(findings, outside)) {
        for (Finding finding : part) {
          if (finding != null && finding.isViolation()) {
            failures++;
          } else if (finding != null) {
            skipped++;
          }
        }
      }
      return new Scope(rule, inventory, findings, repeated, outside,
          new Counts(findings.size() - repeated.cardinality() + outside.size(), failures, skipped));
    }

    @Override
    public void forEach(Sink sink) throws IOException {
      int position = 0;
      for (Iterator<Entity> scope = rule.scope(inventory).iterator(); scope.hasNext(); position++) {
        Entity entity = scope.next();
        if (!repeated.get(position)) {
          sink.identity(entity, findings.get(position));
        }
      }
      for (Finding finding : outside) {
        sink.identity(finding.entity(), finding);
      }
    }
  }

  /**
   * One case per finding, named after its allowlist entry or identity; a name already taken gets the fingerprint,
   * since GitLab keeps only the first of equal names.
   */
  record PerFinding(List<Finding> findings, Counts counts) implements JunitCases {
    @Override
    public void forEach(Sink sink) throws IOException {
      Set<String> names = new HashSet<>();
      for (Finding finding : findings) {
        String name = finding.allowlistEntry() != null
            ? "allowlist entry " + finding.allowlistEntry().describe()
            : JunitReport.name(finding.entity());
        sink.named(names.add(name) ? name : name + " [" + finding.fingerprint() + "]", finding);
      }
    }
  }
}
