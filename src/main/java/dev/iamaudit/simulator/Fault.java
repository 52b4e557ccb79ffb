package dev.iamaudit.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One failure the simulator injects: an HTTP 429 with {@code Retry-After}, a server error, or a
 * well-formed status with a truncated JSON body. It applies to requests whose path starts with
 * {@code pathPrefix}, counted per fault: every one, every {@code n}th, or the first {@code n}.
 *
 * @param status 429 or 500 to 599 for {@link Kind#STATUS}; 0 for {@link Kind#MALFORMED}
 * @param retryAfterSeconds the {@code Retry-After} header of a 429
 */
public record Fault(
    Kind kind, int status, Trigger trigger, int n, String pathPrefix, int retryAfterSeconds) {
  /** The syntax {@link #parseAll} reads, for help texts. */
  public static final String SYNTAX =
      "comma-separated faults KIND[:OPTION]..., KIND one of 429, 5xx (503), 500-599, malformed"
          + " (truncated JSON body); OPTION one of every=N, first=N (default: every request),"
          + " retry-after=SECONDS (429 only, default 1), /PATH-PREFIX (default: all paths); e.g."
          + " 429:every=10,5xx:first=2,malformed:/v1/apikeys";

  public enum Kind {
    STATUS,
    MALFORMED
  }

  public enum Trigger {
    ALWAYS,
    EVERY,
    FIRST
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    if (kind == Kind.STATUS && status != 429 && (status < 500 || status > 599)) {
      throw new IllegalArgumentException(
          "a fault's status must be 429 or 500 to 599, not " + status);
    }
    if (trigger != Trigger.ALWAYS && n < 1) {
      throw new IllegalArgumentException("every= and first= need a count of at least 1, not " + n);
    }
    if (!pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException("a path prefix starts with '/', not '" + pathPrefix + "'");
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException(
          "retry-after must not be negative, not " + retryAfterSeconds);
    }
  }

  /** Whether the {@code count}th request matching the path prefix (counting from 1) fails. */
  boolean firesOn(long count) {
    return switch (trigger) {
      case ALWAYS -> true;
      case EVERY -> count % n == 0;
      case FIRST -> count <= n;
    };
  }

  boolean appliesTo(String path) {
    return path.startsWith(pathPrefix);
  }

  /**
   * Reads {@link #SYNTAX}, e.g. {@code 429:every=10,5xx:first=2,malformed:/v1/apikeys}.
   *
   * @throws IllegalArgumentException with a one-line message naming the bad part
   */
  public static List<Fault> parseAll(String spec) {
    List<Fault> faults = new ArrayList<>();
    for (String part : spec.split(",")) {
      if (!part.isBlank()) {
        faults.add(parse(part.trim()));
      }
    }
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("no fault given in '" + spec + "'; " + SYNTAX);
    }
    return faults;
  }

  private static Fault parse(String text) {
    String[] parts = text.split(":");
    Kind kind = Kind.STATUS;
    int status;
    switch (parts[0].toLowerCase(Locale.ROOT)) {
      case "malformed" -> {
        kind = Kind.MALFORMED;
        status = 0;
      }
      case "5xx" -> status = 503;
      default -> {
        if (!parts[0].matches("\\d{3}")) {
          throw new IllegalArgumentException(
              "unknown fault '" + parts[0] + "' in '" + text + "'; " + SYNTAX);
        }
        status = Integer.parseInt(parts[0]);
      }
    }
    Trigger trigger = Trigger.ALWAYS;
    int n = 0;
    String prefix = "/";
    int retryAfter = 1;
    for (int i = 1; i < parts.length; i++) {
      String option = parts[i];
      if (option.startsWith("/")) {
        prefix = option;
      } else if (option.startsWith("every=")) {
        trigger = Trigger.EVERY;
        n = number(option.substring(6), text);
      } else if (option.startsWith("first=")) {
        trigger = Trigger.FIRST;
        n = number(option.substring(6), text);
      } else if (option.startsWith("retry-after=") && status == 429) {
        retryAfter = number(option.substring(12), text);
      } else {
        throw new IllegalArgumentException(
            "unknown option '" + option + "' in fault '" + text + "'; " + SYNTAX);
      }
    }
    try {
      return new Fault(kind, status, trigger, n, prefix, retryAfter);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fault '" + text + "': " + e.getMessage() + "; " + SYNTAX, e);
    }
  }

  private static int number(String value, String fault) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' in fault '" + fault + "' is not a number; " + SYNTAX, e);
    }
  }
}
