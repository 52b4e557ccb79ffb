package dev.iamaudit.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account's identity settings that rules look at, as IBM returns them ({@code RESTRICTED},
 * {@code NOT_RESTRICTED}, {@code NOT_SET}; MFA {@code NONE}, {@code NONE_NO_ROPC}, {@code TOTP},
 * ...). They are the settings in force ({@code effective}: the stricter of the account's own and
 * its enterprise settings template's), unless IAM would not show those: then {@code origin} says
 * so.
 *
 * @param allowedIpAddresses the addresses and subnets IAM tokens may be created from; empty for
 *     anywhere
 * @param userMfa the users whose MFA requirement differs from the account's
 */
public record AccountSettings(
    String accountId,
    String restrictCreateServiceId,
    String restrictCreatePlatformApikey,
    String mfa,
    String restrictUserListVisibility,
    String allowedIpAddresses,
    List<UserMfa> userMfa,
    Origin origin) {

  /**
   * Where the values come from.
   *
   * @param own the account's own values by IBM's field name, when they were read besides the
   *     effective ones
   * @param templates the enterprise settings templates assigned to the account
   * @param fallback null when the values are the effective ones; else why they are only the
   *     account's own
   */
  public record Origin(Map<String, String> own, List<SettingsTemplate> templates, String fallback) {
    /** The values as read, nothing known beyond them. */
    public static final Origin PLAIN = new Origin(Map.of(), List.of(), null);

    public Origin {
      own = Map.copyOf(own);
      templates = List.copyOf(templates);
    }

    /** The account's own values only, because the effective ones could not be read. */
    public static Origin fallback(String reason) {
      return new Origin(Map.of(), List.of(), Objects.requireNonNull(reason, "reason"));
    }
  }

  public AccountSettings {
    Objects.requireNonNull(accountId, "accountId");
    userMfa = List.copyOf(userMfa);
    Objects.requireNonNull(origin, "origin");
  }

  /** The settings that rules of old read, with nothing known of the rest. */
  public AccountSettings(
      String accountId,
      String restrictCreateServiceId,
      String restrictCreatePlatformApikey,
      String mfa) {
    this(
        accountId,
        restrictCreateServiceId,
        restrictCreatePlatformApikey,
        mfa,
        null,
        null,
        List.of(),
        Origin.PLAIN);
  }

  /** True for {@code NONE} and {@code NONE_NO_ROPC}: IBM's two values for "no MFA". */
  public static boolean noMfa(String mfa) {
    return mfa == null || "NONE".equals(mfa) || "NONE_NO_ROPC".equals(mfa);
  }
}
