package dev.iamaudit.inventory;

import java.util.Objects;

/**
 * The account's identity settings that rules look at, as IBM returns them ({@code RESTRICTED}, {@code NOT_RESTRICTED},
 * {@code NOT_SET}; MFA {@code NONE}, {@code TOTP}, ...).
 */
public record AccountSettings(
    String accountId, String restrictCreateServiceId, String restrictCreatePlatformApikey, String mfa) {
  public AccountSettings {
    Objects.requireNonNull(accountId, "accountId");
  }
}
