package dev.iamaudit.report;

import dev.iamaudit.rules.Compliance;
import java.util.List;
import java.util.stream.Collectors;

/** How the reports name the controls a rule gives evidence for, the same words in every format. */
final class ComplianceText {
  private ComplianceText() {}

  /**
   * "CIS IBM Cloud Foundations Benchmark 1.1.0, 1.3: Ensure API keys are rotated every 90 days".
   */
  static String full(Compliance control) {
    return control.framework().title()
        + " "
        + control.framework().version()
        + ", "
        + control.id()
        + ": "
        + control.title();
  }

  /** A sentence to append to a plain-text description, or "" when the rule maps to nothing. */
  static String sentence(List<Compliance> controls) {
    return controls.isEmpty()
        ? ""
        : " Gives evidence for "
            + controls.stream().map(ComplianceText::full).collect(Collectors.joining("; "))
            + ".";
  }

  /** A Markdown list to append to a Markdown description, or "" when the rule maps to nothing. */
  static String markdownList(List<Compliance> controls) {
    return controls.isEmpty()
        ? ""
        : "\n\n**Gives evidence for:**\n\n"
            + controls.stream()
                .map(control -> "- " + MarkdownText.cell(full(control)))
                .collect(Collectors.joining("\n"));
  }
}
