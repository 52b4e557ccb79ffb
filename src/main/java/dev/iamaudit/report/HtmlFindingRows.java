package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The rows of the HTML findings table, one per finding, each built in place with its cells escaped as appended. */
final class HtmlFindingRows implements ParallelChunks.Formatter<Finding> {
  private final TextOut out;
  /** A message or identity before it is escaped into the row. */
  private final StringBuilder raw = new StringBuilder(512);
  private final CharScratch scratch = new CharScratch(512);

  HtmlFindingRows(OutputStream out) {
    this.out = new TextOut(out);
  }

  @Override
  public void format(List<Finding> findings, int from, int to) throws IOException {
    StringBuilder row = out.text();
    for (int i = from; i < to; i++) {
      Finding finding = findings.get(i);
      String severity = finding.severity().id();
      String status = finding.status().id();
      row.append("<tr class=\"").append(status).append("\"><td data-sort=\"").append(finding.severity().ordinal())
          .append("\"><span class=\"sev ").append(severity).append("\">").append(severity).append("</span></td><td>")
          .append(finding.isViolation() ? status : "<span class=\"tag\">allowlisted</span>")
          .append("</td><td><code>");
      HtmlText.escape(finding.rule(), row);
      row.append("</code></td><td class=\"id\">");
      raw.setLength(0);
      finding.entity().describeTo(raw);
      escapeRaw(row);
      row.append("</td><td class=\"msg\">");
      raw.setLength(0);
      finding.appendMessage(raw);
      escapeRaw(row);
      row.append("</td><td class=\"loc\"><code>");
      HtmlText.escape(finding.location().file(), row);
      row.append(':').append(finding.location().line()).append("</code></td></tr>\n");
      out.endLine();
    }
    out.flush();
  }

  private void escapeRaw(StringBuilder row) {
    HtmlText.escape(scratch.copy(raw), 0, raw.length(), row);
  }
}
