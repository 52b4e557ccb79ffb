package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.Compliance;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code iam-audit.html}: one self-contained page for people (no external assets, so it opens from a CI artifact
 * or an e-mail attachment): the verdict, a chart of last-authentication ages, the findings and the rules, in tables
 * sortable by clicking their headers.
 */
public final class HtmlReport implements ReportWriter {
  private static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
      main{max-width:1200px;margin:0 auto;padding:24px}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
      .card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}
      .gate{display:inline-block;font-weight:600;padding:4px 12px;border-radius:16px;color:#fff}
      .gate.failed{background:#cf222e}.gate.passed{background:#1a7f37}
      dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:12px 0 0}dt{color:#59636e}dd{margin:0}
      .counts{display:flex;gap:12px;flex-wrap:wrap;margin-top:12px}
      .count{border-radius:6px;padding:8px 14px;color:#fff;min-width:90px}.count b{display:block;font-size:20px}
      table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de}
      th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #d8dee4}
      th{background:#eef1f4;cursor:pointer;user-select:none;white-space:nowrap}
      th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
      td.msg{min-width:320px;white-space:pre-wrap;word-break:break-word}td.id{min-width:180px;max-width:280px;word-break:break-word}
      td.num{text-align:right}td.note{word-break:break-word}
      .ctl{font-size:12px;color:#59636e;margin-top:4px;white-space:nowrap}
      .sev{display:inline-block;border-radius:4px;padding:1px 6px;color:#fff;font-size:12px;font-weight:600}
      .critical{background:#8e1519}.high{background:#cf222e}.medium{background:#bf8700}.low{background:#0969da}
      tr.allowlisted td{color:#59636e;background:#f6f8fa}.tag{font-size:12px;border:1px solid #8c959f;border-radius:10px;padding:0 6px}
      .why{font-size:12px;color:#59636e;min-width:160px;max-width:280px;margin-top:4px;word-break:break-word}
      td code{white-space:nowrap}td.loc code{white-space:normal;word-break:break-all}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}svg text{font:12px system-ui,sans-serif;fill:#1f2328}
      """;
  private static final String SCRIPT = """
      document.querySelectorAll('table.sortable').forEach(function (table) {
        table.querySelectorAll('th').forEach(function (th, column) {
          th.addEventListener('click', function () {
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var body = table.tBodies[0];
            var key = function (row) {
              var cell = row.cells[column];
              return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
            };
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a), y = key(b), nx = Number(x), ny = Number(y);
              var order = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
      """;

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String fileName() {
    return "iam-audit.html";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    Writer html = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    String account = HtmlText.escape(result.accountId());
    html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>IAM audit of account " + account + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
        + "<main>\n");
    writeSummary(result, html);
    writeChart(result, html);
    writeFindings(result, html, out);
    writeRules(result, html);
    if (!result.notes().isEmpty()) {
      html.write("<h2>Notes</h2>\n<ul>\n");
      for (String note : result.notes()) {
        html.write("<li>" + HtmlText.escape(note) + "</li>\n");
      }
      html.write("</ul>\n");
    }
    html.write("</main>\n<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
    html.flush();
  }

  private static void writeSummary(AuditResult result, Writer html) throws IOException {
    String gate = result.gate().id();
    html.write("<section class=\"card\">\n<h1>IAM audit of account " + HtmlText.escape(result.accountId())
        + "</h1>\n<span class=\"gate " + gate + "\">Gate " + gate + "</span>\n<dl>\n");
    ReportInfo report = result.scope().report();
    term(html, "Activity report", report == null ? "none"
        : report.reference() + " (" + report.durationHours() + " hours, ending "
            + InstantText.readable(report.endTime()) + ")");
    term(html, "Identities as of", InstantText.readable(result.scope().asOf()));
    term(html, "Generated", InstantText.readable(result.generatedAt()));
    term(html, "Fails on", result.gate().failOn().id() + (result.gate().failed()
        ? " (" + result.gate().blocking() + " blocking)" : ""));
    term(html, "Identities", Long.toString(result.scope().identities()));
    term(html, "API keys that cannot authenticate", result.scope().keys().describe()
        + ", not judged by the rules about keys in use");
    term(html, "Violations", Long.toString(result.violations()));
    term(html, "Allowlisted", Long.toString(result.allowlisted()));
    html.write("</dl>\n<div class=\"counts\">\n");
    for (Severity severity : Severity.values()) {
      html.write("<div class=\"count " + severity.id() + "\"><b>" + result.violations(severity) + "</b>"
          + severity.id() + "</div>\n");
    }
    html.write("</div>\n</section>\n");
  }

  private static void term(Writer html, String term, String value) throws IOException {
    html.write("<dt>" + HtmlText.escape(term) + "</dt><dd>" + HtmlText.escape(value) + "</dd>\n");
  }

  /** An inline SVG bar chart: one bar per age bucket, scaled to the largest. */
  private static void writeChart(AuditResult result, Writer html) throws IOException {
    long[] counts = AuthnAges.count(result.scope().ages());
    long max = 1;
    for (long count : counts) {
      max = Math.max(max, count);
    }
    int barWidth = 110;
    int gap = 24;
    int chartHeight = 180;
    int width = counts.length * (barWidth + gap) + gap;
    html.write("<h2>Last authentication</h2>\n<div class=\"card\">\n<svg role=\"img\" width=\"100%\" viewBox=\"0 0 "
        + width + " " + (chartHeight + 60) + "\" aria-label=\"Identities by time since last authentication\">\n");
    html.write("<line x1=\"" + gap / 2 + "\" y1=\"" + (chartHeight + 20) + "\" x2=\"" + (width - gap / 2)
        + "\" y2=\"" + (chartHeight + 20) + "\" stroke=\"#8c959f\"/>\n");
    for (int i = 0; i < counts.length; i++) {
      long height = Math.round((double) counts[i] * chartHeight / max);
      int x = gap + i * (barWidth + gap);
      long y = chartHeight + 20 - height;
      String fill = AuthnAges.COLOURS.get(i);
      String label = HtmlText.escape(AuthnAges.LABELS.get(i));
      html.write("<g><title>" + label + ": " + counts[i] + "</title><rect x=\"" + x + "\" y=\"" + y + "\" width=\""
          + barWidth + "\" height=\"" + height + "\" fill=\"" + fill + "\" rx=\"3\"/>"
          + "<text x=\"" + (x + barWidth / 2) + "\" y=\"" + (y - 5) + "\" text-anchor=\"middle\">" + counts[i]
          + "</text><text x=\"" + (x + barWidth / 2) + "\" y=\"" + (chartHeight + 40)
          + "\" text-anchor=\"middle\">" + label + "</text></g>\n");
    }
    html.write("</svg>\n</div>\n");
  }

  private static void writeFindings(AuditResult result, Writer html, OutputStream out) throws IOException {
    html.write("<h2>Findings (" + result.findings().size() + ")</h2>\n");
    if (result.findings().isEmpty()) {
      html.write("<p>No findings.</p>\n");
      return;
    }
    html.write("<table class=\"sortable\" id=\"findings\">\n<thead><tr><th>Severity</th><th>Status</th><th>Rule</th>"
        + "<th>Identity</th><th>Message</th><th>Location</th></tr></thead>\n<tbody>\n");
    html.flush();
    LocalDate day = result.day();
    ParallelChunks.write(result.findings(), result.findings().size(), chunk -> new HtmlFindingRows(chunk, day),
        out);
    html.write("</tbody>\n</table>\n");
  }

  private static void writeRules(AuditResult result, Writer html) throws IOException {
    RuleStates states = new RuleStates(result);
    html.write("<h2>Rules</h2>\n<table class=\"sortable\" id=\"rules\">\n<thead><tr><th>Rule</th><th>Title</th>"
        + "<th>State</th><th>Severity</th><th>Parameters</th><th>Violations</th><th>Allowlisted</th>"
        + "<th>Note</th></tr></thead>\n<tbody>\n");
    for (RuleDescriptor rule : Rules.all()) {
      RuleConfig config = states.config(rule);
      RuleEvaluation evaluation = states.evaluation(rule.id());
      String note = evaluation == null ? null : evaluation.note();
      html.write("<tr><td><code>" + HtmlText.escape(rule.id()) + "</code></td><td>" + HtmlText.escape(rule.title())
          + controls(rule.compliance()) + "</td><td>" + HtmlText.escape(states.state(rule.id()))
          + "</td><td data-sort=\""
          + config.severity().ordinal() + "\"><span class=\"sev " + config.severity().id() + "\">"
          + config.severity().id() + "</span></td><td>" + HtmlText.escape(RuleStates.params(config))
          + "</td><td class=\"num\">" + (evaluation == null ? 0 : evaluation.violations())
          + "</td><td class=\"num\">" + (evaluation == null ? 0 : evaluation.allowlisted()) + "</td><td class=\"note\">"
          + HtmlText.escape(note) + "</td></tr>\n");
    }
    html.write("</tbody>\n</table>\n");
  }

  /** Under the rule's title, each control's tag with its framework, version and title on hover; "" for none. */
  private static String controls(List<Compliance> controls) {
    return controls.isEmpty() ? "" : controls.stream().map(control -> "<span title=\""
        + HtmlText.escape(ComplianceText.full(control)) + "\">" + HtmlText.escape(control.tag()) + "</span>")
        .collect(Collectors.joining("<br>", "<div class=\"ctl\">", "</div>"));
  }
}
