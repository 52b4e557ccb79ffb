package dev.iamaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.audit.Status;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.Compliance;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * {@code iam-audit.sarif}: SARIF 2.1.0 for GitHub code scanning, GitLab and IDEs. One run with
 * every rule of the catalog, one result per finding anchored in a repo file (GitHub rejects a whole
 * upload over one result without a file), the finding's own fingerprint so alerts anchored on the
 * same line stay apart, and allowlisted findings kept as accepted external suppressions.
 */
public final class SarifReport implements ReportWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/iam-audit/iam-audit";

  /** GitHub refuses runs with more results. */
  static final int GITHUB_MAX_RESULTS = 25_000;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final int maxResults;

  public SarifReport() {
    this(GITHUB_MAX_RESULTS);
  }

  SarifReport(int maxResults) {
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
    }
    this.maxResults = maxResults;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String fileName() {
    return "iam-audit.sarif";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    RuleStates states = new RuleStates(result);
    List<RuleDescriptor> rules = Rules.all();
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).id(), i);
    }
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(json, rules, states);
      json.writeObjectFieldStart("automationDetails");
      json.writeStringField("id", "iam-audit/" + result.accountId() + "/");
      json.writeEndObject();
      writeInvocation(json, result, ruleIndex, omissions(result));
      json.writeArrayFieldStart("results");
      long written = Math.min(maxResults, result.findings().size());
      if (written > 0) {
        // Each result one compact line, as iam-audit.json's findings: a third smaller than
        // indented.
        json.flush();
        Iterable<Finding> kept =
            () ->
                StreamSupport.stream(result.findings().spliterator(), false)
                    .limit(written)
                    .iterator();
        ParallelChunks.write(
            kept, written, chunk -> new ResultLines(chunk, result.accountId(), ruleIndex), out);
        json.writeRaw('\n');
      }
      json.writeEndArray();
      if (written < result.findings().size()) {
        json.writeObjectFieldStart("properties");
        json.writeBooleanField("truncated", true);
        json.writeNumberField("findings", result.findings().size());
        json.writeNumberField("results", written);
        json.writeStringField(
            "truncation",
            "GitHub code scanning accepts at most "
                + maxResults
                + " results per run; the most severe are kept, and the json format writes every"
                + " finding to iam-audit.json");
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  @Override
  public List<String> omissions(AuditResult result) {
    long findings = result.findings().size();
    return findings <= maxResults
        ? List.of()
        : List.of(
            fileName()
                + " holds the "
                + maxResults
                + " most severe of "
                + findings
                + " findings, as GitHub code scanning accepts at most "
                + maxResults
                + " results per run; "
                + "the json format writes every finding to iam-audit.json");
  }

  private static void writeTool(JsonGenerator json, List<RuleDescriptor> rules, RuleStates states)
      throws IOException {
    String version = ToolVersion.get();
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "iam-audit");
    json.writeStringField("semanticVersion", version);
    json.writeStringField("version", version);
    json.writeStringField("informationUri", INFORMATION_URI);
    json.writeArrayFieldStart("rules");
    for (RuleDescriptor rule : rules) {
      writeRule(json, rule, states.config(rule));
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeRule(JsonGenerator json, RuleDescriptor rule, RuleConfig config)
      throws IOException {
    String params = RuleStates.params(config);
    json.writeStartObject();
    json.writeStringField("id", rule.id());
    json.writeStringField("name", pascalCase(rule.id()));
    text(json, "shortDescription", rule.title() + ".");
    text(json, "fullDescription", rule.description());
    json.writeObjectFieldStart("help");
    json.writeStringField(
        "text",
        rule.description()
            + " Fix: "
            + rule.remedy()
            + " Parameters: "
            + params
            + "; severity "
            + config.severity().id()
            + (config.enabled() ? "." : "; disabled.")
            + ComplianceText.sentence(rule.compliance()));
    json.writeStringField(
        "markdown",
        "**"
            + rule.title()
            + "**\n\n"
            + rule.description()
            + "\n\n**Fix:** "
            + rule.remedy()
            + "\n\n| setting | value |\n|---|---|\n| severity | `"
            + config.severity().id()
            + "` |\n| enabled | `"
            + config.enabled()
            + "` |\n"
            + paramRows(config)
            + "\nAccept a finding with an entry in `iam-allowlist.yml` (`match`, `rules: ["
            + rule.id()
            + "]`, `reason`, `expires`)."
            + ComplianceText.markdownList(rule.compliance()));
    json.writeEndObject();
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(config.severity()));
    json.writeBooleanField("enabled", config.enabled());
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString("security");
    json.writeString("iam");
    for (Compliance control : rule.compliance()) {
      json.writeString(control.tag());
    }
    json.writeEndArray();
    json.writeStringField("precision", "very-high");
    json.writeStringField("security-severity", securitySeverity(config.severity()));
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String paramRows(RuleConfig config) {
    StringBuilder rows = new StringBuilder();
    config
        .params()
        .forEach(
            (name, value) ->
                rows.append("| ").append(name).append(" | `").append(value).append("` |\n"));
    return rows.toString();
  }

  private static void writeInvocation(
      JsonGenerator json,
      AuditResult result,
      Map<String, Integer> ruleIndex,
      List<String> omissions)
      throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", true);
    json.writeStringField("endTimeUtc", result.generatedAt().toString());
    json.writeArrayFieldStart("toolExecutionNotifications");
    for (RuleEvaluation evaluation : result.notEvaluated()) {
      json.writeStartObject();
      json.writeStringField("level", "note");
      text(json, "message", evaluation.note());
      json.writeObjectFieldStart("associatedRule");
      json.writeStringField("id", evaluation.rule().id());
      Integer index = ruleIndex.get(evaluation.rule().id());
      if (index != null) {
        json.writeNumberField("index", index);
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    for (String note : result.notes()) {
      json.writeStartObject();
      json.writeStringField("level", "note");
      text(json, "message", note);
      json.writeEndObject();
    }
    for (String omission : omissions) {
      json.writeStartObject();
      json.writeStringField("level", "warning");
      text(json, "message", omission);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  /** Results one per line, without indentation. */
  private static final class ResultLines implements ParallelChunks.Formatter<Finding> {
    private final JsonGenerator json;
    private final String accountId;
    private final Map<String, Integer> ruleIndex;

    ResultLines(OutputStream out, String accountId, Map<String, Integer> ruleIndex) {
      this.json = ParallelChunks.jsonGenerator(JSON, out);
      this.accountId = accountId;
      this.ruleIndex = ruleIndex;
    }

    @Override
    public void format(List<Finding> chunk, long first) throws IOException {
      for (int i = 0; i < chunk.size(); i++) {
        json.writeRaw(first + i == 0 ? "\n" : ",\n");
        writeResult(json, accountId, chunk.get(i), ruleIndex);
      }
      json.flush();
    }
  }

  private static void writeResult(
      JsonGenerator json, String accountId, Finding finding, Map<String, Integer> ruleIndex)
      throws IOException {
    Entity entity = finding.entity();
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule());
    Integer index = ruleIndex.get(finding.rule());
    if (index != null) {
      json.writeNumberField("ruleIndex", index);
    }
    json.writeStringField("level", level(finding.severity()));
    text(json, "message", finding.message());
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", RepoPaths.uri(finding.location().file()));
    json.writeStringField("uriBaseId", "%SRCROOT%");
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", finding.location().line());
    if (finding.location().endLine() > finding.location().line()) {
      json.writeNumberField("endLine", finding.location().endLine());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", qualifiedName(accountId, entity));
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("primaryLocationLineHash", finding.fingerprint());
    json.writeStringField("iamAuditFingerprint/v1", finding.fingerprint());
    json.writeEndObject();
    if (finding.status() == Status.ALLOWLISTED) {
      writeSuppression(json, finding.allowlistEntry());
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("entityType", entity.type().id());
    json.writeStringField("entityId", entity.id());
    if (entity.iamId() != null) {
      json.writeStringField("iamId", entity.iamId());
    }
    if (entity.name() != null) {
      json.writeStringField("name", entity.name());
    }
    json.writeStringField("status", finding.status().id());
    json.writeStringField("severity", finding.severity().id());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeSuppression(JsonGenerator json, AllowlistEntry entry)
      throws IOException {
    json.writeArrayFieldStart("suppressions");
    json.writeStartObject();
    json.writeStringField("kind", "external");
    json.writeStringField("status", "accepted");
    json.writeStringField(
        "justification",
        entry.reason()
            + " ("
            + (entry.owner() == null ? "" : entry.owner() + ", ")
            + "expires "
            + entry.expires()
            + ")");
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void text(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  /** "account/a1b2/apikey/ApiKey-1", or "account/a1b2" for the account itself. */
  static String qualifiedName(String accountId, Entity entity) {
    String account = "account/" + accountId;
    return entity.type() == IdentityType.ACCOUNT
        ? account
        : account + "/" + entity.type().id() + "/" + entity.id();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  /**
   * A JSON string on purpose: GitHub rejects the upload when it is a number
   * (dependency-check#5347).
   */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "2.0";
    };
  }

  /** "apikey-inactive" becomes "ApikeyInactive", the rule's class name. */
  private static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}
