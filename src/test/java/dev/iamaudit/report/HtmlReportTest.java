package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.TestAudits;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void escapesEveryNameAndMessage() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(
        html.contains(
            "API key &#39;deploy, &quot;prod&quot; &lt;main&gt; &amp; Zoë\nline2 | ü*_&#39;"));
    assertFalse(html.contains("<main> &"));
    assertFalse(html.contains("<trusted>"));
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlText.escape("<a href=\"x\">&'"));
  }

  @Test
  void isSelfContained() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find());
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("url("));
    assertTrue(html.startsWith("<!DOCTYPE html>\n"));
  }

  @Test
  void timesAreReadToTheSecondInUtc() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.precise());
    assertTrue(
        html.contains(
            "<dl>\n"
                + "<dt>Activity report</dt><dd>ref-precise (720 hours, ending 2026-12-01 23:39:50"
                + " UTC)</dd>\n"
                + "<dt>Identities as of</dt><dd>2026-12-01 23:39:55 UTC</dd>\n"
                + "<dt>Generated</dt><dd>2026-12-01 23:39:56 UTC</dd>\n"),
        html);
  }

  @Test
  void chartsLastAuthenticationAges() {
    assertArrayEquals(
        new long[] {1, 0, 3, 2, 0, 2, 2, 1},
        AuthnAges.count(ReportFixtures.sample().scope().ages()));
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(html.contains("<title>91\u2013180 d: 3</title>"));
  }

  @Test
  void bucketsEndOnTheirLastDay() {
    TestInventory inventory = TestInventory.builder();
    for (long days : new long[] {0, 30, 31, 90, 91, 180, 181, 365, 366, 5_000}) {
      inventory.serviceId(
          new ServiceId(
              "ServiceId-" + days, null, null, null, null, TestInventory.lastAuthn(days)));
    }
    AuditResult result =
        TestAudits.audit(
            TestAudits.engine(
                Rules.identityRules(),
                Policy.defaults(Rules.specs()),
                Allowlist.NONE,
                ReportFixtures.clock()),
            inventory.build(),
            List.of(),
            null,
            null);
    assertArrayEquals(new long[] {2, 2, 2, 2, 2, 0, 0, 0}, AuthnAges.count(result.scope().ages()));
  }

  @Test
  void eachRuleNamesTheControlsItGivesEvidenceFor() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(
        html.contains(
            "<td><code>apikey-too-old</code></td><td>API key not rotated<div class=\"ctl\"><span"
                + " title=\"CIS IBM Cloud Foundations Benchmark 1.1.0, 1.3: Ensure API keys are"
                + " rotated every 90 days\">CIS-IBM-Cloud-1.1.0/1.3</span><br><span title=\"IBM"
                + " Cloud Framework for Financial Services 2.0, IA-5: Authenticator"
                + " Management\">FS-Cloud/IA-5</span></div></td><td>evaluated</td>"));
    assertTrue(
        html.contains(
            "<td><code>apikey-leak-action-none</code></td><td>API key stays valid when leaked</td>"
                + "<td>evaluated</td>"));
  }

  @Test
  void listsEveryFindingAndRule() {
    AuditResult result = ReportFixtures.generated(6_000);
    String html = ReportFixtures.render(new HtmlReport(), result);
    assertEquals(
        result.findings().size(),
        Pattern.compile("<tr class=\"(violation|allowlisted)\">").matcher(html).results().count());
    assertTrue(html.contains("<span class=\"gate failed\">Gate failed</span>"));
  }

  /** A findings row, its text unescaped. */
  private record Row(
      String status,
      int severityOrdinal,
      String severity,
      String rule,
      String identity,
      String id,
      String message,
      String why,
      String location) {}

  /**
   * A findings row, cell by cell. Every text in a row is escaped, so no cell holds a {@code <} of
   * its own and the pattern needs no backtracking.
   */
  private static final Pattern ROW =
      Pattern.compile(
          "<tr class=\"(violation|allowlisted)\"><td data-sort=\"(\\d)\"><span class=\"sev"
              + " (\\w+)\">\\3</span></td><td>(?:violation|<span"
              + " class=\"tag\">allowlisted</span>)</td><td><code>([^<]*)</code></td><td"
              + " class=\"id\">([^<]*)<code>([^<]*)</code>([^<]*)</td><td"
              + " class=\"msg\">([^<]*)(?:<div class=\"why\">([^<]*)</div>)?<div class=\"at\">at"
              + " <code>([^<]*)</code></div></td></tr>\n");

  private static final String LATER = "</tbody>\n<tbody class=\"later\">\n";

  /**
   * The findings table's rows, in order; fails on a row of any other shape, and unless the rows
   * past the first page are in a body of their own.
   */
  private static List<Row> rows(String html) {
    int table = html.indexOf("<table class=\"sortable\" id=\"findings\">");
    int start = html.indexOf("<tbody>\n", table) + "<tbody>\n".length();
    int end = html.indexOf("</tbody>\n</table>\n", start);
    List<Row> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html).region(start, end);
    while (row.regionStart() < end) {
      if (html.startsWith(LATER, row.regionStart())) {
        assertEquals(
            HtmlReport.PAGE, rows.size(), "the first page ends after " + HtmlReport.PAGE + " rows");
        row.region(row.regionStart() + LATER.length(), end);
        continue;
      }
      assertTrue(
          row.lookingAt(),
          () ->
              "not a findings row: "
                  + html.substring(row.regionStart(), Math.min(end, row.regionStart() + 300)));
      rows.add(
          new Row(
              row.group(1),
              Integer.parseInt(row.group(2)),
              row.group(3),
              unescape(row.group(4)),
              unescape(row.group(5) + row.group(6) + row.group(7)),
              unescape(row.group(6)),
              unescape(row.group(8)),
              row.group(9) == null ? null : unescape(row.group(9)),
              unescape(row.group(10))));
      row.region(row.end(), end);
    }
    assertEquals(rows.size() > HtmlReport.PAGE, html.substring(start, end).contains(LATER));
    return rows;
  }

  @Test
  void largeAccountHasEveryFindingInOrder() {
    AuditResult result = ReportFixtures.generated(12_000);
    List<Row> rows = rows(ReportFixtures.render(new HtmlReport(), result));
    assertEquals(9_200, result.findings().size());
    List<Finding> findings = ReportFixtures.findings(result);
    assertEquals(findings.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Finding finding = findings.get(i);
      Row row = rows.get(i);
      assertEquals(finding.status().id(), row.status());
      assertEquals(finding.severity().id(), row.severity());
      assertEquals(finding.severity().ordinal(), row.severityOrdinal());
      assertEquals(finding.rule(), row.rule());
      assertEquals(finding.entity().describe(), row.identity());
      assertEquals(finding.entity().id(), row.id());
      assertEquals(finding.message(), row.message());
      assertEquals(finding.location().file() + ":" + finding.location().line(), row.location());
    }
  }

  @Test
  void aRowSaysWhyTheAllowlistAcceptedOrNoLongerAcceptsItsFinding() {
    List<Row> rows = rows(ReportFixtures.render(new HtmlReport(), ReportFixtures.sample()));
    assertEquals(
        List.of(
            new Row(
                "allowlisted",
                1,
                "high",
                "apikey-inactive",
                "API key 'dr-drill' (ApiKey-3333)",
                "ApiKey-3333",
                "API key 'dr-drill' (ApiKey-3333) of service ID 'builder' (ServiceId-9) last"
                    + " authenticated 2026-07-25, 120 days ago; threshold 90 days. Fix: delete it"
                    + " with 'ibmcloud iam service-api-key-delete ApiKey-3333 ServiceId-9', or"
                    + " accept it in the allowlist with match: { id: ApiKey-3333 }, rules: "
                    + "[apikey-inactive].",
                "Allowlisted until 2027-01-31, by secops@example.com: Disaster-recovery key, used"
                    + " only in quarterly drills (governance/iam-allowlist.yml:1)",
                "governance/iam-allowlist.yml:1"),
            new Row(
                "violation",
                1,
                "high",
                "apikey-inactive",
                "API key 'old-batch' (ApiKey-4444)",
                "ApiKey-4444",
                "API key 'old-batch' (ApiKey-4444) of service ID 'builder' (ServiceId-9) last"
                    + " authenticated 2026-08-19, 95 days ago; threshold 90 days. Fix: delete it"
                    + " with 'ibmcloud iam service-api-key-delete ApiKey-4444 ServiceId-9', or"
                    + " accept it in the allowlist with match: { id: ApiKey-4444 }, rules: "
                    + "[apikey-inactive].",
                "Allowlist entry governance/iam-allowlist.yml:6 expired on 2026-10-01",
                "governance/iam-allowlist.yml:6"),
            new Row(
                "violation",
                2,
                "medium",
                "allowlist-expired",
                "Account 'allowlist entry id=ApiKey-4444' (a1b2c3d4e5f60718293a4b5c6d7e8f90)",
                ReportFixtures.ACCOUNT,
                "Allowlist entry at governance/iam-allowlist.yml:6:3 (id=ApiKey-4444) expired on"
                    + " 2026-10-01 (today is 2026-11-22); the 1 finding it covered counts again."
                    + " Fix: clean up and delete the entry, or review it and set a new expires"
                    + " date.",
                "Allowlist entry governance/iam-allowlist.yml:6 expired on 2026-10-01",
                "governance/iam-allowlist.yml:6"),
            new Row(
                "violation",
                3,
                "low",
                "allowlist-unused",
                "Account 'allowlist entry name=gone-*' (a1b2c3d4e5f60718293a4b5c6d7e8f90)",
                ReportFixtures.ACCOUNT,
                "Allowlist entry at governance/iam-allowlist.yml:11:3 (name=gone-*) matched no"
                    + " finding of serviceid-inactive. Fix: delete the entry if the identity is"
                    + " gone or compliant, or correct its match.",
                "Allowlist entry governance/iam-allowlist.yml:11 expires on 2027-03-01",
                "governance/iam-allowlist.yml:11")),
        rows.stream().filter(row -> row.why() != null).toList());
    Row account =
        rows.stream()
            .filter(row -> row.rule().equals("account-mfa-disabled"))
            .findFirst()
            .orElseThrow();
    assertEquals("Account a1b2c3d4e5f60718293a4b5c6d7e8f90", account.identity());
    assertEquals(ReportFixtures.ACCOUNT, account.id());
  }

  /** The page's rule for {@code selector}: its declarations, split. */
  private static List<String> declarations(String html, String selector) {
    String style =
        html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
    Matcher rule =
        Pattern.compile("(?:^|[}\\n])" + Pattern.quote(selector) + "\\{([^}]*)}").matcher(style);
    assertTrue(rule.find(), () -> "no rule for " + selector);
    return List.of(rule.group(1).split(";"));
  }

  /**
   * Ids, rule ids and paths are copied into commands: they stay whole; only free text breaks where
   * it must.
   */
  @Test
  void idsRulesAndLocationsAreNeverBrokenOnlyTextIs() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(declarations(html, "code").contains("white-space:nowrap"));
    assertFalse(html.contains("break-all"));
    assertFalse(html.contains("word-break"));
    assertTrue(declarations(html, "td.msg").contains("overflow-wrap:anywhere"));
    assertTrue(declarations(html, "td.id").contains("overflow-wrap:anywhere"));
    assertFalse(
        declarations(html, "main").stream()
            .anyMatch(declaration -> declaration.startsWith("max-width")));
    assertTrue(
        html.contains(
            "<thead><tr><th>Severity</th><th>Status</th><th>Rule</th><th>Identity</th>"
                + "<th>Message</th></tr></thead>"));
  }

  private static final Pattern INPUT =
      Pattern.compile(
          "<input type=\"checkbox\" name=\"(\\w+)\" value=\"(\\w+)\" " + "checked> (\\w+)</label>");

  /**
   * The boxes above the findings carry the values the script compares with each row's severity and
   * status.
   */
  @Test
  void theFilterOffersEverySeverityAndStatusTheRowsCarry() {
    AuditResult result = ReportFixtures.sample();
    String html = ReportFixtures.render(new HtmlReport(), result);
    String form =
        html.substring(
            html.indexOf("<form class=\"filter\" id=\"filter\" role=\"search\">"),
            html.indexOf("</form>\n<table class=\"sortable\" id=\"findings\">"));
    assertTrue(
        form.contains(
            "<input type=\"search\" id=\"filter-text\" placeholder=\"Filter by rule, identity, id,"
                + " message or file\" aria-label=\"Filter findings by text\""
                + " autocomplete=\"off\">"));
    assertTrue(
        form.endsWith(
            "<output id=\"filter-shown\" aria-live=\"polite\">All "
                + result.findings().size()
                + " match</output>\n"),
        form);
    List<List<String>> boxes =
        INPUT
            .matcher(form)
            .results()
            .map(box -> List.of(box.group(1), box.group(2), box.group(3)))
            .toList();
    assertEquals(
        List.of(
            List.of("severity", "0", "critical"),
            List.of("severity", "1", "high"),
            List.of("severity", "2", "medium"),
            List.of("severity", "3", "low"),
            List.of("status", "violation", "violation"),
            List.of("status", "allowlisted", "allowlisted")),
        boxes);
    List<Row> rows = rows(html);
    assertEquals(result.findings().size(), rows.size());
    for (Row row : rows) {
      assertTrue(
          boxes.contains(
              List.of("severity", Integer.toString(row.severityOrdinal()), row.severity())));
      assertTrue(boxes.contains(List.of("status", row.status(), row.status())));
    }
    assertTrue(
        html.contains(
            "</tbody>\n"
                + "</table>\n"
                + "<p class=\"more\"><button type=\"button\" id=\"filter-more\">Show 1000"
                + " more</button> <button type=\"button\" id=\"filter-all\">Show"
                + " all</button></p>\n"));
    String script = scripts(html).get(1);
    for (String id :
        List.of(
            "'filter'",
            "'findings'",
            "'filter-text'",
            "'filter-shown'",
            "'filter-more'",
            "'filter-all'",
            "checked('severity')",
            "checked('status')",
            "cells[0].getAttribute('data-sort')",
            "rows[i].className",
            "var PAGE = 1000;")) {
      assertTrue(script.contains(id), id);
    }
  }

  /**
   * Past the first page, rows are hidden while the page loads (the head's script marks the page
   * before the body is read) and then by the body's script; without scripts every row shows, and
   * the filter, which would do nothing, does not.
   */
  @Test
  void rowsPastTheFirstPageWaitForTheScriptWhichAloneShowsTheFilter() {
    AuditResult result = ReportFixtures.generated(12_000);
    String html = ReportFixtures.render(new HtmlReport(), result);
    assertEquals(9_200, rows(html).size());
    List<String> scripts = scripts(html);
    assertEquals("document.documentElement.className = 'js';", scripts.get(0));
    assertTrue(html.indexOf("<script>" + scripts.get(0)) < html.indexOf("<body>"));
    assertTrue(scripts.get(1).contains("document.documentElement.className = 'ready';"));
    assertEquals(List.of("display:none"), declarations(html, ".js #findings>tbody.later"));
    assertEquals(List.of("display:none"), declarations(html, ".filter,.more"));
    assertTrue(declarations(html, ".ready .filter").contains("display:flex"));
    assertEquals(List.of("display:block"), declarations(html, ".ready .more"));
    assertTrue(
        html.contains(
            "<output id=\"filter-shown\" aria-live=\"polite\">All 9200 match, the first 1000 shown"
                + "</output>"));
  }

  private static List<String> scripts(String html) {
    return Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL)
        .matcher(html)
        .results()
        .map(script -> script.group(1))
        .toList();
  }

  private static String sha256(String text) throws Exception {
    return "'sha256-"
        + Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
        + "'";
  }

  /** The policy lets the page's own style and script run, by their hashes, and nothing else. */
  @Test
  void theContentSecurityPolicyAllowsThePagesOwnStyleAndScriptOnly() throws Exception {
    for (AuditResult result : List.of(ReportFixtures.sample(), ReportFixtures.empty())) {
      String html = ReportFixtures.render(new HtmlReport(), result);
      Matcher meta =
          Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
              .matcher(html);
      assertTrue(meta.find());
      assertTrue(meta.start() < html.indexOf("<style>"));
      Map<String, List<String>> policy = new LinkedHashMap<>();
      for (String directive : meta.group(1).split("; ")) {
        List<String> words = List.of(directive.split(" "));
        policy.put(words.get(0), words.subList(1, words.size()));
      }
      Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
      assertTrue(style.find());
      List<String> scripts = scripts(html);
      assertEquals(2, scripts.size());
      assertEquals(
          Map.of(
              "default-src",
              List.of("'none'"),
              "style-src",
              List.of(sha256(style.group(1))),
              "script-src",
              List.of(sha256(scripts.get(0)), sha256(scripts.get(1))),
              "base-uri",
              List.of("'none'"),
              "form-action",
              List.of("'none'")),
          policy);
      assertFalse(style.find(), "a second style");
      // What a hash does not cover: handlers and styles in attributes.
      assertFalse(
          Pattern.compile("<[^>]*\\s(on\\w+|style)=", Pattern.CASE_INSENSITIVE)
              .matcher(html)
              .find());
    }
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @Test
  void escapesTextCopiedFromABuffer() {
    char[] text = "x<a href=\"x\">&'y".toCharArray();
    StringBuilder html = new StringBuilder("[");
    HtmlText.escape(text, 1, text.length - 1, html);
    assertEquals("[&lt;a href=&quot;x&quot;&gt;&amp;&#39;", html.toString());
    HtmlText.escape(text, 0, 1, html.append('|'));
    HtmlText.escape(text, 3, 3, html);
    assertEquals("[&lt;a href=&quot;x&quot;&gt;&amp;&#39;|x", html.toString());
  }

  @Test
  void emptyAccountSaysSo() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.empty());
    assertTrue(html.contains("<h2>Findings (0)</h2>\n<p>No findings.</p>\n"));
    assertFalse(html.contains("<form"));
    assertTrue(html.contains("<span class=\"gate passed\">Gate passed</span>"));
  }
}
