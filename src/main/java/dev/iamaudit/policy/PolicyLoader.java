package dev.iamaudit.policy;

import dev.iamaudit.failure.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code iam-audit.yml} strictly: every key known, every value checked, each error at
 * file:line:column.
 */
public final class PolicyLoader {
  /**
   * The keys a policy may have at its top, in the order the starter file and the schema list them.
   */
  public static final List<String> TOP_KEYS =
      List.of("account", "failOn", "maxReportAgeHours", "allowlistMaxDays", "preset", "rules");

  private final Map<String, RuleSpec> specs = new LinkedHashMap<>();

  public PolicyLoader(Collection<RuleSpec> ruleSpecs) {
    ruleSpecs.forEach(spec -> specs.put(spec.id(), spec));
  }

  /**
   * @param file the policy file
   * @param displayName how messages name it (the path as the user gave it)
   */
  public Policy load(Path file, String displayName) {
    YamlNode root = new YamlReader(displayName).read(file);
    Policy defaults = Policy.defaults(specs.values());
    if (root == null) {
      return new Policy(
          null,
          defaults.failOn(),
          defaults.maxReportAgeHours(),
          defaults.allowlistMaxDays(),
          defaults.rules(),
          displayName);
    }
    YamlNode.Mapping top = Nodes.mapping(root, "the policy");
    Nodes.onlyKeys(top, TOP_KEYS, "the policy");
    Map<String, YamlNode.Entry> keys = top.asMap();
    String account =
        keys.containsKey("account") ? Nodes.text(keys.get("account").value(), "account") : null;
    FailOn failOn =
        keys.containsKey("failOn") ? failOn(keys.get("failOn").value()) : defaults.failOn();
    int maxAge =
        keys.containsKey("maxReportAgeHours")
            ? (int)
                Math.min(
                    Integer.MAX_VALUE,
                    Nodes.number(keys.get("maxReportAgeHours").value(), "maxReportAgeHours", 1))
            : defaults.maxReportAgeHours();
    int allowlistMaxDays =
        keys.containsKey("allowlistMaxDays")
            ? (int) Nodes.days(keys.get("allowlistMaxDays").value(), "allowlistMaxDays", 1)
            : defaults.allowlistMaxDays();
    Map<String, RuleConfig> rules = new LinkedHashMap<>(defaults.rules());
    Preset preset = keys.containsKey("preset") ? preset(keys.get("preset").value()) : null;
    if (preset != null) {
      preset.apply(rules, specs, keys.get("preset").keyPosition());
    }
    if (keys.containsKey("rules")) {
      YamlNode value = keys.get("rules").value();
      if (!(value instanceof YamlNode.Scalar scalar && scalar.text() == null)) {
        readRules(Nodes.mapping(value, "'rules'"), rules);
      }
    }
    return new Policy(account, failOn, maxAge, allowlistMaxDays, rules, displayName, preset);
  }

  private static FailOn failOn(YamlNode node) {
    String text = Nodes.text(node, "failOn");
    try {
      return FailOn.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          node.position()
              + ": failOn must be one of "
              + FailOn.allIds()
              + ", found '"
              + text
              + "'"
              + Nodes.caseHint(text, Stream.concat(severityIds(), Stream.of("never")).toList()));
    }
  }

  private static Preset preset(YamlNode node) {
    String text = Nodes.text(node, "preset");
    Preset preset = Preset.byId(text);
    if (preset == null) {
      throw new UsageException(
          node.position()
              + ": unknown preset '"
              + text
              + "'"
              + Nodes.suggestion(text, Preset.allIds())
              + "; known presets: "
              + String.join(", ", Preset.allIds()));
    }
    return preset;
  }

  private void readRules(YamlNode.Mapping rulesNode, Map<String, RuleConfig> rules) {
    for (YamlNode.Entry entry : rulesNode.asMap().values()) {
      RuleSpec spec = specs.get(entry.key());
      if (spec == null) {
        throw new UsageException(
            entry.keyPosition()
                + ": unknown rule '"
                + entry.key()
                + "'"
                + Nodes.suggestion(entry.key(), specs.keySet())
                + "; known rules: "
                + String.join(", ", specs.keySet()));
      }
      rules.put(spec.id(), readRule(spec, rules.get(spec.id()), entry));
    }
  }

  /**
   * Reads one rule's settings over {@code config}, its defaults or what the preset made of them.
   */
  private static RuleConfig readRule(RuleSpec spec, RuleConfig config, YamlNode.Entry entry) {
    if (entry.value() instanceof YamlNode.Scalar scalar && scalar.text() == null) {
      return new RuleConfig(
          spec.id(), config.enabled(), config.severity(), config.params(), entry.keyPosition());
    }
    YamlNode.Mapping node = Nodes.mapping(entry.value(), "rule " + spec.id());
    List<String> allowed = new ArrayList<>(List.of("enabled", "severity"));
    allowed.addAll(spec.params().keySet());
    Nodes.onlyKeys(node, allowed, "rule " + spec.id());
    boolean enabled = config.enabled();
    Severity severity = config.severity();
    Map<String, Long> params = new LinkedHashMap<>(config.params());
    for (YamlNode.Entry setting : node.asMap().values()) {
      switch (setting.key()) {
        case "enabled" -> enabled = Nodes.bool(setting.value(), "enabled");
        case "severity" -> severity = severity(setting.value());
        default ->
            params.put(
                setting.key(),
                setting.key().endsWith("Days")
                    ? Nodes.days(setting.value(), setting.key(), 0)
                    : Nodes.number(setting.value(), setting.key(), 0));
      }
    }
    return new RuleConfig(spec.id(), enabled, severity, params, entry.keyPosition());
  }

  private static Stream<String> severityIds() {
    return Arrays.stream(Severity.values()).map(Severity::id);
  }

  private static Severity severity(YamlNode node) {
    String text = Nodes.text(node, "severity");
    try {
      return Severity.fromId(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          node.position()
              + ": severity must be one of "
              + Severity.allIds()
              + ", found '"
              + text
              + "'"
              + Nodes.caseHint(text, severityIds().toList()));
    }
  }
}
