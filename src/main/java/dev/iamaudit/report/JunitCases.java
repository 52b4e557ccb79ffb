package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.rules.Rule;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The test cases of one JUnit suite, in the audit's order, and how they count. A rule that ran has one case per
 * finding and one passing case for the identities it checked, so the file grows with the findings, not with the
 * identities times the rules. A case fails only when its finding fails the gate, so CI servers agree with the
 * gate: a violation below {@code failOn} and an allowlisted finding are skipped with the reason. A rule that could
 * not run is one skipped case that says why.
 */
sealed interface JunitCases {
  /** Takes the cases in order. */
  interface Sink {
    /** A finding's case; {@code blocking} when it fails the gate. */
    void finding(String name, Finding finding, boolean blocking) throws IOException;

    /** The passing case of a rule that ran: how many identities it judged. */
    void checked(RuleEvaluation evaluation, long findings) throws IOException;

    /** The one case of a rule that could not run. */
    void notEvaluated(String message) throws IOException;
  }

  record Counts(long tests, long failures, long skipped) {}

  Counts counts();

  void forEach(Sink sink) throws IOException;

  /** @param findings the rule's findings, in the audit's order, as many as {@code evaluation} counts */
  static JunitCases of(RuleEvaluation evaluation, Iterable<Finding> findings, FailOn failOn) {
    if (evaluation.state() == RuleEvaluation.State.NOT_EVALUATED) {
      return new NotEvaluated("not evaluated: " + evaluation.note());
    }
    return new PerFinding(evaluation, findings, failOn, new Counts(evaluation.findings() + 1, evaluation.blocking(),
        evaluation.findings() - evaluation.blocking()));
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
   * One case per finding, named after its identity (or, for the allowlist's own rules, its entry); a name already
   * taken gets the fingerprint, since GitLab keeps only the first of equal names. Then the passing case.
   */
  record PerFinding(RuleEvaluation evaluation, Iterable<Finding> findings, FailOn failOn, Counts counts)
      implements JunitCases {
    @Override
    public void forEach(Sink sink) throws IOException {
      boolean entries = !(evaluation.rule() instanceof Rule);
      Set<String> entryNames = new HashSet<>();
      TakenNames identityNames = new TakenNames();
      long count = 0;
      for (Finding finding : findings) {
        boolean fresh;
        String name;
        if (entries) {
          name = "allowlist entry " + finding.allowlistEntry().describe();
          fresh = entryNames.add(name);
        } else {
          name = JunitReport.name(finding.entity());
          fresh = identityNames.add(finding.entity(), name);
        }
        sink.finding(fresh ? name : name + " [" + finding.fingerprint() + "]", finding,
            finding.isViolation() && failOn.fails(finding.severity()));
        count++;
      }
      sink.checked(evaluation, count);
    }
  }

  /**
   * The case names taken in a suite of identity findings, without keeping one per finding: the findings come sorted
   * by kind and id, and a name ("apikey ID (NAME)") can only equal that of the same identity or of one whose id is a
   * prefix of this one's, which sorts before it with only ids that share the prefix in between. So the names to
   * compare with are those of the chain of earlier ids that are prefixes of the current one.
   */
  final class TakenNames {
    private record Taken(IdentityType type, String id, Set<String> names) {}

    private final ArrayDeque<Taken> chain = new ArrayDeque<>();

    /** @return false when {@code name} is already taken */
    boolean add(Entity entity, String name) {
      while (!chain.isEmpty()
          && (chain.peek().type() != entity.type() || !entity.id().startsWith(chain.peek().id()))) {
        chain.pop();
      }
      for (Taken taken : chain) {
        if (taken.names().contains(name)) {
          return false;
        }
      }
      if (!chain.isEmpty() && chain.peek().id().equals(entity.id())) {
        chain.peek().names().add(name);
      } else {
        Set<String> names = new HashSet<>();
        names.add(name);
        chain.push(new Taken(entity.type(), entity.id(), names));
      }
      return true;
    }
  }
}
