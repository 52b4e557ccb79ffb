package dev.iamaudit.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.policy.Preset;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.RuleDescriptor;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JSON Schemas of {@code iam-audit.yml} and {@code iam-allowlist.yml} for editors
 * (yaml-language-server), generated from the rule catalog and the loaders' keys so that they cannot
 * drift from what the tool accepts. Draft-07: the newest draft the yaml-language-server fully
 * supports. What a schema cannot say (duplicate keys, aliases, an expiry too far ahead, duplicate
 * entries) only the loaders check.
 */
public final class Schemas {
  public static final String POLICY_FILE = "iam-audit.schema.json";
  public static final String ALLOWLIST_FILE = "iam-allowlist.schema.json";

  /** Where the jar carries them: the same files as the repo's {@code schemas/} folder. */
  public static final String RESOURCE_DIRECTORY = "/dev/iamaudit/schemas/";

  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private final List<RuleDescriptor> rules;

  /**
   * @param rules the catalog, in the order the schema lists the rules
   */
  public Schemas(List<RuleDescriptor> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The schema of {@code iam-audit.yml}. */
  public String policy() {
    ObjectNode schema =
        header(
            "iam-audit policy (iam-audit.yml)",
            "Thresholds, severities and the gate of iam-audit. Every key is optional and has a"
                + " default; an unknown key is an error.");
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    PolicyLoader.TOP_KEYS.forEach(key -> properties.set(key, policyKey(key)));
    return print(schema);
  }

  /** The schema of {@code iam-allowlist.yml}. */
  public String allowlist() {
    ObjectNode schema =
        header(
            "iam-audit allowlist (iam-allowlist.yml)",
            "Findings accepted on purpose, each with a reason and an expiry date. An accepted"
                + " finding stays in every report as allowlisted and does not fail the gate.");
    schema.put("type", "array");
    ObjectNode entry = schema.putObject("items");
    entry.put(
        "description",
        "One accepted exception: which identities (match), for which rules, why, whose, and"
            + " until when.");
    entry.put("type", "object");
    entry.put("additionalProperties", false);
    entry.set("required", strings(List.of("match", "reason", "expires")));
    ObjectNode properties = entry.putObject("properties");
    AllowlistLoader.ENTRY_KEYS.forEach(key -> properties.set(key, entryKey(key)));
    return print(schema);
  }

  private static ObjectNode header(String title, String description) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", DRAFT_07);
    schema.put("title", title);
    schema.put("description", description);
    return schema;
  }

  private ObjectNode policyKey(String key) {
    return switch (key) {
      case "account" ->
          text(
              "The IBM Cloud account to audit, by its id. Default: the account of the API key; an"
                  + " account given to the tool itself overrides this one.");
      case "failOn" ->
          enumeration(
              "The lowest severity that fails the gate: critical, high, medium or low; never"
                  + " only reports. Default: "
                  + FailOn.DEFAULT.id()
                  + "; the tool's own fail-on setting overrides it.",
              failOnIds(),
              FailOn.DEFAULT.id());
      case "maxReportAgeHours" ->
          number(
              "A 'latest' activity report older than this many hours is refused."
                  + " Default: "
                  + Policy.DEFAULT_MAX_REPORT_AGE_HOURS
                  + ".",
              1,
              Policy.DEFAULT_MAX_REPORT_AGE_HOURS);
      case "allowlistMaxDays" ->
          number(
              "An allowlist entry may not expire more than this many days from today."
                  + " Default: "
                  + Policy.DEFAULT_ALLOWLIST_MAX_DAYS
                  + ".",
              1,
              Policy.DEFAULT_ALLOWLIST_MAX_DAYS);
      case "preset" ->
          enumeration(
              "A benchmark's settings as the starting point: the rules it names are turned on with"
                  + " its thresholds, and what rules: says about a rule overrides it setting by"
                  + " setting. "
                  + presets()
                  + ". Default: none.",
              Preset.allIds(),
              null);
      case "rules" -> ruleSettings();
      default -> throw undescribed("policy key", key);
    };
  }

  /**
   * "cis turns on apikey-inactive (maxDays 180), ...; fs-cloud turns on ...": what each preset sets
   * among the rules of this catalog (a preset may name rules a version does not have).
   */
  private String presets() {
    Set<String> ids = rules.stream().map(RuleDescriptor::id).collect(Collectors.toSet());
    StringJoiner text = new StringJoiner("; ");
    for (Preset preset : Preset.values()) {
      StringJoiner named = new StringJoiner(", ", preset.id() + " turns on ", "");
      preset
          .rules()
          .forEach(
              (rule, params) -> {
                if (!ids.contains(rule)) {
                  return;
                }
                StringJoiner settings = new StringJoiner(", ", " (", ")").setEmptyValue("");
                new TreeMap<>(params).forEach((name, value) -> settings.add(name + " " + value));
                named.add(rule + settings);
              });
      text.add(named.toString());
    }
    return text.toString();
  }

  private ObjectNode ruleSettings() {
    ObjectNode node = JSON.objectNode();
    node.put(
        "description",
        "Settings per rule, by rule id. A rule not listed keeps its defaults. Every rule takes"
            + " enabled and severity; some take thresholds.");
    node.set("type", strings(List.of("object", "null")));
    node.put("additionalProperties", false);
    ObjectNode properties = node.putObject("properties");
    rules.forEach(rule -> properties.set(rule.id(), ruleSetting(rule)));
    return node;
  }

  private static ObjectNode ruleSetting(RuleDescriptor rule) {
    RuleSpec spec = rule.spec();
    ObjectNode node = JSON.objectNode();
    node.put(
        "description",
        rule.title() + ". " + rule.description() + " Default: " + RuleText.defaults(spec) + ".");
    node.set("type", strings(List.of("object", "null")));
    node.put("additionalProperties", false);
    ObjectNode properties = node.putObject("properties");
    ObjectNode enabled = properties.putObject("enabled");
    enabled.put(
        "description",
        "false turns "
            + spec.id()
            + " off, true turns it on. Default: "
            + spec.enabledByDefault()
            + ".");
    enabled.put("type", "boolean");
    enabled.put("default", spec.enabledByDefault());
    properties.set(
        "severity",
        enumeration(
            "The severity of "
                + spec.id()
                + "'s findings: "
                + Severity.allIds()
                + ". Default: "
                + spec.defaultSeverity().id()
                + ".",
            severityIds(),
            spec.defaultSeverity().id()));
    for (Map.Entry<String, Long> param : RuleText.sortedParams(spec).entrySet()) {
      properties.set(
          param.getKey(),
          number(
              param.getKey()
                  + " of "
                  + spec.id()
                  + " ("
                  + rule.title()
                  + "): a"
                  + " whole number, at least 0. Default: "
                  + param.getValue()
                  + ".",
              0,
              param.getValue()));
    }
    return node;
  }

  private ObjectNode entryKey(String key) {
    return switch (key) {
      case "match" -> match();
      case "rules" -> {
        ObjectNode node = JSON.objectNode();
        node.put(
            "description",
            "The rules whose findings the entry accepts. Leave it out to accept every rule.");
        node.put("type", "array");
        node.put("minItems", 1);
        ObjectNode item = node.putObject("items");
        item.put("description", "A rule id.");
        item.set("enum", strings(rules.stream().map(RuleDescriptor::id).toList()));
        yield node;
      }
      case "reason" ->
          text("Why the finding is accepted, for whoever reviews the entry. Required.");
      case "owner" -> text("Who answers for the exception, e.g. a team's address. Optional.");
      case "expires" -> {
        ObjectNode node = JSON.objectNode();
        node.put(
            "description",
            "The last day the entry applies, as YYYY-MM-DD; after it the finding counts again."
                + " Required, and at most the policy's allowlistMaxDays from today.");
        node.put("type", "string");
        node.put("format", "date");
        node.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        yield node;
      }
      default -> throw undescribed("allowlist entry key", key);
    };
  }

  private static ObjectNode match() {
    ObjectNode node = JSON.objectNode();
    node.put(
        "description",
        "Which identities the entry accepts: give at least one field; every given field must"
            + " match.");
    node.put("type", "object");
    node.put("additionalProperties", false);
    node.put("minProperties", 1);
    ObjectNode properties = node.putObject("properties");
    for (String key : AllowlistLoader.MATCH_KEYS) {
      properties.set(
          key,
          switch (key) {
            case "id" ->
                text(
                    "The identity's id, exactly: ApiKey-..., ServiceId-..., Profile-..., a user's"
                        + " IAM id, or the account id. Each finding's message names it.");
            case "iamId" ->
                text(
                    "The IAM id, exactly: a user's, a service ID's or a trusted profile's; for an"
                        + " API key, that of the user or service ID it authenticates as.");
            case "name" ->
                text(
                    "The identity's name, as a glob: * is any run of characters, ? one character.");
            case "type" ->
                enumeration(
                    "The kind of identity: " + String.join(", ", typeIds()) + ".", typeIds(), null);
            default -> throw undescribed("allowlist match key", key);
          });
    }
    return node;
  }

  private static ObjectNode text(String description) {
    ObjectNode node = JSON.objectNode();
    node.put("description", description);
    node.put("type", "string");
    node.put("pattern", "\\S");
    return node;
  }

  private static ObjectNode number(String description, long minimum, long defaultValue) {
    ObjectNode node = JSON.objectNode();
    node.put("description", description);
    node.put("type", "integer");
    node.put("minimum", minimum);
    node.put("default", defaultValue);
    return node;
  }

  private static ObjectNode enumeration(String description, List<String> ids, String defaultValue) {
    ObjectNode node = JSON.objectNode();
    node.put("description", description);
    node.set("enum", strings(ids));
    if (defaultValue != null) {
      node.put("default", defaultValue);
    }
    return node;
  }

  private static List<String> severityIds() {
    return Arrays.stream(Severity.values()).map(Severity::id).toList();
  }

  private static List<String> failOnIds() {
    return Stream.concat(severityIds().stream(), Stream.of(FailOn.NEVER.id())).toList();
  }

  private static List<String> typeIds() {
    return Arrays.stream(IdentityType.values()).map(IdentityType::id).toList();
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /**
   * A key the loader accepts that no schema text describes yet: fail the build rather than ship a
   * gap.
   */
  private static IllegalStateException undescribed(String what, String key) {
    return new IllegalStateException(
        "The " + what + " '" + key + "' has no schema; describe it in " + Schemas.class.getName());
  }

  private static String print(ObjectNode schema) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
