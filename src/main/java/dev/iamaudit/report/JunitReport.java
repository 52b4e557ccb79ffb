package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.Fingerprints;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code TEST-iam-audit.xml}: JUnit XML for Jenkins and GitLab. One suite per rule that was enabled, one test case
 * per identity the rule checked: a violation fails, an allowlisted finding is skipped with its reason, a compliant
 * identity passes (so GitLab's merge-request widget can show fixed findings as resolved). A rule that could not run
 * is one skipped case that says why. Suites count their cases before writing them (see {@link JunitCases}).
 */
public final class JunitReport implements ReportWriter {
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
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
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      findings.computeIfAbsent(finding.rule(), rule -> new ArrayList<>()).add(finding);
    }
    Map<RuleEvaluation, JunitCases> suites = new LinkedHashMap<>();
    long tests = 0;
    long failures = 0;
    for (RuleEvaluation evaluation : result.evaluations()) {
      if (evaluation.state() != RuleEvaluation.State.DISABLED) {
        JunitCases cases = JunitCases.of(result.inventory(), evaluation,
            findings.getOrDefault(evaluation.rule().id(), List.of()));
        suites.put(evaluation, cases);
        tests += cases.counts().tests();
        failures += cases.counts().failures();
      }
    }
    // The JDK's writer encodes UTF-8 a byte at a time into the stream when handed one; a Writer that is not an
    // OutputStreamWriter gets its text in runs and leaves the encoding to the JDK's bulk encoder.
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "iam-audit");
      xml.writeAttribute("tests", Long.toString(tests));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", "0");
      String timestamp = TIMESTAMP.format(result.generatedAt());
      for (Map.Entry<RuleEvaluation, JunitCases> suite : suites.entrySet()) {
        writeSuite(xml, suite.getKey(), suite.getValue(), timestamp);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("could not write " + fileName() + ": " + e.getMessage(), e);
    }
    text.flush();
  }

  private static void writeSuite(XMLStreamWriter xml, RuleEvaluation evaluation, JunitCases cases,
      String timestamp) throws XMLStreamException {
    String ruleId = evaluation.rule().id();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", ruleId);
    xml.writeAttribute("tests", Long.toString(cases.counts().tests()));
    xml.writeAttribute("failures", Long.toString(cases.counts().failures()));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(cases.counts().skipped()));
    xml.writeAttribute("time", "0");
    xml.writeAttribute("timestamp", timestamp);
    xml.writeAttribute("hostname", HOSTNAME);
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "title", evaluation.rule().title());
    property(xml, "severity", evaluation.config().severity().id());
    property(xml, "state", RuleStates.stateId(evaluation.state()));
    property(xml, "params", RuleStates.params(evaluation.config()));
    if (evaluation.note() != null) {
      property(xml, "note", evaluation.note());
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    cases.forEach(new CaseWriter(xml, ruleId));
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", XmlText.attribute(value));
  }

  /** "allowlisted until 2027-01-31: reason (iam-allowlist.yml:3)". */
  static String allowlisted(AllowlistEntry entry) {
    return "allowlisted until " + entry.expires() + ": " + entry.reason() + " (" + entry.position().file() + ":"
        + entry.position().line() + ")";
  }

  /** "apikey ApiKey-1 (ci-deployer)": unique within a suite, since GitLab keeps only the first of equal names. */
  static String name(Entity entity) {
    String name = entity.type().id() + " " + entity.id();
    return entity.name() == null || entity.name().isEmpty() ? name : name + " (" + entity.name() + ")";
  }

  /**
   * Writes one suite's cases. A failure's message is built once into a reused buffer, for its attribute and again
   * as the start of its details, rather than as Strings for each.
   */
  private static final class CaseWriter implements JunitCases.Sink {
    private final XMLStreamWriter xml;
    private final String ruleId;
    private final String classname;
    private final StringBuilder text = new StringBuilder(1024);
    private char[] chars = new char[1024];

    CaseWriter(XMLStreamWriter xml, String ruleId) {
      this.xml = xml;
      this.ruleId = ruleId;
      this.classname = "iam." + ruleId;
    }

    @Override
    public void identity(Entity entity, Finding finding) throws XMLStreamException {
      write(name(entity), finding, null);
    }

    @Override
    public void named(String name, Finding finding) throws XMLStreamException {
      write(name, finding, null);
    }

    @Override
    public void notEvaluated(String message) throws XMLStreamException {
      write("not evaluated", null, message);
    }

    private void write(String name, Finding finding, String skipped) throws XMLStreamException {
      xml.writeCharacters("\n    ");
      boolean empty = finding == null && skipped == null;
      if (empty) {
        xml.writeEmptyElement("testcase");
      } else {
        xml.writeStartElement("testcase");
      }
      xml.writeAttribute("classname", classname);
      xml.writeAttribute("name", XmlText.attribute(name));
      xml.writeAttribute("time", "0");
      if (empty) {
        return;
      }
      xml.writeCharacters("\n      ");
      if (skipped != null) {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", XmlText.attribute(skipped));
      } else if (finding.status() == Status.ALLOWLISTED) {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", XmlText.attribute(allowlisted(finding.allowlistEntry())));
      } else {
        writeFailure(finding);
      }
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
    }

    private void writeFailure(Finding finding) throws XMLStreamException {
      xml.writeStartElement("failure");
      xml.writeAttribute("type", ruleId);
      text.setLength(0);
      finding.appendMessage(text);
      int message = text.length();
      copy(message);
      xml.writeAttribute("message", new String(chars, 0, XmlText.attribute(chars, message)));
      appendDetails(finding);
      copy(text.length());
      XmlText.content(chars, text.length());
      xml.writeCharacters(chars, 0, text.length());
      xml.writeEndElement();
    }

    private void copy(int length) {
      if (length > chars.length) {
        chars = new char[Math.max(length, 2 * chars.length)];
      }
      text.getChars(0, length, chars, 0);
    }

    /** What a CI server shows under the message: the rule, the identity, the finding's place and fingerprint. */
    private void appendDetails(Finding finding) {
      Entity entity = finding.entity();
      text.append("\n\nrule: ").append(finding.rule()).append(" (").append(finding.severity().id())
          .append(")\nidentity: ").append(entity.type().id()).append(' ').append(entity.id());
      if (entity.iamId() != null) {
        text.append("\niam_id: ").append(entity.iamId());
      }
      if (entity.name() != null) {
        text.append("\nname: ").append(entity.name());
      }
      if (finding.allowlistEntry() != null) {
        text.append("\nallowlist entry: ").append(finding.allowlistEntry().position()).append(", expired on ")
            .append(finding.allowlistEntry().expires());
      }
      text.append("\nlocation: ").append(finding.location().file()).append(':').append(finding.location().line())
          .append("\nfingerprint: ").append(finding.fingerprintChars(), 0, Fingerprints.LENGTH).append('\n');
    }
  }
}
