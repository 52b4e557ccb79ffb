package dev.iamaudit.report;

import dev.iamaudit.Counted;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.Location;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.rules.Rule;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code TEST-iam-audit.xml}: JUnit XML for Jenkins and GitLab. One suite per rule that was
 * enabled, with one test case per finding and one passing case for the identities the rule checked
 * (see {@link JunitCases}): a violation that fails the gate fails, one below {@code failOn} and an
 * allowlisted finding are skipped with the reason, so a CI server never shows red for a gate that
 * passed. A rule that could not run is one skipped case that says why.
 */
public final class JunitReport implements ReportWriter {
  /** Neither the machine's name nor anything else about where the audit ran leaks into the file. */
  private static final String HOSTNAME = "iam-audit";

  /** Ant's format: local date-time without a zone, here UTC. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String fileName() {
    return "TEST-iam-audit.xml";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    Map<RuleEvaluation, JunitCases> suites = new LinkedHashMap<>();
    long tests = 0;
    long failures = 0;
    for (RuleEvaluation evaluation : result.evaluations()) {
      if (evaluation.state() != RuleEvaluation.State.DISABLED) {
        JunitCases cases =
            JunitCases.of(
                evaluation,
                result.findings().ofRule(evaluation.rule().id()),
                result.gate().failOn());
        suites.put(evaluation, cases);
        tests += cases.counts().tests();
        failures += cases.counts().failures();
      }
    }
    XmlWriter xml = new XmlWriter(out);
    xml.declaration()
        .text("\n")
        .start("testsuites")
        .attribute("name", "iam-audit")
        .attribute("tests", Long.toString(tests))
        .attribute("failures", Long.toString(failures))
        .attribute("errors", "0")
        .attribute("time", "0");
    String timestamp = TIMESTAMP.format(result.generatedAt());
    for (Map.Entry<RuleEvaluation, JunitCases> suite : suites.entrySet()) {
      String rule = suite.getKey().rule().id();
      Location location = firstLocation(result.findings().ofRule(rule));
      writeSuite(
          xml,
          suite.getKey(),
          suite.getValue(),
          timestamp,
          location,
          out,
          new CaseWriter(result.day(), result.gate().failOn().id(), rule, location));
    }
    xml.text("\n").end().text("\n").flush();
  }

  /**
   * Where a suite's first finding points, which its cases then need not repeat; null without
   * findings.
   */
  private static Location firstLocation(Iterable<Finding> findings) {
    Iterator<Finding> first = findings.iterator();
    return first.hasNext() ? first.next().location() : null;
  }

  /**
   * @param location where the suite's first finding points, or null
   */
  private static void writeSuite(
      XmlWriter xml,
      RuleEvaluation evaluation,
      JunitCases cases,
      String timestamp,
      Location location,
      OutputStream out,
      CaseWriter caseWriter)
      throws IOException {
    JunitCases.Counts counts = cases.counts();
    xml.text("\n  ")
        .start("testsuite")
        .attribute("name", evaluation.rule().id())
        .attribute("tests", Long.toString(counts.tests()))
        .attribute("failures", Long.toString(counts.failures()))
        .attribute("errors", "0")
        .attribute("skipped", Long.toString(counts.skipped()))
        .attribute("time", "0")
        .attribute("timestamp", timestamp)
        .attribute("hostname", HOSTNAME);
    xml.text("\n    ").start("properties");
    property(xml, "title", evaluation.rule().title());
    property(xml, "severity", evaluation.config().severity().id());
    property(xml, "state", RuleStates.stateId(evaluation.state()));
    property(xml, "params", RuleStates.params(evaluation.config()));
    property(xml, "checked", Long.toString(evaluation.checked()));
    if (location != null) {
      // Most findings of a rule point at the same place: the cases say so only where theirs points
      // elsewhere.
      property(xml, "location", location.toString());
    }
    if (evaluation.note() != null) {
      property(xml, "note", evaluation.note());
    }
    xml.text("\n    ").end();
    if (cases instanceof JunitCases.PerFinding perFinding) {
      // A large account's file is mostly these cases: written on every core, in order, after what
      // is buffered.
      xml.drain();
      ParallelChunks.write(perFinding.cases(), evaluation.findings(), caseWriter::formatter, out);
      caseWriter.checked(xml, evaluation);
    } else {
      caseWriter.notEvaluated(xml, ((JunitCases.NotEvaluated) cases).message());
    }
    xml.text("\n  ").end();
  }

  private static void property(XmlWriter xml, String name, String value) throws IOException {
    xml.text("\n      ").empty("property").attribute("name", name).attribute("value", value);
  }

  /**
   * "apikey ApiKey-1 (ci-deployer)": unique within a suite, since GitLab keeps only the first of
   * equal names.
   */
  static String name(Entity entity) {
    String type = entity.type().id();
    String name = entity.name();
    if (name == null || name.isEmpty()) {
      return new StringBuilder(type.length() + 1 + entity.id().length())
          .append(type)
          .append(' ')
          .append(entity.id())
          .toString();
    }
    return new StringBuilder(type.length() + entity.id().length() + name.length() + 4)
        .append(type)
        .append(' ')
        .append(entity.id())
        .append(" (")
        .append(name)
        .append(')')
        .toString();
  }

  /**
   * Writes the cases of one suite. Messages and details are built into a buffer each formatter
   * reuses rather than as Strings for each case, and each message is written once: a failure's in
   * its attribute, its details below.
   */
  private static final class CaseWriter {
    /** What an entry's expiry is judged against: the day of the audit. */
    private final LocalDate today;

    private final String failOn;
    private final String ruleId;
    private final String classname;

    /** The suite's location, or null. */
    private final Location location;

    CaseWriter(LocalDate today, String failOn, String ruleId, Location location) {
      this.today = today;
      this.failOn = failOn;
      this.ruleId = ruleId;
      this.classname = "iam." + ruleId;
      this.location = location;
    }

    /** Formats findings' cases into {@code out}, on one thread at a time. */
    ParallelChunks.Formatter<JunitCases.Case> formatter(OutputStream out) {
      XmlWriter xml = new XmlWriter(out);
      StringBuilder text = new StringBuilder(1024);
      return (chunk, first) -> {
        for (JunitCases.Case found : chunk) {
          finding(xml, text, found.name(), found.finding(), found.blocking());
        }
        xml.flush();
      };
    }

    private void finding(
        XmlWriter xml, StringBuilder text, String name, Finding finding, boolean blocking)
        throws IOException {
      start(xml, name);
      text.setLength(0);
      if (blocking) {
        text.append(finding.message());
        xml.start("failure").attribute("type", ruleId).attribute("message", text);
        // The message is in the attribute already; the body holds only what a CI server shows
        // beneath it.
        text.setLength(0);
        appendDetails(text, finding);
        xml.text(text).end();
      } else if (finding.status() == Status.ALLOWLISTED) {
        xml.empty("skipped")
            .attribute(
                "message", finding.allowlistEntry().appendAcceptance(text.append("allowlisted ")));
      } else {
        text.append("below failOn ")
            .append(failOn)
            .append(", so it does not fail the gate: ")
            .append(finding.message());
        xml.empty("skipped").attribute("message", text);
      }
      xml.text("\n    ").end();
    }

    /**
     * The passing case of a rule that ran: how many identities it judged, and how many of them had
     * findings.
     */
    void checked(XmlWriter xml, RuleEvaluation evaluation) throws IOException {
      long checked = evaluation.checked();
      long findings = evaluation.findings();
      boolean identities = evaluation.rule() instanceof Rule;
      start(xml, identities ? "identities checked" : "allowlist entries checked");
      String summary =
          checked == 0
              ? "Checked no " + (identities ? "identities." : "allowlist entries.")
              : "Checked "
                  + (identities
                      ? Counted.of(checked, "identity", "identities")
                      : Counted.of(checked, "allowlist entry", "allowlist entries"))
                  + (findings == 0
                      ? ": all comply."
                      : ": " + Counted.of(findings, "finding") + ", the rest comply.");
      xml.start("system-out").text(summary).end();
      xml.text("\n    ").end();
    }

    void notEvaluated(XmlWriter xml, String message) throws IOException {
      start(xml, "not evaluated");
      xml.empty("skipped").attribute("message", message);
      xml.text("\n    ").end();
    }

    private void start(XmlWriter xml, CharSequence name) throws IOException {
      xml.text("\n    ")
          .start("testcase")
          .attribute("classname", classname)
          .attribute("name", name)
          .attribute("time", "0")
          .text("\n      ");
    }

    /**
     * What a CI server shows under the message, and neither the message nor the case's name says:
     * the identity's IAM id, the expired allowlist entry, where it points when that is not where
     * the suite's first finding does, the fingerprint. Rule and severity are the suite's.
     */
    private void appendDetails(StringBuilder text, Finding finding) {
      Entity entity = finding.entity();
      String iamId = entity.iamId();
      if (iamId != null && !iamId.equals(entity.id()) && !finding.message().contains(iamId)) {
        text.append("iam_id: ").append(iamId).append('\n');
      }
      if (finding.allowlistEntry() != null) {
        text.append("allowlist entry: ")
            .append(finding.allowlistEntry().position())
            .append(", ")
            .append(finding.allowlistEntry().expiry(today))
            .append('\n');
      }
      if (!finding.location().equals(location)) {
        text.append("location: ").append(finding.location()).append('\n');
      }
      text.append("fingerprint: ").append(finding.fingerprint()).append('\n');
    }
  }
}
