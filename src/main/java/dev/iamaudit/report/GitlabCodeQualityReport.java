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
import java.util.List;

/**
 * {@code gl-code-quality-report.json}: GitLab Code Quality, a JSON array of the violations (allowlisted findings
 * are accepted, so they stay out of the merge-request widget). UTF-8 without a BOM, which GitLab refuses.
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
    List<Finding> violations = result.findings().stream().filter(Finding::isViolation).toList();
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      if (!violations.isEmpty()) {
        json.flush();
        ParallelChunks.write(violations, Issues::new, out);
      }
      // The default printer closes an array with " ]" whether or not it saw the issues written above.
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
   * The array's issues, each printed as the default printer prints it inside the array: that printer does not
   * indent for an array, so an object written at the root comes out the same, and the separators are written here.
   */
  private static final class Issues implements ParallelChunks.Formatter<Finding> {
    private final JsonGenerator json;
    private final MessageBuffer messages = new MessageBuffer();

    Issues(OutputStream out) {
      json = MessageBuffer.chunkGenerator(JSON, out);
      json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance().withRootSeparator(null)));
    }

    @Override
    public void format(List<Finding> violations, int from, int to) throws IOException {
      for (int i = from; i < to; i++) {
        json.writeRaw(i == 0 ? " " : ", ");
        writeIssue(violations.get(i));
      }
      json.flush();
    }

    private void writeIssue(Finding finding) throws IOException {
      json.writeStartObject();
      json.writeFieldName("description");
      messages.writeMessage(json, finding);
      json.writeStringField("check_name", finding.rule());
      json.writeFieldName("fingerprint");
      MessageBuffer.writeFingerprint(json, finding);
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
}
