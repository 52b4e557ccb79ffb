package dev.iamaudit.audit;

import java.util.Locale;

/** Whether a finding counts against the gate or was accepted by an allowlist entry. */
public enum Status {
  VIOLATION,
  ALLOWLISTED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
