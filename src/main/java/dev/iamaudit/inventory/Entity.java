package dev.iamaudit.inventory;

import java.util.Objects;

/**
 * What a finding is about, as shown in every report. A user's {@code id} is its IAM id; {@code
 * iamId} and {@code name} may be null where IBM does not return them.
 */
public record Entity(IdentityType type, String id, String iamId, String name) {
  public Entity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  /** The account itself, which account-wide findings are about. */
  public static Entity account(String accountId) {
    return new Entity(IdentityType.ACCOUNT, accountId, null, null);
  }

  /** "API key 'ci-deployer' (ApiKey-1234)", the way every message names an identity. */
  public String describe() {
    return describeTo(new StringBuilder(64)).toString();
  }

  /** {@link #describe()} appended to {@code out}, for messages written in place. */
  public StringBuilder describeTo(StringBuilder out) {
    String kind =
        switch (type) {
          case USER -> "User";
          case APIKEY -> "API key";
          case SERVICEID -> "Service ID";
          case PROFILE -> "Trusted profile";
          case ACCOUNT -> "Account";
        };
    out.append(kind);
    return name == null || name.isEmpty()
        ? out.append(' ').append(id)
        : out.append(" '").append(name).append("' (").append(id).append(')');
  }
}
