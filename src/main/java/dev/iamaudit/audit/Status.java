package dev.iamaudit.audit;

import java.util.Locale;

/** Whether a finding counts against the gate or was accepted by an allowlist entry. */
public enum Status {
  VIOLATION,
  ALLOWLISTED;

  // Reports ask for it once per finding; computing it each time allocated more than the findings
  // themselves.
  private final String id = name().toLowerCase(Locale.ROOT);

  public String id() {
    return id;
  }
}
