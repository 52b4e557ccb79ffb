package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
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
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
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

  /** Every suite's counts match its cases, the totals match the suites, and case names are unique. */
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
      assertEquals(cases.size(), Integer.parseInt(suite.getAttribute("tests")), suite.getAttribute("name"));
      assertEquals(count(suite, "failure"), Integer.parseInt(suite.getAttribute("failures")));
      assertEquals(count(suite, "skipped"), Integer.parseInt(suite.getAttribute("skipped")));
      assertEquals("0", suite.getAttribute("errors"));
      assertEquals("iam-audit", suite.getAttribute("hostname"));
      Set<String> names = new HashSet<>();
      cases.forEach(c -> assertTrue(names.add(c.getAttribute("name")), c.getAttribute("name")));
      cases.forEach(c -> assertEquals("iam." + suite.getAttribute("name"), c.getAttribute("classname")));
      tests += cases.size();
      failures += count(suite, "failure");
    }
    assertEquals(tests, Integer.parseInt(root.getAttribute("tests")));
    assertEquals(failures, Integer.parseInt(root.getAttribute("failures")));
    assertEquals("0", root.getAttribute("errors"));
  }

  @Test
  void oneSuitePerEnabledRuleWithConsistentCounts() throws Exception {
    Document document = parse(ReportFixtures.sample());
    assertConsistent(document);
    assertEquals(14, document.getElementsByTagName("testsuite").getLength());
    assertEquals(null, suite(document, "apikey-high-usage"));
    assertEquals("2026-11-22T10:00:00", suite(document, "apikey-inactive").getAttribute("timestamp"));
    assertEquals("13", document.getDocumentElement().getAttribute("failures"));
  }

  @Test
  void violationFailsAllowlistedIsSkippedCompliantPasses() throws Exception {
    List<Element> cases = cases(suite(parse(ReportFixtures.sample()), "apikey-inactive"));
    assertEquals(List.of("apikey ApiKey-1111 (deploy, \"prod\" <main> & Zoë line2 | ü*_)",
        "apikey ApiKey-2222 (ci-never)", "apikey ApiKey-3333 (dr-drill)", "apikey ApiKey-4444 (old-batch)",
        "apikey ApiKey-5555 (fresh)"), cases.stream().map(c -> c.getAttribute("name")).toList());
    Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
    assertEquals("apikey-inactive", failure.getAttribute("type"));
    assertTrue(failure.getAttribute("message").startsWith(
        "API key 'deploy, \"prod\" <main> & Zoë line2 | ü*_' (ApiKey-1111) of user 'Jane O'Neil <ops>'"));
    assertTrue(failure.getTextContent().startsWith("API key 'deploy, \"prod\" <main> & Zoë\nline2"));
    assertTrue(failure.getTextContent().endsWith("location: iam-audit.yml:1\nfingerprint: "
        + "8f5dfa6202f4ef8d54c08e993ced52b2\n"));
    assertFalse(cases.get(1).hasChildNodes());
    Element skipped = (Element) cases.get(2).getElementsByTagName("skipped").item(0);
    assertEquals("allowlisted until 2027-01-31, by secops@example.com: Disaster-recovery key, used only in "
        + "quarterly drills (governance/iam-allowlist.yml:1)", skipped.getAttribute("message"));
    assertEquals(1, count(cases.get(3), "failure"));
    assertTrue(cases.get(3).getTextContent().contains(
        "allowlist entry: governance/iam-allowlist.yml:6:3, expired on 2026-10-01"));
  }

  @Test
  void ruleNotEvaluatedIsOneSkippedCase() throws Exception {
    List<Element> cases = cases(suite(parse(ReportFixtures.sample()), "apikey-orphaned"));
    assertEquals(1, cases.size());
    assertEquals("not evaluated", cases.get(0).getAttribute("name"));
    assertEquals("not evaluated: needs the user listing, which a saved activity report does not hold",
        ((Element) cases.get(0).getElementsByTagName("skipped").item(0)).getAttribute("message"));
  }

  @Test
  void allowlistRulesHaveOneCasePerFinding() throws Exception {
    Document document = parse(ReportFixtures.sample());
    assertEquals(List.of("allowlist entry governance/iam-allowlist.yml:6:3 (id=ApiKey-4444)"),
        cases(suite(document, "allowlist-expired")).stream().map(c -> c.getAttribute("name")).toList());
    assertEquals(List.of("allowlist entry governance/iam-allowlist.yml:11:3 (name=gone-*)"),
        cases(suite(document, "allowlist-unused")).stream().map(c -> c.getAttribute("name")).toList());
  }

  @Test
  void accountRulesCheckTheAccount() throws Exception {
    List<Element> cases = cases(suite(parse(ReportFixtures.sample()), "account-apikey-creation-unrestricted"));
    assertEquals(List.of("account " + ReportFixtures.ACCOUNT), cases.stream().map(c -> c.getAttribute("name"))
        .toList());
    assertFalse(cases.get(0).hasChildNodes());
  }

  @Test
  void emptyAccountPassesWithOnlyAccountCases() throws Exception {
    Document document = parse(ReportFixtures.empty());
    assertConsistent(document);
    assertEquals("0", document.getDocumentElement().getAttribute("failures"));
    assertEquals("3", document.getDocumentElement().getAttribute("tests"));
  }

  @Test
  void largeAccountIsConsistent() throws Exception {
    AuditResult result = ReportFixtures.generated(6_000);
    Document document = parse(result);
    assertConsistent(document);
    assertEquals(Long.toString(result.violations()), document.getDocumentElement().getAttribute("failures"));
    assertEquals("6000", suite(document, "apikey-inactive").getAttribute("tests"));
    assertEquals("2000", suite(document, "apikey-inactive").getAttribute("failures"));
  }

  private static List<String> strings(XPath xpath, String expression, Document document) throws Exception {
    NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      strings.add(nodes.item(i).getTextContent());
    }
    return strings;
  }

  @Test
  void largeAccountHasACaseForEveryIdentityOfEachScopeAndAFailureForEachViolation() throws Exception {
    AuditResult result = ReportFixtures.generated(12_000);
    Document document = parse(result);
    assertConsistent(document);
    XPath xpath = XPathFactory.newInstance().newXPath();
    int suites = 0;
    for (RuleEvaluation evaluation : result.evaluations()) {
      if (evaluation.state() == RuleEvaluation.State.EVALUATED && evaluation.rule() instanceof Rule rule) {
        String suite = "/testsuites/testsuite[@name='" + rule.id() + "']";
        List<String> scope = rule.scope(result.inventory()).map(JunitReport::name).toList();
        assertEquals(scope, strings(xpath, suite + "/testcase/@name", document), rule.id());
        assertEquals(Integer.toString(scope.size()), xpath.evaluate(suite + "/@tests", document));
        List<Finding> violations = result.findings().stream()
            .filter(finding -> finding.rule().equals(rule.id()) && finding.isViolation()).toList();
        assertEquals(violations.stream().map(Finding::message).toList(),
            strings(xpath, suite + "/testcase/failure/@message", document), rule.id());
        assertEquals(violations.stream().map(finding -> "\nfingerprint: " + finding.fingerprint() + "\n").toList(),
            strings(xpath, suite + "/testcase/failure", document).stream()
                .map(details -> details.substring(details.lastIndexOf("\nfingerprint: "))).toList());
        suites++;
      }
    }
    assertEquals(12, suites);
  }
}
