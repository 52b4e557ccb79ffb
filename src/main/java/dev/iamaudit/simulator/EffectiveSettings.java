package dev.iamaudit.simulator;

import java.util.List;
import java.util.function.Function;

/**
 * The identity settings in force in an account with enterprise settings templates: where a template
 * and the account both set a value, IBM applies the stricter. How IBM ranks values is not
 * documented beyond "stricter"; the simulator ranks RESTRICTED over NOT_RESTRICTED over NOT_SET,
 * MFA from NONE up to LEVEL3 in the order of IBM's list, a non-empty IP allowlist over none (a
 * template's over the account's), and keeps the account's own MFA exemptions (simulated templates
 * set none).
 */
record EffectiveSettings(
    String restrictCreateServiceId,
    String restrictCreatePlatformApikey,
    String mfa,
    String allowedIpAddresses,
    String restrictUserListVisibility,
    List<SimulatedAccount.UserMfa> userMfa) {
  private static final List<String> RESTRICTION =
      List.of("NOT_SET", "NOT_RESTRICTED", "RESTRICTED");
  private static final List<String> MFA =
      List.of("NONE", "NONE_NO_ROPC", "TOTP", "TOTP4ALL", "LEVEL1", "LEVEL2", "LEVEL3");

  static EffectiveSettings of(SimulatedAccount.Settings own) {
    List<SimulatedAccount.Template> templates = own.templates();
    String ips = own.allowedIpAddresses();
    for (SimulatedAccount.Template template : templates) {
      if (template.allowedIpAddresses() != null && !template.allowedIpAddresses().isBlank()) {
        ips = template.allowedIpAddresses();
      }
    }
    return new EffectiveSettings(
        strictest(
            own.restrictCreateServiceId(),
            templates,
            SimulatedAccount.Template::restrictCreateServiceId,
            RESTRICTION),
        strictest(
            own.restrictCreatePlatformApikey(),
            templates,
            SimulatedAccount.Template::restrictCreatePlatformApikey,
            RESTRICTION),
        strictest(own.mfa(), templates, SimulatedAccount.Template::mfa, MFA),
        ips,
        strictest(
            own.restrictUserListVisibility(),
            templates,
            SimulatedAccount.Template::restrictUserListVisibility,
            RESTRICTION),
        List.copyOf(own.userMfa()));
  }

  private static String strictest(
      String own,
      List<SimulatedAccount.Template> templates,
      Function<SimulatedAccount.Template, String> field,
      List<String> ranks) {
    String strictest = own;
    for (SimulatedAccount.Template template : templates) {
      String value = field.apply(template);
      if (value != null && ranks.indexOf(value) > ranks.indexOf(strictest)) {
        strictest = value;
      }
    }
    return strictest;
  }
}
