package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One output format. Writers stream: a report of 100,000s of identities is never built whole in memory. */
public interface ReportWriter {
  /** The id users pass to --format, e.g. {@code sarif}. */
  String format();

  /** The file name in the output directory, part of the contract. */
  String fileName();

  void write(AuditResult result, OutputStream out) throws IOException;

  /** What this format leaves out of {@code result}, for the console to say; nothing by default. */
  default List<String> omissions(AuditResult result) {
    return List.of();
  }
}
