package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Entity;

/** The exact IBM Cloud CLI commands and allowlist entries that finding messages offer as fixes. */
final class Remedies {
  private Remedies() {}

  static String deleteKey(ApiKey key) {
    if (key.ownerType() == ApiKey.Owner.SERVICEID && key.ownerId() != null) {
      return "'ibmcloud iam service-api-key-delete " + key.id() + " " + key.ownerId() + "'";
    }
    return "'ibmcloud iam api-key-delete " + key.id() + "'";
  }

  /** The owner part of a key's description: " of user 'Jane' (IBMid-1)". */
  static String owner(ApiKey key) {
    String kind = key.ownerType() == ApiKey.Owner.USER ? "user" : "service ID";
    if (key.ownerId() == null) {
      return "";
    }
    return key.ownerName() == null || key.ownerName().isEmpty()
        ? " of " + kind + " " + key.ownerId()
        : " of " + kind + " '" + key.ownerName() + "' (" + key.ownerId() + ")";
  }

  /** "accept it in the allowlist with match: { id: ApiKey-1 }, rules: [apikey-inactive]". */
  static String allowlist(Entity entity, String ruleId) {
    return "or accept it in the allowlist with match: { id: " + entity.id() + " }, rules: [" + ruleId + "]";
  }
}
