package dev.iamaudit.governance;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.rules.Compliance;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.RuleDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * How the starter policy, the schemas and the rules manual word a rule's defaults, the same way
 * everywhere.
 */
final class RuleText {
  /**
   * Days from today of the example allowlist entries' expiry: well inside the default
   * allowlistMaxDays.
   */
  static final int EXAMPLE_EXPIRY_DAYS = 90;

  private RuleText() {}

  /**
   * The rule's parameters sorted by name: a stable order whatever map the rule declared them in.
   */
  static SortedMap<String, Long> sortedParams(RuleSpec spec) {
    return new TreeMap<>(spec.params());
  }

  /** "on, severity high, maxDays 90". */
  static String defaults(RuleSpec spec) {
    StringJoiner text = new StringJoiner(", ");
    text.add(spec.enabledByDefault() ? "on" : "off").add("severity " + spec.defaultSeverity().id());
    sortedParams(spec).forEach((name, value) -> text.add(name + " " + value));
    return text.toString();
  }

  /** "graceDays: 30, maxDays: 90", or "none". */
  static String params(RuleSpec spec) {
    StringJoiner text = new StringJoiner(", ").setEmptyValue("none");
    sortedParams(spec).forEach((name, value) -> text.add(name + ": " + value));
    return text.toString();
  }

  /**
   * "{ enabled: true, severity: high, maxDays: 90 }": the rule's defaults as its line of the
   * policy.
   */
  static String policyValue(RuleSpec spec) {
    StringJoiner text = new StringJoiner(", ", "{ ", " }");
    text.add("enabled: " + spec.enabledByDefault()).add("severity: " + spec.defaultSeverity().id());
    sortedParams(spec).forEach((name, value) -> text.add(name + ": " + value));
    return text.toString();
  }

  /**
   * "the activity report, the API key listing": what the rule judges from. The allowlist's own
   * rules need no account data, only the allowlist.
   */
  static String data(RuleDescriptor rule) {
    if (!(rule instanceof Rule judging)) {
      return "the allowlist";
    }
    StringJoiner text = new StringJoiner(", ");
    for (DataSet data : DataSet.values()) {
      if (judging.needs().contains(data)) {
        text.add(data.description());
      }
    }
    return text.toString();
  }

  /**
   * "CIS-IBM-Cloud-1.1.0 1.7, 1.9; FS-Cloud IA-2(1), IA-7": the controls the rule gives evidence
   * for, by framework, or "none".
   */
  static String compliance(RuleDescriptor rule) {
    Map<Compliance.Framework, StringJoiner> byFramework = new LinkedHashMap<>();
    for (Compliance control : rule.compliance()) {
      byFramework
          .computeIfAbsent(
              control.framework(),
              framework -> new StringJoiner(", ", framework.tagPrefix() + " ", ""))
          .add(control.id());
    }
    StringJoiner text = new StringJoiner("; ").setEmptyValue("none");
    byFramework.values().forEach(controls -> text.add(controls.toString()));
    return text.toString();
  }

  /**
   * {@code text} broken into lines of at most {@code width} characters, each starting with {@code
   * indent}.
   */
  static String wrap(String text, int width, String indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return out.append(line).append('\n').toString();
  }
}
