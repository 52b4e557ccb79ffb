package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.policy.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code gl-code-quality-report.json}: GitLab Code Quality, a JSON array of the violations
 * (allowlisted findings are accepted, so they stay out of the merge-request widget). UTF-8 without
 * a BOM, which GitLab refuses.
 */
public final class GitlabCodeQualityReport implements ReportWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  @Override
  public String format() {
    return "gitlab";
  }

  @Override
  public String fileName() {
    return "gl-code-quality-report.json";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    Iterable<Finding> violations = () -> new Violations(result.findings().iterator());
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      if (result.violations() > 0) {
        json.flush();
        ParallelChunks.write(violations, result.violations(), Issues::new, out);
      }
      // The default printer closes an array with " ]" whether or not it saw the issues written
      // above.
      json.writeEndArray();
    }
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "critical";
      case HIGH -> "major";
      case MEDIUM -> "minor";
      case LOW -> "info";
    };
  }

  /**
   * The array's issues, each printed as the default printer prints it inside the array: that
   * printer does not indent for an array, so an object written at the root comes out the same, and
   * the separators are written here.
   */
  private static final class Issues implements ParallelChunks.Formatter<Finding> {
    private final JsonGenerator json;

    Issues(OutputStream out) {
      json = ParallelChunks.jsonGenerator(JSON, out);
      json.setPrettyPrinter(
          new DefaultPrettyPrinter(Separators.createDefaultInstance().withRootSeparator(null)));
    }

    @Override
    public void format(List<Finding> chunk, long first) throws IOException {
      for (int i = 0; i < chunk.size(); i++) {
        json.writeRaw(first + i == 0 ? " " : ", ");
        writeIssue(chunk.get(i));
      }
      json.flush();
    }

    private void writeIssue(Finding finding) throws IOException {
      json.writeStartObject();
      json.writeStringField("description", finding.message());
      json.writeStringField("check_name", finding.rule());
      json.writeStringField("fingerprint", finding.fingerprint());
      json.writeStringField("severity", severity(finding.severity()));
      json.writeObjectFieldStart("location");
      json.writeStringField("path", RepoPaths.relative(finding.location().file()));
      json.writeObjectFieldStart("lines");
      json.writeNumberField("begin", finding.location().line());
      if (finding.location().endLine() > finding.location().line()) {
        json.writeNumberField("end", finding.location().endLine());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** The violations among the findings, in their order. */
  private static final class Violations implements Iterator<Finding> {
    private final Iterator<Finding> findings;
    private Finding next;

    Violations(Iterator<Finding> findings) {
      this.findings = findings;
    }

    @Override
    public boolean hasNext() {
      while (next == null && findings.hasNext()) {
        Finding finding = findings.next();
        if (finding.isViolation()) {
          next = finding;
        }
      }
      return next != null;
    }

    @Override
    public Finding next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Finding finding = next;
      next = null;
      return finding;
    }
  }
}
