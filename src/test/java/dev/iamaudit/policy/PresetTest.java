package dev.iamaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.rules.Compliance;
import dev.iamaudit.rules.Compliance.Framework;
import dev.iamaudit.rules.ComplianceCatalog;
import dev.iamaudit.rules.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PresetTest {
  private static Set<String> rulesMappedTo(Framework framework) {
    return ComplianceCatalog.ruleIds().stream()
        .filter(
            id ->
                ComplianceCatalog.of(id).stream()
                    .map(Compliance::framework)
                    .anyMatch(framework::equals))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void cisEnablesExactlyTheRulesMappedToTheBenchmark() {
    assertEquals(
        rulesMappedTo(Framework.CIS_IBM_CLOUD), new TreeSet<>(Preset.CIS.rules().keySet()));
  }

  @Test
  void fsCloudEnablesExactlyTheRulesMappedToTheFramework() {
    assertEquals(
        rulesMappedTo(Framework.FS_CLOUD), new TreeSet<>(Preset.FS_CLOUD.rules().keySet()));
  }

  @Test
  void everyParameterAPresetSetsIsDeclaredByItsRule() {
    Map<String, RuleSpec> specs = new LinkedHashMap<>();
    Rules.specs().forEach(spec -> specs.put(spec.id(), spec));
    for (Preset preset : Preset.values()) {
      preset
          .rules()
          .forEach(
              (ruleId, params) -> {
                if (specs.containsKey(ruleId)) {
                  assertTrue(
                      specs.get(ruleId).params().keySet().containsAll(params.keySet()),
                      preset.id() + " " + ruleId);
                }
              });
    }
  }

  @Test
  void aParameterTheRuleDoesNotDeclareIsAProgrammingError() {
    RuleSpec renamed = new RuleSpec("apikey-too-old", Severity.MEDIUM, true, Map.of("days", 365L));
    Map<String, RuleConfig> rules =
        new LinkedHashMap<>(Map.of("apikey-too-old", renamed.defaults()));
    assertEquals(
        "preset cis sets maxDays, which rule apikey-too-old does not declare",
        assertThrows(
                IllegalStateException.class,
                () ->
                    Preset.CIS.apply(
                        rules,
                        Map.of("apikey-too-old", renamed),
                        new FilePosition("iam-audit.yml", 1, 1)))
            .getMessage());
  }

  @Test
  void idsAreWhatThePolicyFileSays() {
    assertEquals(List.of("cis", "fs-cloud"), Preset.allIds());
    assertEquals(Preset.FS_CLOUD, Preset.byId("fs-cloud"));
    assertNull(Preset.byId("fs_cloud"));
  }
}
