package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.rules.Rule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code TEST-iam-audit.xml}: JUnit XML for Jenkins and GitLab. One suite per rule that was enabled, one test case
 * per identity the rule checked: a violation fails, an allowlisted finding is skipped with its reason, a compliant
 * identity passes (so GitLab's merge-request widget can show fixed findings as resolved). A rule that could not run
 * is one skipped case that says why. Suites count their cases before writing them, so each rule's scope is walked
 * twice instead of being held in memory.
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
    Map<RuleEvaluation, Counts> suites = new LinkedHashMap<>();
    Counts total = new Counts();
    // The JDK's writer encodes UTF-8 a byte at a time into the stream when handed one; a Writer that is not an
    // OutputStreamWriter gets its text in runs and leaves the encoding to the JDK's bulk encoder.
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      for (RuleEvaluation evaluation : result.evaluations()) {
        if (evaluation.state() != RuleEvaluation.State.DISABLED) {
          Counts counts = new Counts();
          cases(result, evaluation, findings.getOrDefault(evaluation.rule().id(), List.of()), counts::add);
          suites.put(evaluation, counts);
          total.tests += counts.tests;
          total.failures += counts.failures;
        }
      }
      XMLStreamWriter xml = XML.createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "iam-audit");
      xml.writeAttribute("tests", Long.toString(total.tests));
      xml.writeAttribute("failures", Long.toString(total.failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", "0");
      String timestamp = TIMESTAMP.format(result.generatedAt());
      for (Map.Entry<RuleEvaluation, Counts> suite : suites.entrySet()) {
        writeSuite(xml, result, suite.getKey(), suite.getValue(), timestamp,
            findings.getOrDefault(suite.getKey().rule().id(), List.of()));
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

  private static void writeSuite(XMLStreamWriter xml, AuditResult result, RuleEvaluation evaluation, Counts counts,
      String timestamp, List<Finding> findings) throws XMLStreamException {
    String ruleId = evaluation.rule().id();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", ruleId);
    xml.writeAttribute("tests", Long.toString(counts.tests));
    xml.writeAttribute("failures", Long.toString(counts.failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(counts.skipped));
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
    cases(result, evaluation, findings, testCase -> writeCase(xml, ruleId, testCase));
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", XmlText.attribute(value));
  }

  private static void writeCase(XMLStreamWriter xml, String ruleId, Case testCase) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    Finding finding = testCase.finding();
    boolean empty = finding == null && testCase.skipped() == null;
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", "iam." + ruleId);
    xml.writeAttribute("name", XmlText.attribute(testCase.name()));
    xml.writeAttribute("time", "0");
    if (empty) {
      return;
    }
    xml.writeCharacters("\n      ");
    if (testCase.skipped() != null) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", XmlText.attribute(testCase.skipped()));
    } else if (finding.status() == Status.ALLOWLISTED) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", XmlText.attribute(allowlisted(finding.allowlistEntry())));
    } else {
      xml.writeStartElement("failure");
      xml.writeAttribute("type", ruleId);
      xml.writeAttribute("message", XmlText.attribute(finding.message()));
      xml.writeCharacters(XmlText.content(details(finding)));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  /** "allowlisted until 2027-01-31: reason (iam-allowlist.yml:3)". */
  static String allowlisted(AllowlistEntry entry) {
    return "allowlisted until " + entry.expires() + ": " + entry.reason() + " (" + entry.position().file() + ":"
        + entry.position().line() + ")";
  }

  private static String details(Finding finding) {
    Entity entity = finding.entity();
    StringBuilder details = new StringBuilder(finding.message()).append("\n\nrule: ").append(finding.rule())
        .append(" (").append(finding.severity().id()).append(")\nidentity: ").append(entity.type().id())
        .append(' ').append(entity.id());
    if (entity.iamId() != null) {
      details.append("\niam_id: ").append(entity.iamId());
    }
    if (entity.name() != null) {
      details.append("\nname: ").append(entity.name());
    }
    if (finding.allowlistEntry() != null) {
      details.append("\nallowlist entry: ").append(finding.allowlistEntry().position()).append(", expired on ")
          .append(finding.allowlistEntry().expires());
    }
    return details.append("\nlocation: ").append(finding.location().file()).append(':')
        .append(finding.location().line()).append("\nfingerprint: ").append(finding.fingerprint()).append('\n')
        .toString();
  }

  /**
   * Hands each test case of a suite to {@code sink}, in a stable order: the identities of the rule's scope, then
   * any finding about an identity outside it. Allowlist rules have no scope: one case per finding.
   */
  private static void cases(AuditResult result, RuleEvaluation evaluation, List<Finding> findings,
      CaseSink sink) throws XMLStreamException {
    if (evaluation.state() == RuleEvaluation.State.NOT_EVALUATED) {
      sink.accept(new Case("not evaluated", null, "not evaluated: " + evaluation.note()));
      return;
    }
    Set<String> names = new HashSet<>();
    if (evaluation.rule() instanceof Rule rule) {
      Map<String, Finding> byEntity = new LinkedHashMap<>();
      findings.forEach(finding -> byEntity.putIfAbsent(key(finding.entity()), finding));
      Iterator<Entity> scope = rule.scope(result.inventory()).iterator();
      while (scope.hasNext()) {
        Entity entity = scope.next();
        String key = key(entity);
        if (names.add(key)) {
          sink.accept(new Case(name(entity), byEntity.get(key), null));
        }
      }
      for (Map.Entry<String, Finding> finding : byEntity.entrySet()) {
        if (names.add(finding.getKey())) {
          sink.accept(new Case(name(finding.getValue().entity()), finding.getValue(), null));
        }
      }
    } else {
      for (Finding finding : findings) {
        String name = finding.allowlistEntry() != null
            ? "allowlist entry " + finding.allowlistEntry().describe()
            : name(finding.entity());
        sink.accept(new Case(names.add(name) ? name : name + " [" + finding.fingerprint() + "]", finding, null));
      }
    }
  }

  /** "apikey ApiKey-1 (ci-deployer)": unique within a suite, since GitLab keeps only the first of equal names. */
  static String name(Entity entity) {
    String name = entity.type().id() + " " + entity.id();
    return entity.name() == null || entity.name().isEmpty() ? name : name + " (" + entity.name() + ")";
  }

  private static String key(Entity entity) {
    return entity.type().id() + ":" + entity.id();
  }

  /** One test case; {@code skipped} is set only for a rule that was not evaluated. */
  private record Case(String name, Finding finding, String skipped) {}

  @FunctionalInterface
  private interface CaseSink {
    void accept(Case testCase) throws XMLStreamException;
  }

  private static final class Counts {
    long tests;
    long failures;
    long skipped;

    void add(Case testCase) {
      tests++;
      if (testCase.skipped() != null) {
        skipped++;
      } else if (testCase.finding() != null) {
        if (testCase.finding().isViolation()) {
          failures++;
        } else {
          skipped++;
        }
      }
    }
  }
}
