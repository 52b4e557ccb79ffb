package dev.iamaudit.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How bad a finding is, most severe first. The lower-case names appear in files and reports. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  // Reports ask for it once per finding; computing it each time allocated more than the findings
  // themselves.
  private final String id = name().toLowerCase(Locale.ROOT);

  public String id() {
    return id;
  }

  /** True when this severity is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Severity fromId(String id) {
    for (Severity severity : values()) {
      if (severity.id().equals(id)) {
        return severity;
      }
    }
    throw new IllegalArgumentException(id);
  }

  public static String allIds() {
    return Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", "));
  }
}
