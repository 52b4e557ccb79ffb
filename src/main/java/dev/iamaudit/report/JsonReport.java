package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.FindingLines;
import dev.iamaudit.audit.Findings;
import dev.iamaudit.audit.KeyStates;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.Compliance;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@code iam-audit.json}: the machine-readable result. Fields may be added, never renamed. */
public final class JsonReport implements ReportWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "iam-audit.json";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("account", result.accountId());
      json.writeStringField("generatedAt", result.generatedAt().toString());
      json.writeStringField("asOf", result.scope().asOf().toString());
      writeReport(json, result.scope().report());
      writeSummary(json, result);
      json.writeArrayFieldStart("rules");
      for (RuleEvaluation evaluation : result.evaluations()) {
        json.writeStartObject();
        json.writeStringField("id", evaluation.rule().id());
        json.writeStringField("severity", evaluation.config().severity().id());
        json.writeStringField(
            "state",
            evaluation.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (!evaluation.config().params().isEmpty()) {
          json.writeObjectFieldStart("params");
          for (var param : evaluation.config().params().entrySet()) {
            json.writeNumberField(param.getKey(), param.getValue());
          }
          json.writeEndObject();
        }
        if (evaluation.note() != null) {
          json.writeStringField("note", evaluation.note());
        }
        writeCompliance(json, evaluation.rule().compliance());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("notes");
      for (String note : result.notes()) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      if (!result.findings().isEmpty()) {
        json.flush();
        if (result.findings().hasLines()) {
          copyLines(result, out);
        } else {
          ParallelChunks.write(result.findings(), result.findings().size(), LineChunks::new, out);
        }
        json.writeRaw('\n');
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void writeCompliance(JsonGenerator json, List<Compliance> controls)
      throws IOException {
    json.writeArrayFieldStart("compliance");
    for (Compliance control : controls) {
      json.writeStartObject();
      json.writeStringField("framework", control.framework().title());
      json.writeStringField("version", control.framework().version());
      json.writeStringField("id", control.id());
      json.writeStringField("title", control.title());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeReport(JsonGenerator json, ReportInfo report) throws IOException {
    if (report == null) {
      json.writeNullField("report");
      return;
    }
    json.writeObjectFieldStart("report");
    json.writeStringField("reference", report.reference());
    json.writeNumberField("durationHours", report.durationHours());
    if (report.startTime() != null) {
      json.writeStringField("startTime", report.startTime().toString());
    }
    json.writeStringField("endTime", report.endTime().toString());
    json.writeEndObject();
  }

  private static void writeSummary(JsonGenerator json, AuditResult result) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("violations", result.violations());
    json.writeNumberField("allowlisted", result.allowlisted());
    json.writeStringField("gate", result.gate().id());
    json.writeStringField("failOn", result.gate().failOn().id());
    json.writeNumberField("blocking", result.gate().blocking());
    json.writeObjectFieldStart("bySeverity");
    for (Severity severity : Severity.values()) {
      json.writeNumberField(severity.id(), result.violations(severity));
    }
    json.writeEndObject();
    json.writeNumberField("identities", result.scope().identities());
    KeyStates keys = result.scope().keys();
    json.writeObjectFieldStart("apikeysCannotAuthenticate");
    json.writeNumberField("disabled", keys.disabled());
    json.writeNumberField("expired", keys.expired());
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * The findings one per line, without indentation: a large account's report is mostly findings,
   * and a line each keeps it small, quick to write and easy to grep or diff. The audit writes each
   * line as it keeps the finding.
   */
  @Override
  public FindingLines findingLines() {
    return out -> {
      JsonGenerator json = ParallelChunks.jsonGenerator(JSON, out);
      return finding -> {
        writeFinding(json, finding);
        json.flush();
      };
    };
  }

  /** The lines the audit wrote, each after its separator; a finding without one is written here. */
  private void copyLines(AuditResult result, OutputStream out) throws IOException {
    FindingLines.Writer late = findingLines().open(out);
    result
        .findings()
        .writeLines(
            new Findings.LineSink() {
              private boolean first = true;

              @Override
              public void line(byte[] bytes, int offset, int length) throws IOException {
                separate();
                out.write(bytes, offset, length);
              }

              @Override
              public void finding(Finding finding) throws IOException {
                separate();
                late.write(finding);
              }

              private void separate() throws IOException {
                out.write(first ? NEW_LINE : NEXT_LINE);
                first = false;
              }
            });
  }

  private static final byte[] NEW_LINE = {'\n'};
  private static final byte[] NEXT_LINE = {',', '\n'};

  /** The lines written from the findings, when the audit kept none: in chunks on every core. */
  private static final class LineChunks implements ParallelChunks.Formatter<Finding> {
    private final JsonGenerator json;

    LineChunks(OutputStream out) {
      json = ParallelChunks.jsonGenerator(JSON, out);
    }

    @Override
    public void format(List<Finding> chunk, long first) throws IOException {
      for (int i = 0; i < chunk.size(); i++) {
        json.writeRaw(first + i == 0 ? "\n" : ",\n");
        writeFinding(json, chunk.get(i));
      }
      json.flush();
    }
  }

  // Field names written once per finding, encoded once.
  private static final SerializedString RULE = new SerializedString("rule");
  private static final SerializedString SEVERITY = new SerializedString("severity");
  private static final SerializedString STATUS = new SerializedString("status");
  private static final SerializedString ENTITY = new SerializedString("entity");
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString IAM_ID = new SerializedString("iamId");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString FINGERPRINT = new SerializedString("fingerprint");
  private static final SerializedString LOCATION = new SerializedString("location");
  private static final SerializedString FILE = new SerializedString("file");
  private static final SerializedString LINE = new SerializedString("line");
  private static final SerializedString END_LINE = new SerializedString("endLine");

  private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    field(json, RULE, finding.rule());
    field(json, SEVERITY, finding.severity().id());
    field(json, STATUS, finding.status().id());
    Entity entity = finding.entity();
    json.writeFieldName(ENTITY);
    json.writeStartObject();
    field(json, TYPE, entity.type().id());
    field(json, ID, entity.id());
    field(json, IAM_ID, entity.iamId());
    field(json, NAME, entity.name());
    json.writeEndObject();
    field(json, MESSAGE, finding.message());
    field(json, FINGERPRINT, finding.fingerprint());
    json.writeFieldName(LOCATION);
    json.writeStartObject();
    field(json, FILE, finding.location().file());
    json.writeFieldName(LINE);
    json.writeNumber(finding.location().line());
    json.writeFieldName(END_LINE);
    json.writeNumber(finding.location().endLine());
    json.writeEndObject();
    AllowlistEntry entry = finding.allowlistEntry();
    if (entry != null) {
      json.writeObjectFieldStart("allowlist");
      json.writeStringField("entry", entry.position().toString());
      json.writeStringField("reason", entry.reason());
      if (entry.owner() != null) {
        json.writeStringField("owner", entry.owner());
      }
      json.writeStringField("expires", entry.expires().toString());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** A null value is written as null, as writeStringField does. */
  private static void field(JsonGenerator json, SerializedString name, String value)
      throws IOException {
    json.writeFieldName(name);
    json.writeString(value);
  }
}
