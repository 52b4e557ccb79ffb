package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FilePosition;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/** The rows of the HTML findings table, one per finding, each built in place with its cells escaped as appended. */
final class HtmlFindingRows implements ParallelChunks.Formatter<Finding> {
  private final TextOut out;
  /** A message or identity before it is escaped into the row. */
  private final StringBuilder raw = new StringBuilder(512);
  private final CharScratch scratch = new CharScratch(512);
  /** What an entry's expiry is judged against: the day of the audit. */
  private final LocalDate today;

  HtmlFindingRows(OutputStream out, LocalDate today) {
    this.out = new TextOut(out);
    this.today = today;
  }

  @Override
  public void format(List<Finding> chunk, long first) throws IOException {
    StringBuilder row = out.text();
    for (Finding finding : chunk) {
      String severity = finding.severity().id();
      String status = finding.status().id();
      row.append("<tr class=\"").append(status).append("\"><td data-sort=\"").append(finding.severity().ordinal())
          .append("\"><span class=\"sev ").append(severity).append("\">").append(severity).append("</span></td><td>")
          .append(finding.isViolation() ? status : "<span class=\"tag\">allowlisted</span>");
      if (finding.allowlistEntry() != null) {
        row.append("<div class=\"why\">");
        raw.setLength(0);
        appendAllowlistEntry(finding);
        escapeRaw(row);
        row.append("</div>");
      }
      row.append("</td><td><code>");
      HtmlText.escape(finding.rule(), row);
      row.append("</code></td><td class=\"id\">");
      raw.setLength(0);
      finding.entity().describeTo(raw);
      escapeRaw(row);
      row.append("</td><td class=\"msg\">");
      HtmlText.escape(finding.message(), row);
      row.append("</td><td class=\"loc\"><code>");
      HtmlText.escape(finding.location().file(), row);
      row.append(':').append(finding.location().line()).append("</code></td></tr>\n");
      out.endLine();
    }
    out.flush();
  }

  /**
   * Why the status is what it is: the exception that accepts the finding, with its expiry, owner and reason, or the
   * entry that accepted it until it expired. The page is where people review exceptions, not only findings.
   */
  private void appendAllowlistEntry(Finding finding) {
    AllowlistEntry entry = finding.allowlistEntry();
    FilePosition at = entry.position();
    if (finding.isViolation()) {
      raw.append("allowlist entry ").append(at.file()).append(':').append(at.line()).append(' ')
          .append(entry.expiry(today));
      return;
    }
    entry.appendAcceptance(raw);
  }

  private void escapeRaw(StringBuilder row) {
    HtmlText.escape(scratch.copy(raw), 0, raw.length(), row);
  }
}
