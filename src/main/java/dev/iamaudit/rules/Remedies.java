package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Entity;

/** The exact IBM Cloud CLI commands and allowlist entries that finding messages offer as fixes. */
final class Remedies {
  private Remedies() {}

  /** "'ibmcloud iam api-key-delete ApiKey-1'", or the service ID form for a service ID's key. */
  static StringBuilder deleteKey(StringBuilder out, ApiKey key) {
    if (key.ownerType() == ApiKey.Owner.SERVICEID && key.ownerId() != null) {
      return out.append("'ibmcloud iam service-api-key-delete ").append(key.id()).append(' ').append(key.ownerId())
          .append('\'');
    }
    return out.append("'ibmcloud iam api-key-delete ").append(key.id()).append('\'');
  }

  /** The owner part of a key's description: " of user 'Jane' (IBMid-1)". */
  static StringBuilder owner(StringBuilder out, ApiKey key) {
    if (key.ownerId() == null) {
      return out;
    }
    out.append(key.ownerType() == ApiKey.Owner.USER ? " of user " : " of service ID ");
    return key.ownerName() == null || key.ownerName().isEmpty()
        ? out.append(key.ownerId())
        : out.append('\'').append(key.ownerName()).append("' (").append(key.ownerId()).append(')');
  }

  /** "or accept it in the allowlist with match: { id: ApiKey-1 }, rules: [apikey-inactive]". */
  static StringBuilder allowlist(StringBuilder out, Entity entity, String ruleId) {
    return out.append("or accept it in the allowlist with match: { id: ").append(entity.id()).append(" }, rules: [")
        .append(ruleId).append(']');
  }

  static String allowlist(Entity entity, String ruleId) {
    return allowlist(new StringBuilder(96), entity, ruleId).toString();
  }
}
