package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.policy.Severity;
import java.io.IOException;
import java.io.OutputStream;

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
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      MessageBuffer messages = new MessageBuffer();
      for (Finding finding : result.findings()) {
        if (!finding.isViolation()) {
          continue;
        }
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
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
      }
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
}
