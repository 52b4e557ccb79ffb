package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.FindingLines;
import dev.iamaudit.audit.IdentityColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One output format. Writers stream: they read the findings one at a time, so a report of millions
 * of findings is never built whole in memory.
 */
public interface ReportWriter {
  /** The id users select the format by, e.g. {@code sarif}. */
  String format();

  /** The file name in the output directory, part of the contract. */
  String fileName();

  void write(AuditResult result, OutputStream out) throws IOException;

  /**
   * For a format that lists identities rather than findings, what the audit keeps of each identity
   * for it (read back as {@link AuditResult#identityRows()}); null for a format of findings.
   */
  default IdentityColumns identityColumns() {
    return null;
  }

  /**
   * For a format of one line per finding, how to write a finding's line, which the audit then does
   * as it keeps the finding (read back with {@link dev.iamaudit.audit.Findings#writeLines}); null
   * for any other format.
   */
  default FindingLines findingLines() {
    return null;
  }

  /** What this format leaves out of {@code result}, for the console to say; nothing by default. */
  default List<String> omissions(AuditResult result) {
    return List.of();
  }
}
