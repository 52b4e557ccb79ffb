package dev.iamaudit.report;

import dev.iamaudit.audit.Finding;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FilePosition;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The rows of the HTML findings table, one per finding, each built in place with its cells escaped
 * as appended.
 *
 * <p>Ids, rule ids and the file a finding points at are written in {@code <code>}, which the page
 * never breaks: people copy them into commands. Where the finding points goes under the message,
 * with the allowlist entry that decided its status, so the message, the widest column, takes the
 * width a column of paths would squeeze.
 */
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
    long position = first;
    for (Finding finding : chunk) {
      if (position++ == HtmlReport.PAGE) {
        // Past the first page: the page hides these rows while it loads, so that they are not laid
        // out.
        row.append("</tbody>\n<tbody class=\"later\">\n");
      }
      String severity = finding.severity().id();
      String status = finding.status().id();
      row.append("<tr class=\"")
          .append(status)
          .append("\"><td data-sort=\"")
          .append(finding.severity().ordinal())
          .append("\"><span class=\"sev ")
          .append(severity)
          .append("\">")
          .append(severity)
          .append("</span></td><td>")
          .append(finding.isViolation() ? status : "<span class=\"tag\">allowlisted</span>")
          .append("</td><td><code>");
      HtmlText.escape(finding.rule(), row);
      row.append("</code></td><td class=\"id\">");
      appendIdentity(finding.entity(), row);
      row.append("</td><td class=\"msg\">");
      HtmlText.escape(finding.message(), row);
      if (finding.allowlistEntry() != null) {
        row.append("<div class=\"why\">");
        raw.setLength(0);
        appendAllowlistEntry(finding);
        HtmlText.escape(scratch.copy(raw), 0, raw.length(), row);
        row.append("</div>");
      }
      row.append("<div class=\"at\">at <code>");
      HtmlText.escape(finding.location().file(), row);
      row.append(':').append(finding.location().line()).append("</code></div></td></tr>\n");
      out.endLine();
    }
    out.flush();
  }

  /**
   * The identity as every message names it, its id in {@code <code>}: "API key 'ci' (<code>ApiKey-1
   * </code>)".
   */
  private void appendIdentity(Entity entity, StringBuilder row) {
    raw.setLength(0);
    entity.describeTo(raw);
    boolean named = entity.name() != null && !entity.name().isEmpty();
    // The description ends with the id, in parentheses after a name.
    int idEnd = raw.length() - (named ? 1 : 0);
    int idStart = idEnd - entity.id().length();
    char[] text = scratch.copy(raw);
    HtmlText.escape(text, 0, idStart, row);
    row.append("<code>");
    HtmlText.escape(text, idStart, idEnd, row);
    row.append("</code>");
    HtmlText.escape(text, idEnd, raw.length(), row);
  }

  /**
   * Why the status is what it is: the exception that accepts the finding, with its expiry, owner
   * and reason, or the entry that accepted it until it expired. The page is where people review
   * exceptions, not only findings.
   */
  private void appendAllowlistEntry(Finding finding) {
    AllowlistEntry entry = finding.allowlistEntry();
    FilePosition at = entry.position();
    if (finding.isViolation()) {
      raw.append("Allowlist entry ")
          .append(at.file())
          .append(':')
          .append(at.line())
          .append(' ')
          .append(entry.expiry(today));
      return;
    }
    entry.appendAcceptance(raw.append("Allowlisted "));
  }
}
