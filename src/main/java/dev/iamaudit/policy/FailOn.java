package dev.iamaudit.policy;

import java.util.Optional;

/** The gate's threshold: the lowest severity that fails it, or never. */
public record FailOn(Optional<Severity> lowest) {
  public static final FailOn NEVER = new FailOn(Optional.empty());
  public static final FailOn DEFAULT = new FailOn(Optional.of(Severity.MEDIUM));

  public FailOn {
    lowest = lowest == null ? Optional.empty() : lowest;
  }

  public static FailOn of(Severity severity) {
    return new FailOn(Optional.of(severity));
  }

  /**
   * @throws IllegalArgumentException for anything but a severity id or {@code never}
   */
  public static FailOn parse(String text) {
    return "never".equals(text) ? NEVER : of(Severity.fromId(text));
  }

  public boolean fails(Severity severity) {
    return lowest.isPresent() && severity.atLeast(lowest.get());
  }

  public String id() {
    return lowest.map(Severity::id).orElse("never");
  }

  public static String allIds() {
    return Severity.allIds() + ", never";
  }
}
