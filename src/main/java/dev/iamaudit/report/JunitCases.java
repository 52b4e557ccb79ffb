package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.rules.Rule;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The test cases of one JUnit suite, in the audit's order, and how they count. A rule that ran has
 * one case per finding and one passing case for the identities it checked, so the file grows with
 * the findings, not with the identities times the rules. A case fails only when its finding fails
 * the gate, so CI servers agree with the gate: a violation below {@code failOn} and an allowlisted
 * finding are skipped with the reason. A rule that could not run is one skipped case that says why.
 */
sealed interface JunitCases {
  /** A finding's case: its name, and whether it fails the gate. */
  record Case(String name, Finding finding, boolean blocking) {}

  record Counts(long tests, long failures, long skipped) {}

  Counts counts();

  /**
   * @param findings the rule's findings, in the audit's order, as many as {@code evaluation} counts
   */
  static JunitCases of(RuleEvaluation evaluation, Iterable<Finding> findings, FailOn failOn) {
    if (evaluation.state() == RuleEvaluation.State.NOT_EVALUATED) {
      return new NotEvaluated("not evaluated: " + evaluation.note());
    }
    return new PerFinding(
        evaluation,
        findings,
        failOn,
        new Counts(
            evaluation.findings() + 1,
            evaluation.blocking(),
            evaluation.findings() - evaluation.blocking()));
  }

  /** The one case of a rule that could not run. */
  record NotEvaluated(String message) implements JunitCases {
    @Override
    public Counts counts() {
      return new Counts(1, 0, 1);
    }
  }

  /**
   * One case per finding, named after its identity (or, for the allowlist's own rules, its entry);
   * a name already taken gets the fingerprint, since GitLab keeps only the first of equal names.
   * Then the passing case that counts the identities checked.
   */
  record PerFinding(
      RuleEvaluation evaluation, Iterable<Finding> findings, FailOn failOn, Counts counts)
      implements JunitCases {
    /** The findings' cases in order; each call names them anew. */
    Iterable<Case> cases() {
      return () ->
          new Iterator<>() {
            private final Iterator<Finding> next = findings.iterator();
            private final boolean entries = !(evaluation.rule() instanceof Rule);
            private final Set<String> entryNames = new HashSet<>();
            private final TakenNames identityNames = new TakenNames();

            @Override
            public boolean hasNext() {
              return next.hasNext();
            }

            @Override
            public Case next() {
              Finding finding = next.next();
              boolean fresh;
              String name;
              if (entries) {
                name = "allowlist entry " + finding.allowlistEntry().describe();
                fresh = entryNames.add(name);
              } else {
                name = JunitReport.name(finding.entity());
                fresh = identityNames.add(finding.entity(), name);
              }
              return new Case(
                  fresh ? name : name + " [" + finding.fingerprint() + "]",
                  finding,
                  finding.isViolation() && failOn.fails(finding.severity()));
            }
          };
    }
  }

  /**
   * The case names taken in a suite of identity findings, without keeping one per finding: the
   * findings come sorted by kind and id, and a name ("apikey ID (NAME)") can only equal that of the
   * same identity or of one whose id is a prefix of this one's, which sorts before it with only ids
   * that share the prefix in between. So the names to compare with are those of the chain of
   * earlier ids that are prefixes of the current one.
   */
  final class TakenNames {
    /**
     * An id of the chain, the name it took first, and any other names it took (an identity listed
     * twice).
     */
    private static final class Taken {
      private final IdentityType type;
      private final String id;
      private final String name;
      private Set<String> more;

      Taken(IdentityType type, String id, String name) {
        this.type = type;
        this.id = id;
        this.name = name;
      }

      boolean took(String candidate) {
        return name.equals(candidate) || (more != null && more.contains(candidate));
      }
    }

    private final ArrayDeque<Taken> chain = new ArrayDeque<>();

    /**
     * @return false when {@code name} is already taken
     */
    boolean add(Entity entity, String name) {
      while (!chain.isEmpty()
          && (chain.peek().type != entity.type() || !entity.id().startsWith(chain.peek().id))) {
        chain.pop();
      }
      for (Taken taken : chain) {
        if (taken.took(name)) {
          return false;
        }
      }
      Taken top = chain.peek();
      if (top != null && top.id.equals(entity.id())) {
        if (top.more == null) {
          top.more = new HashSet<>();
        }
        top.more.add(name);
      } else {
        chain.push(new Taken(entity.type(), entity.id(), name));
      }
      return true;
    }
  }
}
