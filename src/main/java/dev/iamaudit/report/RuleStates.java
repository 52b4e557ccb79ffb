package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.RuleEvaluation;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.RuleDescriptor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How each rule was configured and fared in one run, for the writers that describe every rule. */
final class RuleStates {
  private final AuditResult result;
  private final Map<String, RuleEvaluation> evaluations = new LinkedHashMap<>();

  RuleStates(AuditResult result) {
    this.result = result;
    result.evaluations().forEach(evaluation -> evaluations.put(evaluation.rule().id(), evaluation));
  }

  /** The rule's effective settings; a rule the engine did not run keeps its defaults. */
  RuleConfig config(RuleDescriptor rule) {
    RuleEvaluation evaluation = evaluations.get(rule.id());
    if (evaluation != null) {
      return evaluation.config();
    }
    return result.policy().rules().getOrDefault(rule.id(), rule.spec().defaults());
  }

  /** The rule's state, or null when the engine did not run it at all. */
  RuleEvaluation evaluation(String ruleId) {
    return evaluations.get(ruleId);
  }

  /** "evaluated", "not-evaluated", "disabled", or "not run". */
  String state(String ruleId) {
    RuleEvaluation evaluation = evaluations.get(ruleId);
    return evaluation == null ? "not run" : stateId(evaluation.state());
  }

  static String stateId(RuleEvaluation.State state) {
    return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** "maxDays=90, graceDays=30", or "none". */
  static String params(RuleConfig config) {
    return config.params().isEmpty()
        ? "none"
        : config.params().entrySet().stream()
            .map(param -> param.getKey() + "=" + param.getValue())
            .collect(Collectors.joining(", "));
  }
}
