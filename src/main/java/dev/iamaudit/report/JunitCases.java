package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.policy.FailOn;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
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

  /** @param findings the rule's findings, in the audit's order */
  static JunitCases of(RuleEvaluation evaluation, List<Finding> findings, FailOn failOn) {
    if (evaluation.state() == RuleEvaluation.State.NOT_EVALUATED) {
      return new NotEvaluated("not evaluated: " + evaluation.note());
    }
    long failures = findings.stream().filter(finding -> blocks(finding, failOn)).count();
    return new PerFinding(evaluation, findings, failOn,
        new Counts(findings.size() + 1, failures, findings.size() - failures));
  }

  private static boolean blocks(Finding finding, FailOn failOn) {
    return finding.isViolation() && failOn.fails(finding.severity());
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
  record PerFinding(RuleEvaluation evaluation, List<Finding> findings, FailOn failOn, Counts counts)
      implements JunitCases {
    @Override
    public void forEach(Sink sink) throws IOException {
      Set<String> names = new HashSet<>();
      for (Finding finding : findings) {
        String name = finding.subject() != null && finding.allowlistEntry() != null
            ? "allowlist entry " + finding.allowlistEntry().describe()
            : JunitReport.name(finding.entity());
        sink.finding(names.add(name) ? name : name + " [" + finding.fingerprint() + "]", finding,
            blocks(finding, failOn));
      }
      sink.checked(evaluation, findings.size());
    }
  }
}
