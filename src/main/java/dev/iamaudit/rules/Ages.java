package dev.iamaudit.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Whole days between two instants, and dates as messages show them (UTC). Rules and reports count alike. */
public final class Ages {
  private Ages() {}

  /** Completed days from {@code then} to {@code now}; an identity is over a threshold of N days from day N+1. */
  public static long days(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toDays());
  }

  static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /** "2026-05-06, 202 days ago". */
  static String ago(Instant then, Instant now) {
    long days = days(then, now);
    return date(then) + ", " + days + (days == 1 ? " day ago" : " days ago");
  }
}
