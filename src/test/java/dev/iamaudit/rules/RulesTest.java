package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test
  void catalogHoldsTheDesignsRuleIdsInOrder() {
    assertEquals(List.of("apikey-inactive", "apikey-never-used", "apikey-too-old", "apikey-orphaned",
        "apikey-leak-action-none", "apikey-high-usage", "user-multiple-apikeys", "user-inactive",
        "serviceid-inactive", "profile-inactive", "account-apikey-creation-unrestricted",
        "account-serviceid-creation-unrestricted", "account-mfa-disabled", "account-settings-drift",
        "identity-unmanaged", "allowlist-expired", "allowlist-unused"),
        Rules.all().stream().map(RuleDescriptor::id).toList());
  }

  @Test
  void eachClassIsNamedAfterItsId() {
    for (RuleDescriptor rule : Rules.all()) {
      StringBuilder camel = new StringBuilder();
      for (String part : rule.id().split("-")) {
        camel.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
      assertEquals(camel.toString(), rule.getClass().getSimpleName());
    }
  }
}
