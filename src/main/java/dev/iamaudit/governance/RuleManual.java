package dev.iamaudit.governance;

import dev.iamaudit.AuditRequest;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.policy.Nodes;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.rules.Compliance;
import dev.iamaudit.rules.RuleDescriptor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rules documented by the tool itself: a table of them all, or one explained with its snippets.
 */
public final class RuleManual {
  private static final int WIDTH = 100;

  private final List<RuleDescriptor> rules;
  private final LocalDate today;

  /**
   * @param rules the catalog, in the order the table lists it
   * @param today the day the allowlist snippet's expiry is counted from
   */
  public RuleManual(List<RuleDescriptor> rules, LocalDate today) {
    this.rules = List.copyOf(rules);
    this.today = today;
  }

  /**
   * One line per rule: id, default severity, on or off by default, parameters with defaults, the
   * data it needs, and the published controls it gives evidence for.
   */
  public String list() {
    List<Function<RuleDescriptor, String>> columns =
        List.of(
            RuleDescriptor::id,
            rule -> rule.spec().defaultSeverity().id(),
            rule -> rule.spec().enabledByDefault() ? "on" : "off",
            rule -> RuleText.params(rule.spec()),
            RuleText::data,
            RuleText::compliance);
    List<String> headers =
        List.of("RULE", "SEVERITY", "DEFAULT", "PARAMETERS", "DATA", "COMPLIANCE");
    List<Integer> widths = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Function<RuleDescriptor, String> column = columns.get(i);
      widths.add(
          Math.max(
              headers.get(i).length(),
              rules.stream().map(column).mapToInt(String::length).max().orElse(0)));
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, headers, widths);
    for (RuleDescriptor rule : rules) {
      appendRow(out, columns.stream().map(column -> column.apply(rule)).toList(), widths);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> cells, List<Integer> widths) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(cells.get(i));
      if (i < cells.size() - 1) {
        out.append(" ".repeat(widths.get(i) - cells.get(i).length() + 2));
      }
    }
    out.append('\n');
  }

  /**
   * What the rule finds and why, what to do about a finding, its defaults and data, and the
   * snippets that configure it and accept one of its findings.
   *
   * @throws UsageException for an id the catalog does not hold, naming the closest one
   */
  public String explain(String id) {
    RuleDescriptor rule =
        rules.stream()
            .filter(candidate -> candidate.id().equals(id))
            .findFirst()
            .orElseThrow(() -> unknown(id));
    RuleSpec spec = rule.spec();
    StringBuilder out = new StringBuilder();
    out.append(rule.id()).append(": ").append(rule.title()).append("\n\n");
    out.append("Default:    ")
        .append(spec.enabledByDefault() ? "on" : "off")
        .append(", severity ")
        .append(spec.defaultSeverity().id())
        .append('\n');
    out.append("Parameters: ").append(RuleText.params(spec)).append('\n');
    out.append("Data:       ").append(RuleText.data(rule)).append('\n');
    out.append("Compliance:").append(rule.compliance().isEmpty() ? " none\n" : "\n");
    for (Compliance control : rule.compliance()) {
      out.append("  ")
          .append(control.framework().title())
          .append(' ')
          .append(control.framework().version())
          .append(", ")
          .append(control.id())
          .append(": ")
          .append(control.title())
          .append('\n');
    }
    out.append('\n');
    out.append("What it finds:\n")
        .append(RuleText.wrap(rule.description(), WIDTH, "  "))
        .append('\n');
    out.append("What to do:\n").append(RuleText.wrap(rule.remedy(), WIDTH, "  ")).append('\n');
    out.append("Configure it in ")
        .append(AuditRequest.DEFAULT_POLICY)
        .append(" (these are the defaults):\n");
    out.append("  rules:\n");
    out.append("    ")
        .append(rule.id())
        .append(": ")
        .append(RuleText.policyValue(spec))
        .append("\n\n");
    out.append("Accept one of its findings in ")
        .append(AuditRequest.DEFAULT_ALLOWLIST)
        .append(" (each finding's message names the id to match):\n");
    out.append("  - match: { id: ID-FROM-THE-FINDING }\n");
    out.append("    rules: [").append(rule.id()).append("]\n");
    out.append("    reason: \"Why this finding is accepted\"\n");
    out.append("    owner: team@example.com\n");
    out.append("    expires: ").append(today.plusDays(RuleText.EXAMPLE_EXPIRY_DAYS)).append('\n');
    return out.toString();
  }

  private UsageException unknown(String id) {
    List<String> ids = rules.stream().map(RuleDescriptor::id).toList();
    return new UsageException(
        "unknown rule '"
            + id
            + "'"
            + Nodes.suggestion(id, ids)
            + "; known rules: "
            + String.join(", ", ids));
  }
}
