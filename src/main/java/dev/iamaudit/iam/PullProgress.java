package dev.iamaudit.iam;

import dev.iamaudit.Counted;
import dev.iamaudit.audit.AuditListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a pull has fetched so far and tells the listener at most once every {@link #EVERY},
 * so a pull of many pages shows it is moving; one that ends within the first interval says nothing.
 */
final class PullProgress {
  static final Duration EVERY = Duration.ofSeconds(1);

  private final Clock clock;
  private final AuditListener listener;
  private final Instant start;
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicLong identities = new AtomicLong();
  private final AtomicLong activities = new AtomicLong();
  private Instant due;

  PullProgress(Clock clock, AuditListener listener) {
    this.clock = clock;
    this.listener = listener;
    this.start = clock.instant();
    this.due = start.plus(EVERY);
  }

  /** A listing page of {@code items} identities came in. */
  void pageFetched(int items) {
    pages.incrementAndGet();
    identities.addAndGet(items);
    tell();
  }

  /** One key's activity details came in. */
  void activityFetched() {
    activities.incrementAndGet();
    tell();
  }

  /** How long since the pull started. */
  Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  private void tell() {
    Instant now = clock.instant();
    synchronized (this) {
      if (now.isBefore(due)) {
        return;
      }
      due = now.plus(EVERY);
    }
    listener.progress(status());
  }

  /** "Fetched so far: 412 pages, 41,200 identities, the activity details of 9,000 API keys". */
  String status() {
    int p = pages.get();
    long a = activities.get();
    List<String> parts = new ArrayList<>();
    if (p > 0) {
      parts.add(Counted.of(p, "page"));
      parts.add(Counted.of(identities.get(), "identity", "identities"));
    }
    if (a > 0) {
      parts.add("the activity details of " + Counted.of(a, "API key"));
    }
    return "Fetched so far: " + String.join(", ", parts);
  }
}
