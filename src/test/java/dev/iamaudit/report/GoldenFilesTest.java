package dev.iamaudit.report;

import org.junit.jupiter.api.Test;

/** Every format's output for the sample account, byte for byte. */
class GoldenFilesTest {
  @Test
  void sarif() {
    Golden.assertMatches(
        "expected.sarif", ReportFixtures.render(new SarifReport(), ReportFixtures.sample()));
  }

  @Test
  void junit() {
    Golden.assertMatches(
        "expected.junit.xml", ReportFixtures.render(new JunitReport(), ReportFixtures.sample()));
  }

  @Test
  void json() {
    Golden.assertMatches(
        "expected.json", ReportFixtures.render(new JsonReport(), ReportFixtures.sample()));
  }

  @Test
  void csv() {
    Golden.assertMatches(
        "expected.csv", ReportFixtures.render(new CsvReport(), ReportFixtures.sample()));
  }

  @Test
  void gitlab() {
    Golden.assertMatches(
        "expected.gl-code-quality.json",
        ReportFixtures.render(new GitlabCodeQualityReport(), ReportFixtures.sample()));
  }

  @Test
  void markdown() {
    Golden.assertMatches(
        "expected.md", ReportFixtures.render(new MarkdownReport(), ReportFixtures.sample()));
  }

  @Test
  void html() {
    Golden.assertMatches(
        "expected.html", ReportFixtures.render(new HtmlReport(), ReportFixtures.sample()));
  }

  @Test
  void emptyAccount() {
    Golden.assertMatches(
        "expected-empty.sarif", ReportFixtures.render(new SarifReport(), ReportFixtures.empty()));
    Golden.assertMatches(
        "expected-empty.junit.xml",
        ReportFixtures.render(new JunitReport(), ReportFixtures.empty()));
    Golden.assertMatches(
        "expected-empty.csv", ReportFixtures.render(new CsvReport(), ReportFixtures.empty()));
    Golden.assertMatches(
        "expected-empty.md", ReportFixtures.render(new MarkdownReport(), ReportFixtures.empty()));
  }
}
