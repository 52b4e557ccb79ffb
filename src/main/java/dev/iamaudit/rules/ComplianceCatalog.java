package dev.iamaudit.rules;

import dev.iamaudit.rules.Compliance.Framework;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which published controls each rule gives evidence for, keyed by rule id so that rule classes stay
 * free of it and rules not written yet already have their entry. Every mapping is taken from a text
 * that was read (the README's "Compliance" section lists them); a rule no text covers maps to
 * nothing rather than to a guess.
 */
public final class ComplianceCatalog {
  private static final Compliance CIS_1_2 =
      cis("1.2", "Ensure API keys unused for 180 days are detected and optionally disabled");
  private static final Compliance CIS_1_3 = cis("1.3", "Ensure API keys are rotated every 90 days");
  private static final Compliance CIS_1_4 =
      cis(
          "1.4",
          "Restrict user API key creation and service ID creation in the account via IAM roles");
  private static final Compliance CIS_1_7 =
      cis("1.7", "Ensure multi-factor authentication (MFA) is enabled for all users in account");
  private static final Compliance CIS_1_9 =
      cis("1.9", "Ensure multi-factor authentication (MFA) is enabled at the account level");
  // The benchmark's own wording, "Suspend" included, so that the title can be searched for in its
  // text.
  private static final Compliance CIS_1_17 =
      cis("1.17", "Ensure Inactive User Accounts are Suspend");

  private static final Compliance AC_2 = fsCloud("AC-2", "Account Management");
  private static final Compliance AC_2_3 = fsCloud("AC-2(3)", "Disable Accounts");
  private static final Compliance AC_3 = fsCloud("AC-3", "Access Enforcement");
  private static final Compliance AC_5 = fsCloud("AC-5", "Separation of Duties");
  private static final Compliance AC_6 = fsCloud("AC-6", "Least Privilege");
  private static final Compliance IA_2_1 =
      fsCloud("IA-2(1)", "Multi-factor Authentication to Privileged Accounts");
  private static final Compliance IA_2_2 =
      fsCloud("IA-2(2)", "Multi-factor Authentication to Non-privileged Accounts");
  private static final Compliance IA_3 =
      fsCloud("IA-3", "Device Identification and Authentication");
  private static final Compliance IA_5 = fsCloud("IA-5", "Authenticator Management");
  private static final Compliance IA_7 = fsCloud("IA-7", "Cryptographic Module Authentication");
  private static final Compliance SC_7 = fsCloud("SC-7", "Boundary Protection");
  private static final Compliance SC_7_5 =
      fsCloud("SC-7(5)", "Deny by Default \u2014 Allow by Exception");

  private static final Map<String, List<Compliance>> BY_RULE = catalog();

  private ComplianceCatalog() {}

  private static Map<String, List<Compliance>> catalog() {
    Map<String, List<Compliance>> rules = new LinkedHashMap<>();
    rules.put("apikey-inactive", List.of(CIS_1_2));
    rules.put("apikey-never-used", List.of(CIS_1_2));
    // FS Cloud IA-5(f): refresh system-to-system authenticators every 365 days.
    rules.put("apikey-too-old", List.of(CIS_1_3, IA_5));
    rules.put("apikey-orphaned", List.of());
    rules.put("apikey-leak-action-none", List.of());
    rules.put("apikey-high-usage", List.of());
    rules.put("user-multiple-apikeys", List.of());
    // FS Cloud AC-2(3)(d): disable accounts inactive for 90 days.
    rules.put("user-inactive", List.of(CIS_1_17, AC_2_3));
    rules.put("serviceid-inactive", List.of());
    rules.put("profile-inactive", List.of());
    // The FS Cloud controls of the account settings rules are those IBM's Security and Compliance
    // Center lists for
    // the same check in its IBM Cloud for Financial Services profile.
    rules.put("account-apikey-creation-unrestricted", List.of(CIS_1_4, AC_2, AC_3, AC_5, AC_6));
    rules.put("account-serviceid-creation-unrestricted", List.of(CIS_1_4, AC_3, AC_6));
    // CIS 1.7's audit procedure checks the same account setting as 1.9: MFA must not be None.
    rules.put("account-mfa-disabled", List.of(CIS_1_7, CIS_1_9, IA_2_1, IA_2_2, IA_7));
    rules.put("allowlist-expired", List.of());
    rules.put("allowlist-unused", List.of());
    rules.put("apikey-no-expiry", List.of());
    rules.put("user-mfa-exempt", List.of(CIS_1_7, IA_2_1, IA_2_2));
    rules.put("user-mfa-not-enrolled", List.of(CIS_1_7, IA_2_1, IA_2_2));
    rules.put("user-invitation-stale", List.of());
    rules.put("account-user-list-visible", List.of(AC_3, AC_6));
    rules.put("account-ip-allowlist-unset", List.of(IA_3, SC_7, SC_7_5));
    rules.put("account-settings-drift", List.of());
    rules.put("identity-unmanaged", List.of());
    return Map.copyOf(rules);
  }

  /**
   * The controls {@code ruleId} gives evidence for, in catalog order; empty for a rule no text
   * covers.
   */
  public static List<Compliance> of(String ruleId) {
    return BY_RULE.getOrDefault(ruleId, List.of());
  }

  /** Every rule id the catalog has an entry for, mapped or deliberately empty. */
  public static Set<String> ruleIds() {
    return BY_RULE.keySet();
  }

  private static Compliance cis(String id, String title) {
    return new Compliance(Framework.CIS_IBM_CLOUD, id, title);
  }

  private static Compliance fsCloud(String id, String title) {
    return new Compliance(Framework.FS_CLOUD, id, title);
  }
}
