package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.Timestamps;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code iam-audit.html}: one self-contained page for people (no external assets, so it opens from
 * a CI artifact or an e-mail attachment): the verdict, a chart of last-authentication ages, the
 * findings and the rules, in tables sortable by clicking their headers.
 */
public final class HtmlReport implements ReportWriter {
  private static final String STYLE =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
      main{padding:24px 32px}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
      .card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}
      .card{max-width:1200px;box-sizing:border-box}
      .gate{display:inline-block;font-weight:600;padding:4px 12px;border-radius:16px;color:#fff}
      .gate.failed{background:#cf222e}.gate.passed{background:#1a7f37}
      dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:12px 0 0}dt{color:#59636e}dd{margin:0}
      .counts{display:flex;gap:12px;flex-wrap:wrap;margin-top:12px}
      .count{border-radius:6px;padding:8px 14px;color:#fff;min-width:90px}.count b{display:block;font-size:20px}
      table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de}
      th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #d8dee4}
      th{background:#eef1f4;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}
      th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
      code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;white-space:nowrap}
      td.id{min-width:12em;overflow-wrap:anywhere}
      td.msg{min-width:24em;white-space:pre-wrap;overflow-wrap:anywhere}
      td.num{text-align:right}td.note{overflow-wrap:anywhere}
      .ctl{font-size:12px;color:#59636e;margin-top:4px;white-space:nowrap}
      .sev{display:inline-block;border-radius:4px;padding:1px 6px;color:#fff;font-size:12px;font-weight:600}
      .critical{background:#8e1519}.high{background:#cf222e}.medium{background:#bf8700}.low{background:#0969da}
      tr.allowlisted td{color:#59636e;background:#f6f8fa}
      .tag{font-size:12px;border:1px solid #8c959f;border-radius:10px;padding:0 6px}
      .why,.at{font-size:12px;color:#59636e;margin-top:4px}
      .filter,.more{display:none}.ready .more{display:block}.js #findings>tbody.later{display:none}
      .ready .filter{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:0 0 8px}
      .filter input[type=search]{font:inherit;padding:4px 8px;border:1px solid #8c959f;border-radius:6px}
      .filter input[type=search]{width:32em;max-width:100%}
      .filter fieldset{border:0;margin:0;padding:0;display:flex;gap:10px}
      .filter legend{float:left;margin-right:6px;color:#59636e}
      .filter label{white-space:nowrap}.filter output{color:#59636e}
      svg text{font:12px system-ui,sans-serif;fill:#1f2328}
      """;

  /** Rows shown at once, before and after filtering; the rest wait for "Show more". */
  static final int PAGE = 1000;

  /**
   * Runs before the body is read, so that the findings past the first page are never laid out while
   * the page loads: a page of hundreds of thousands of findings opens in seconds, not minutes.
   * Without scripts the class is not set and every row shows.
   */
  private static final String HEAD_SCRIPT = "document.documentElement.className = 'js';";

  /**
   * Sorts a table by a clicked header, and filters the findings by text (every word must occur in
   * the row) and by severity and status, showing the first {@link #PAGE} matches. A filter costs
   * one pass over arrays read once from the rows and the layout of at most a page of rows: a row is
   * shown or hidden only when that changes, and nothing reads layout in the loop. Each row's text
   * is read into the index while the browser is idle after loading, so the first search does not
   * wait for it. Typing waits for a pause before filtering, longer for a large table. Sorting reads
   * each row's key once and moves the rows in one insertion.
   */
  private static final String SCRIPT =
      """
      (function () {
        var PAGE = %d;
        var collator = new Intl.Collator();
        function sortRows(table, th, column) {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var keyed = [];
          Array.prototype.forEach.call(table.tBodies, function (body) {
            Array.prototype.forEach.call(body.rows, function (row) {
              var cell = row.cells[column];
              var key = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
              keyed.push({ row: row, key: key, number: key === '' ? NaN : Number(key), at: keyed.length });
            });
          });
          keyed.sort(function (a, b) {
            var order = !isNaN(a.number) && !isNaN(b.number) ? a.number - b.number : collator.compare(a.key, b.key);
            return (ascending ? order : -order) || a.at - b.at;
          });
          var sorted = document.createDocumentFragment();
          var rows = keyed.map(function (k) { sorted.appendChild(k.row); return k.row; });
          table.tBodies[0].appendChild(sorted);
          return rows;
        }
        function filterRows(form, table) {
          var text = document.getElementById('filter-text');
          var shown = document.getElementById('filter-shown');
          var more = document.getElementById('filter-more');
          var all = document.getElementById('filter-all');
          var rows = Array.prototype.slice.call(table.querySelectorAll('#findings > tbody > tr'));
          var count = rows.length;
          var order = rows;
          var severity = new Array(count), status = new Array(count), texts = new Array(count);
          var indexed = 0, limit = PAGE, timer = 0;
          var words = [], severities = null, statuses = null;
          for (var i = 0; i < count; i++) {
            rows[i].iamIndex = i;
            severity[i] = rows[i].cells[0].getAttribute('data-sort');
            status[i] = rows[i].className;
            if (i >= limit) {
              rows[i].hidden = true;
            }
          }
          document.documentElement.className = 'ready';
          function index(until) {
            for (; indexed < until; indexed++) {
              texts[indexed] = rows[indexed].textContent.toLowerCase();
            }
          }
          function indexWhenIdle(deadline) {
            while (indexed < count && deadline.timeRemaining() > 2) {
              index(Math.min(count, indexed + 500));
            }
            if (indexed < count) {
              requestIdleCallback(indexWhenIdle);
            }
          }
          function checked(name) {
            var on = {};
            form.querySelectorAll('input[name=' + name + ']').forEach(function (box) { on[box.value] = box.checked; });
            return on;
          }
          function matches(i) {
            if (!severities[severity[i]] || !statuses[status[i]]) {
              return false;
            }
            for (var w = 0; w < words.length; w++) {
              if (texts[i].indexOf(words[w]) < 0) {
                return false;
              }
            }
            return true;
          }
          function apply() {
            timer = 0;
            words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
            severities = checked('severity');
            statuses = checked('status');
            if (words.length) {
              index(count);
            }
            var matching = 0;
            for (var i = 0; i < count; i++) {
              var row = order[i];
              var hide = true;
              if (matches(row.iamIndex)) {
                hide = matching >= limit;
                matching++;
              }
              if (row.hidden !== hide) {
                row.hidden = hide;
              }
            }
            var visible = Math.min(matching, limit);
            shown.textContent = (matching === count ? 'All ' : matching + ' of ') + count + ' match'
                + (visible < matching ? ', the first ' + visible + ' shown' : '');
            more.hidden = all.hidden = visible === matching;
          }
          function now() {
            clearTimeout(timer);
            apply();
          }
          form.addEventListener('input', function () {
            clearTimeout(timer);
            limit = PAGE;
            timer = setTimeout(apply, count > 20000 ? 300 : 150);
          });
          form.addEventListener('submit', function (event) {
            event.preventDefault();
            limit = PAGE;
            now();
          });
          more.addEventListener('click', function () {
            limit += PAGE;
            now();
          });
          all.addEventListener('click', function () {
            limit = Infinity;
            now();
          });
          apply();
          if (window.requestIdleCallback) {
            requestIdleCallback(indexWhenIdle);
          }
          return function (sorted) {
            order = sorted;
            now();
          };
        }
        var findings = document.getElementById('findings');
        var form = document.getElementById('filter');
        var resort = form && findings ? filterRows(form, findings) : null;
        document.querySelectorAll('table.sortable').forEach(function (table) {
          table.querySelectorAll('th').forEach(function (th, column) {
            th.addEventListener('click', function () {
              var rows = sortRows(table, th, column);
              if (table === findings && resort) {
                resort(rows);
              }
            });
          });
        });
      })();
      """
          .formatted(PAGE);

  /**
   * Lets the page run its own style and script and nothing else: no other script, no handler in an
   * attribute, no fetch, no form sent anywhere. Names in the page come from whoever may create an
   * identity; they are escaped, and were one ever not, the browser would still refuse what they
   * carried.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src "
          + sha256(STYLE)
          + "; script-src "
          + sha256(HEAD_SCRIPT)
          + " "
          + sha256(SCRIPT)
          + "; base-uri 'none'; form-action 'none'";

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
    html.write(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\""
            + CONTENT_SECURITY_POLICY
            + "\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>IAM audit of account "
            + account
            + "</title>\n<script>"
            + HEAD_SCRIPT
            + "</script>\n<style>"
            + STYLE
            + "</style>\n</head>\n<body>\n"
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
    html.write("</main>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    html.flush();
  }

  private static void writeSummary(AuditResult result, Writer html) throws IOException {
    String gate = result.gate().id();
    html.write(
        "<section class=\"card\">\n<h1>IAM audit of account "
            + HtmlText.escape(result.accountId())
            + "</h1>\n<span class=\"gate "
            + gate
            + "\">Gate "
            + gate
            + "</span>\n<dl>\n");
    ReportInfo report = result.scope().report();
    term(
        html,
        "Activity report",
        report == null
            ? "none"
            : report.reference()
                + " ("
                + report.durationHours()
                + " hours, ending "
                + Timestamps.readable(report.endTime())
                + ")");
    term(html, "Identities as of", Timestamps.readable(result.scope().asOf()));
    term(html, "Generated", Timestamps.readable(result.generatedAt()));
    term(
        html,
        "Fails on",
        result.gate().failOn().id()
            + (result.gate().failed() ? " (" + result.gate().blocking() + " blocking)" : ""));
    term(html, "Identities", Long.toString(result.scope().identities()));
    term(
        html,
        "API keys that cannot authenticate",
        result.scope().keys().describe() + ", not judged by the rules about keys in use");
    term(html, "Violations", Long.toString(result.violations()));
    term(html, "Allowlisted", Long.toString(result.allowlisted()));
    html.write("</dl>\n<div class=\"counts\">\n");
    for (Severity severity : Severity.values()) {
      html.write(
          "<div class=\"count "
              + severity.id()
              + "\"><b>"
              + result.violations(severity)
              + "</b>"
              + severity.id()
              + "</div>\n");
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
    html.write(
        "<h2>Last authentication</h2>\n"
            + "<div class=\"card\">\n"
            + "<svg role=\"img\" width=\"100%\" viewBox=\"0 0 "
            + width
            + " "
            + (chartHeight + 60)
            + "\" aria-label=\"Identities by time since last authentication\">\n");
    html.write(
        "<line x1=\""
            + gap / 2
            + "\" y1=\""
            + (chartHeight + 20)
            + "\" x2=\""
            + (width - gap / 2)
            + "\" y2=\""
            + (chartHeight + 20)
            + "\" stroke=\"#8c959f\"/>\n");
    for (int i = 0; i < counts.length; i++) {
      long height = Math.round((double) counts[i] * chartHeight / max);
      int x = gap + i * (barWidth + gap);
      long y = chartHeight + 20 - height;
      String fill = AuthnAges.COLOURS.get(i);
      String label = HtmlText.escape(AuthnAges.LABELS.get(i));
      html.write(
          "<g><title>"
              + label
              + ": "
              + counts[i]
              + "</title><rect x=\""
              + x
              + "\" y=\""
              + y
              + "\" width=\""
              + barWidth
              + "\" height=\""
              + height
              + "\" fill=\""
              + fill
              + "\" rx=\"3\"/>"
              + "<text x=\""
              + (x + barWidth / 2)
              + "\" y=\""
              + (y - 5)
              + "\" text-anchor=\"middle\">"
              + counts[i]
              + "</text><text x=\""
              + (x + barWidth / 2)
              + "\" y=\""
              + (chartHeight + 40)
              + "\" text-anchor=\"middle\">"
              + label
              + "</text></g>\n");
    }
    html.write("</svg>\n</div>\n");
  }

  private static void writeFindings(AuditResult result, Writer html, OutputStream out)
      throws IOException {
    html.write("<h2>Findings (" + result.findings().size() + ")</h2>\n");
    if (result.findings().isEmpty()) {
      html.write("<p>No findings.</p>\n");
      return;
    }
    writeFilter(result, html);
    html.write(
        "<table class=\"sortable\" id=\"findings\">\n"
            + "<thead><tr><th>Severity</th><th>Status</th><th>Rule</th><th>Identity</th><th>Message</th></tr></thead>\n"
            + "<tbody>\n");
    html.flush();
    LocalDate day = result.day();
    ParallelChunks.write(
        result.findings(), result.findings().size(), chunk -> new HtmlFindingRows(chunk, day), out);
    html.write(
        "</tbody>\n</table>\n<p class=\"more\"><button type=\"button\" id=\"filter-more\">Show "
            + PAGE
            + " more</button> <button type=\"button\" id=\"filter-all\">Show all</button></p>\n");
  }

  /**
   * Above the findings: a text box (every word must occur in the row), a box per severity and per
   * status, and how many rows match. A form, so that Enter filters at once; the page's policy sends
   * it nowhere. Shown only once the script runs: without it the boxes would do nothing.
   */
  private static void writeFilter(AuditResult result, Writer html) throws IOException {
    long total = result.findings().size();
    html.write(
        "<form class=\"filter\" id=\"filter\" role=\"search\">\n"
            + "<input type=\"search\" id=\"filter-text\" placeholder=\"Filter by rule, identity,"
            + " id, message or file\" aria-label=\"Filter findings by text\""
            + " autocomplete=\"off\">\n"
            + "<fieldset><legend>Severity</legend>");
    for (Severity severity : Severity.values()) {
      html.write(
          "<label><input type=\"checkbox\" name=\"severity\" value=\""
              + severity.ordinal()
              + "\" checked> "
              + severity.id()
              + "</label>");
    }
    html.write("</fieldset>\n<fieldset><legend>Status</legend>");
    for (String status : List.of("violation", "allowlisted")) {
      html.write(
          "<label><input type=\"checkbox\" name=\"status\" value=\""
              + status
              + "\" checked> "
              + status
              + "</label>");
    }
    html.write(
        "</fieldset>\n<output id=\"filter-shown\" aria-live=\"polite\">All "
            + total
            + " match"
            + (total > PAGE ? ", the first " + PAGE + " shown" : "")
            + "</output>\n</form>\n");
  }

  private static void writeRules(AuditResult result, Writer html) throws IOException {
    RuleStates states = new RuleStates(result);
    html.write(
        "<h2>Rules</h2>\n"
            + "<table class=\"sortable\" id=\"rules\">\n"
            + "<thead><tr><th>Rule</th><th>Title</th><th>State</th><th>Severity</th><th>Parameters</th><th>Violations</th><th>Allowlisted</th><th>Note</th></tr></thead>\n"
            + "<tbody>\n");
    for (RuleDescriptor rule : Rules.all()) {
      RuleConfig config = states.config(rule);
      RuleEvaluation evaluation = states.evaluation(rule.id());
      String note = evaluation == null ? null : evaluation.note();
      html.write(
          "<tr><td><code>"
              + HtmlText.escape(rule.id())
              + "</code></td><td>"
              + HtmlText.escape(rule.title())
              + controls(rule.compliance())
              + "</td><td>"
              + HtmlText.escape(states.state(rule.id()))
              + "</td><td data-sort=\""
              + config.severity().ordinal()
              + "\"><span class=\"sev "
              + config.severity().id()
              + "\">"
              + config.severity().id()
              + "</span></td><td>"
              + HtmlText.escape(RuleStates.params(config))
              + "</td><td class=\"num\">"
              + (evaluation == null ? 0 : evaluation.violations())
              + "</td><td class=\"num\">"
              + (evaluation == null ? 0 : evaluation.allowlisted())
              + "</td><td class=\"note\">"
              + HtmlText.escape(note)
              + "</td></tr>\n");
    }
    html.write(
        "</tbody>\n</table>\n<p class=\"more\"><button type=\"button\" id=\"filter-more\">Show "
            + PAGE
            + " more</button> <button type=\"button\" id=\"filter-all\">Show all</button></p>\n");
  }

  /** A CSP source for an inline element holding exactly {@code text}. */
  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Under the rule's title, each control's tag with its framework, version and title on hover; ""
   * for none.
   */
  private static String controls(List<Compliance> controls) {
    return controls.isEmpty()
        ? ""
        : controls.stream()
            .map(
                control ->
                    "<span title=\""
                        + HtmlText.escape(ComplianceText.full(control))
                        + "\">"
                        + HtmlText.escape(control.tag())
                        + "</span>")
            .collect(Collectors.joining("<br>", "<div class=\"ctl\">", "</div>"));
  }
}
