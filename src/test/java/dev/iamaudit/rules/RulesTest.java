package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test
  void catalogHoldsTheDesignsRuleIdsInOrder() {
    assertEquals(
        List.of(
            "apikey-inactive",
            "apikey-never-used",
            "apikey-too-old",
            "apikey-orphaned",
            "apikey-leak-action-none",
            "apikey-high-usage",
            "user-multiple-apikeys",
            "user-inactive",
            "serviceid-inactive",
            "profile-inactive",
            "account-apikey-creation-unrestricted",
            "account-serviceid-creation-unrestricted",
            "account-mfa-disabled",
            "allowlist-expired",
            "allowlist-unused",
            "apikey-no-expiry",
            "user-mfa-exempt",
            "user-mfa-not-enrolled",
            "user-invitation-stale",
            "account-user-list-visible",
            "account-ip-allowlist-unset",
            "account-settings-drift",
            "identity-unmanaged"),
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
