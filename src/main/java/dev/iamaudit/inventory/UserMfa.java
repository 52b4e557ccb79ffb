package dev.iamaudit.inventory;

import java.util.Objects;

/**
 * One entry of the account's {@code user_mfa} list: a user whose MFA requirement differs from the
 * account's, as IBM's {@code AccountSettingsUserMfaResponse} has it. Name, user name and email come
 * only when IAM was asked to resolve them ({@code resolve_user_mfa=true}).
 */
public record UserMfa(String iamId, String mfa, String name, String userName, String email) {
  public UserMfa {
    Objects.requireNonNull(iamId, "iamId");
    Objects.requireNonNull(mfa, "mfa");
  }
}
