package dev.iamaudit.inventory;

import java.util.Locale;

/** The kinds of entity a finding can be about; the lower-case name is part of the JSON contract. */
public enum IdentityType {
  USER,
  APIKEY,
  SERVICEID,
  PROFILE,
  ACCOUNT;

  // Reports ask for it once per finding; computing it each time allocated more than the findings
  // themselves.
  private final String id = name().toLowerCase(Locale.ROOT);

  public String id() {
    return id;
  }

  public static IdentityType fromId(String id) {
    for (IdentityType type : values()) {
      if (type.id().equals(id)) {
        return type;
      }
    }
    throw new IllegalArgumentException(id);
  }
}
