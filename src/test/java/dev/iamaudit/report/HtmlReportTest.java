package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditEngine;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.TestAudits;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.TestInventory;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.Rules;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void escapesEveryNameAndMessage() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(html.contains("API key &#39;deploy, &quot;prod&quot; &lt;main&gt; &amp; Zoë\nline2 | ü*_&#39;"));
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
    assertTrue(html.contains("<dl>\n<dt>Activity report</dt><dd>ref-precise (720 hours, ending 2026-12-01 23:39:50 "
        + "UTC)</dd>\n<dt>Identities as of</dt><dd>2026-12-01 23:39:55 UTC</dd>\n<dt>Generated</dt><dd>2026-12-01 "
        + "23:39:56 UTC</dd>\n"), html);
  }

  @Test
  void chartsLastAuthenticationAges() {
    assertArrayEquals(new long[] {1, 0, 3, 2, 0, 2, 2, 1}, AuthnAges.count(ReportFixtures.sample().scope().ages()));
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(html.contains("<title>91\u2013180 d: 3</title>"));
  }

  @Test
  void bucketsEndOnTheirLastDay() {
    TestInventory inventory = TestInventory.builder();
    for (long days : new long[] {0, 30, 31, 90, 91, 180, 181, 365, 366, 5_000}) {
      inventory.serviceId(new ServiceId("ServiceId-" + days, null, null, null, null, TestInventory.lastAuthn(days)));
    }
    AuditResult result = TestAudits.audit(TestAudits.engine(Rules.identityRules(), Policy.defaults(Rules.specs()),
        Allowlist.NONE, ReportFixtures.clock()), inventory.build(), List.of(), null, null);
    assertArrayEquals(new long[] {2, 2, 2, 2, 2, 0, 0, 0}, AuthnAges.count(result.scope().ages()));
  }

  @Test
  void eachRuleNamesTheControlsItGivesEvidenceFor() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(html.contains("<td><code>apikey-too-old</code></td><td>API key not rotated<div class=\"ctl\"><span "
        + "title=\"CIS IBM Cloud Foundations Benchmark 1.1.0, 1.3: Ensure API keys are rotated every 90 days\">"
        + "CIS-IBM-Cloud-1.1.0/1.3</span><br><span title=\"IBM Cloud Framework for Financial Services 2.0, IA-5: "
        + "Authenticator Management\">FS-Cloud/IA-5</span></div></td><td>evaluated</td>"));
    assertTrue(html.contains("<td><code>apikey-leak-action-none</code></td><td>API key stays valid when leaked</td>"
        + "<td>evaluated</td>"));
  }

  @Test
  void listsEveryFindingAndRule() {
    AuditResult result = ReportFixtures.generated(6_000);
    String html = ReportFixtures.render(new HtmlReport(), result);
    assertEquals(result.findings().size(), Pattern.compile("<tr class=\"(violation|allowlisted)\">").matcher(html)
        .results().count());
    assertTrue(html.contains("<span class=\"gate failed\">Gate failed</span>"));
  }

  @Test
  void largeAccountHasEveryFindingInOrder() {
    AuditResult result = ReportFixtures.generated(12_000);
    String html = ReportFixtures.render(new HtmlReport(), result);
    Matcher rows = Pattern.compile("<tr class=\"(violation|allowlisted)\"><td data-sort=\"\\d\"><span class=\"sev "
        + "(\\w+)\">.*?<td><code>(.*?)</code></td><td class=\"id\">(.*?)</td><td class=\"msg\">(.*?)</td>"
        + "<td class=\"loc\"><code>(.*?)</code></td></tr>\n", Pattern.DOTALL).matcher(html);
    assertEquals(9_200, result.findings().size());
    for (Finding finding : result.findings()) {
      assertTrue(rows.find());
      assertEquals(finding.status().id(), rows.group(1));
      assertEquals(finding.severity().id(), rows.group(2));
      assertEquals(finding.rule(), unescape(rows.group(3)));
      assertEquals(finding.entity().describe(), unescape(rows.group(4)));
      assertEquals(finding.message(), unescape(rows.group(5)));
      assertEquals(finding.location().file() + ":" + finding.location().line(), unescape(rows.group(6)));
    }
    assertFalse(rows.find());
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
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
    assertTrue(html.contains("<span class=\"gate passed\">Gate passed</span>"));
  }
}
