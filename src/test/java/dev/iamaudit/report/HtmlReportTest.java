package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.inventory.Activity;
import java.time.Duration;
import java.time.Instant;
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
  void chartsLastAuthenticationAges() {
    assertArrayEquals(new long[] {1, 0, 3, 2, 0, 2, 2, 1},
        AuthnAges.count(ReportFixtures.sample().inventory()));
    Instant now = ReportFixtures.NOW;
    assertEquals(0, AuthnAges.bucket(new Activity(Activity.Kind.INACTIVE, now.minus(Duration.ofDays(30))), now));
    assertEquals(1, AuthnAges.bucket(new Activity(Activity.Kind.INACTIVE, now.minus(Duration.ofDays(31))), now));
    assertEquals(4, AuthnAges.bucket(new Activity(Activity.Kind.INACTIVE, now.minus(Duration.ofDays(366))), now));
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.sample());
    assertTrue(html.contains("<title>91\u2013180 d: 3</title>"));
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
  void emptyAccountSaysSo() {
    String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.empty());
    assertTrue(html.contains("<h2>Findings (0)</h2>\n<p>No findings.</p>\n"));
    assertTrue(html.contains("<span class=\"gate passed\">Gate passed</span>"));
  }
}
