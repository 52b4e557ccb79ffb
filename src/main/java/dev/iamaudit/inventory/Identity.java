package dev.iamaudit.inventory;

/** Any identity of the account that rules check and reports list. */
public sealed interface Identity permits User, ApiKey, ServiceId, Profile {
  Entity entity();

  Activity activity();
}
