package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.rules.Rule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {
  private static Document parse(AuditResult result) throws Exception {
    byte[] xml = ReportFixtures.render(new JunitReport(), result).getBytes(StandardCharsets.UTF_8);
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml));
  }

  private static Element suite(Document document, String name) {
    NodeList suites = document.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      if (suite.getAttribute("name").equals(name)) {
        return suite;
      }
    }
    return null;
  }

  private static List<Element> cases(Element suite) {
    List<Element> cases = new ArrayList<>();
    NodeList nodes = suite.getElementsByTagName("testcase");
    for (int i = 0; i < nodes.getLength(); i++) {
      cases.add((Element) nodes.item(i));
    }
    return cases;
  }

  private static int count(Element element, String tag) {
    return element.getElementsByTagName(tag).getLength();
  }

  /**
   * Every suite's counts match its cases, the totals match the suites, and case names are unique.
   */
  private static void assertConsistent(Document document) {
    Element root = document.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("iam-audit", root.getAttribute("name"));
    NodeList suites = root.getElementsByTagName("testsuite");
    int tests = 0;
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      List<Element> cases = cases(suite);
      assertEquals(
          cases.size(), Integer.parseInt(suite.getAttribute("tests")), suite.getAttribute("name"));
      assertEquals(count(suite, "failure"), Integer.parseInt(suite.getAttribute("failures")));
      assertEquals(count(suite, "skipped"), Integer.parseInt(suite.getAttribute("skipped")));
      assertEquals("0", suite.getAttribute("errors"));
      assertEquals("iam-audit", suite.getAttribute("hostname"));
      Set<String> names = new HashSet<>();
      cases.forEach(c -> assertTrue(names.add(c.getAttribute("name")), c.getAttribute("name")));
      cases.forEach(
          c -> assertEquals("iam." + suite.getAttribute("name"), c.getAttribute("classname")));
      tests += cases.size();
      failures += count(suite, "failure");
    }
    assertEquals(tests, Integer.parseInt(root.getAttribute("tests")));
    assertEquals(failures, Integer.parseInt(root.getAttribute("failures")));
    assertEquals("0", root.getAttribute("errors"));
  }

  @Test
  void oneSuitePerEnabledRuleWithConsistentCounts() throws Exception {
    AuditResult result = ReportFixtures.sample();
    Document document = parse(result);
    assertConsistent(document);
    assertEquals(18, document.getElementsByTagName("testsuite").getLength());
    assertEquals(null, suite(document, "apikey-high-usage"));
    assertEquals(
        "2026-11-22T10:00:00", suite(document, "apikey-inactive").getAttribute("timestamp"));
    XPath xpath = XPathFactory.newInstance().newXPath();
    // Where each suite's first finding points: the allowlist file for one no entry covers, else the
    // entry.
    assertEquals(
        "governance/iam-allowlist.yml:1",
        xpath.evaluate(
            "/testsuites/testsuite[@name='apikey-inactive']/"
                + "properties/property[@name='location']/@value",
            document));
    assertEquals(
        "governance/iam-allowlist.yml:6",
        xpath.evaluate(
            "/testsuites/testsuite[@name='allowlist-expired']/"
                + "properties/property[@name='location']/@value",
            document));
    assertEquals(
        "",
        xpath.evaluate(
            "/testsuites/testsuite[@name='apikey-orphaned']/properties/"
                + "property[@name='location']/@value",
            document));
    assertEquals(
        Long.toString(result.gate().blocking()),
        document.getDocumentElement().getAttribute("failures"));
  }

  @Test
  void aBlockingViolationFailsAnAllowlistedOneIsSkippedAndOneCaseCountsTheChecked()
      throws Exception {
    List<Element> cases = cases(suite(parse(ReportFixtures.sample()), "apikey-inactive"));
    assertEquals(
        List.of(
            "apikey ApiKey-1111 (deploy, \"prod\" <main> & Zoë line2 | ü*_)",
            "apikey ApiKey-3333 (dr-drill)",
            "apikey ApiKey-4444 (old-batch)",
            "identities checked"),
        cases.stream().map(c -> c.getAttribute("name")).toList());
    Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
    assertEquals("apikey-inactive", failure.getAttribute("type"));
    assertTrue(
        failure
            .getAttribute("message")
            .startsWith(
                "API key 'deploy, \"prod\" <main> & Zoë line2 | ü*_' (ApiKey-1111) of user 'Jane"
                    + " O'Neil <ops>'"));
    // The rule, the identity and its IAM id are in the suite, the case's name and the message
    // already.
    assertEquals("fingerprint: 8f5dfa6202f4ef8d54c08e993ced52b2\n", failure.getTextContent());
    // It points at its expired entry, not where the suite's first finding points.
    assertEquals(
        "iam_id: iam-ServiceId-9\n"
            + "allowlist entry: governance/iam-allowlist.yml:6:3, expired on 2026-10-01\n"
            + "location: governance/iam-allowlist.yml:6\n"
            + "fingerprint: 34461e955c17e0840a8240b24c8b5111\n",
        cases.get(2).getElementsByTagName("failure").item(0).getTextContent());
    Element skipped = (Element) cases.get(1).getElementsByTagName("skipped").item(0);
    assertEquals(
        "allowlisted until 2027-01-31, by secops@example.com: Disaster-recovery key, used only in "
            + "quarterly drills (governance/iam-allowlist.yml:1)",
        skipped.getAttribute("message"));
    assertEquals(
        "Checked 5 identities: 3 findings, the rest comply.",
        cases.get(3).getElementsByTagName("system-out").item(0).getTextContent());
    assertEquals(0, count(cases.get(3), "failure") + count(cases.get(3), "skipped"));
  }

  @Test
  void aViolationBelowFailOnIsSkippedWithItsMessage() throws Exception {
    List<Element> cases = cases(suite(parse(ReportFixtures.sample()), "apikey-leak-action-none"));
    Element skipped = (Element) cases.get(0).getElementsByTagName("skipped").item(0);
    assertEquals(
        "below failOn medium, so it does not fail the gate: API key 'ci-never' (ApiKey-2222) of"
            + " user 'Jane O'Neil <ops>' (IBMid-1000AAAA) keeps working if it leaks"
            + " (action_when_leaked: none). Fix: set its leaked action to disable or delete"
            + " (console: Manage > Access (IAM) > API keys > Edit), or accept it in the allowlist"
            + " with match: { id: ApiKey-2222 }, rules: [apikey-leak-action-none].",
        skipped.getAttribute("message"));
  }

  @Test
  void aGateThatPassesHasNoFailure() throws Exception {
    AuditResult result = ReportFixtures.sample(FailOn.NEVER);
    Document document = parse(result);
    assertConsistent(document);
    assertFalse(result.gate().failed());
    assertEquals("0", document.getDocumentElement().getAttribute("failures"));
    assertEquals(0, document.getElementsByTagName("failure").getLength());
    assertEquals(
        result.findings().size(),
        (int)
            cases(document.getDocumentElement()).stream()
                .filter(
                    c ->
                        count(c, "skipped") == 1 && !c.getAttribute("name").equals("not evaluated"))
                .count());
  }

  @Test
  void ruleNotEvaluatedIsOneSkippedCase() throws Exception {
    List<Element> cases = cases(suite(parse(ReportFixtures.sample()), "apikey-orphaned"));
    assertEquals(1, cases.size());
    assertEquals("not evaluated", cases.get(0).getAttribute("name"));
    assertEquals(
        "not evaluated: needs the user listing, which a saved activity report does not hold",
        ((Element) cases.get(0).getElementsByTagName("skipped").item(0)).getAttribute("message"));
  }

  @Test
  void allowlistRulesHaveOneCasePerFindingAndCountTheEntries() throws Exception {
    Document document = parse(ReportFixtures.sample());
    assertEquals(
        List.of(
            "allowlist entry governance/iam-allowlist.yml:6:3 (id=ApiKey-4444)",
            "allowlist entries checked"),
        cases(suite(document, "allowlist-expired")).stream()
            .map(c -> c.getAttribute("name"))
            .toList());
    assertEquals(
        List.of(
            "allowlist entry governance/iam-allowlist.yml:11:3 (name=gone-*)",
            "allowlist entries checked"),
        cases(suite(document, "allowlist-unused")).stream()
            .map(c -> c.getAttribute("name"))
            .toList());
    assertEquals(
        "Checked 3 allowlist entries: 1 finding, the rest comply.",
        cases(suite(document, "allowlist-unused"))
            .get(1)
            .getElementsByTagName("system-out")
            .item(0)
            .getTextContent());
  }

  @Test
  void accountRulesCheckTheAccount() throws Exception {
    Document document = parse(ReportFixtures.sample());
    List<Element> failing = cases(suite(document, "account-mfa-disabled"));
    assertEquals(
        List.of("account " + ReportFixtures.ACCOUNT, "identities checked"),
        failing.stream().map(c -> c.getAttribute("name")).toList());
    assertEquals(1, count(failing.get(0), "failure"));
    assertEquals(
        "Checked 1 identity: 1 finding, the rest comply.",
        failing.get(1).getElementsByTagName("system-out").item(0).getTextContent());
    List<Element> passing = cases(suite(document, "account-apikey-creation-unrestricted"));
    assertEquals(
        List.of("identities checked"), passing.stream().map(c -> c.getAttribute("name")).toList());
    assertEquals(
        "Checked 1 identity: all comply.",
        passing.get(0).getElementsByTagName("system-out").item(0).getTextContent());
  }

  @Test
  void emptyAccountPassesWithOnlyTheCheckedCases() throws Exception {
    Document document = parse(ReportFixtures.empty());
    assertConsistent(document);
    assertEquals("0", document.getDocumentElement().getAttribute("failures"));
    assertEquals("18", document.getDocumentElement().getAttribute("tests"));
  }

  private static List<String> strings(XPath xpath, String expression, Document document)
      throws Exception {
    NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      strings.add(nodes.item(i).getTextContent());
    }
    return strings;
  }

  @Test
  void largeAccountHasACasePerFindingAndAFailureForEachBlockingViolation() throws Exception {
    AuditResult result = ReportFixtures.generated(12_000);
    Document document = parse(result);
    assertConsistent(document);
    assertEquals(
        Long.toString(result.gate().blocking()),
        document.getDocumentElement().getAttribute("failures"));
    XPath xpath = XPathFactory.newInstance().newXPath();
    int suites = 0;
    for (RuleEvaluation evaluation : result.evaluations()) {
      if (evaluation.state() == RuleEvaluation.State.EVALUATED
          && evaluation.rule() instanceof Rule rule) {
        String suite = "/testsuites/testsuite[@name='" + rule.id() + "']";
        List<Finding> findings =
            ReportFixtures.findings(result).stream()
                .filter(finding -> finding.rule().equals(rule.id()))
                .toList();
        List<String> names =
            new ArrayList<>(findings.stream().map(f -> JunitReport.name(f.entity())).toList());
        names.add("identities checked");
        assertEquals(names, strings(xpath, suite + "/testcase/@name", document), rule.id());
        List<Finding> blocking =
            findings.stream()
                .filter(
                    finding ->
                        finding.isViolation() && result.gate().failOn().fails(finding.severity()))
                .toList();
        assertEquals(
            blocking.stream().map(Finding::message).toList(),
            strings(xpath, suite + "/testcase/failure/@message", document),
            rule.id());
        // The IAM id only when the message does not name it already.
        assertEquals(
            blocking.stream()
                .map(
                    finding ->
                        (finding.message().contains(finding.entity().iamId())
                                ? ""
                                : "iam_id: " + finding.entity().iamId() + "\n")
                            + "fingerprint: "
                            + finding.fingerprint()
                            + "\n")
                .toList(),
            strings(xpath, suite + "/testcase/failure", document),
            rule.id());
        assertEquals(
            Long.toString(evaluation.checked()),
            xpath.evaluate(suite + "/properties/property[@name='checked']/@value", document));
        suites++;
      }
    }
    assertEquals(16, suites);
    assertEquals(
        "12000",
        xpath.evaluate(
            "/testsuites/testsuite[@name='apikey-inactive']/properties/property"
                + "[@name='checked']/@value",
            document));
  }
}
