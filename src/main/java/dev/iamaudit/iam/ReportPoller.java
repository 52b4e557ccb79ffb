package dev.iamaudit.iam;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Waits for a report IAM builds on request, the activity report and the MFA enrollment report
 * alike: a GET answers 204 while the report is being built and 200 once it is. The next poll comes
 * after a tenth of the time waited so far, at least 2 and at most 15 seconds apart, for at most the
 * report timeout: a report is fetched within 10% (or 2 s) of being built, with about as few polls
 * as a doubling back-off would make.
 */
final class ReportPoller {
  private static final Duration SHORTEST_POLL = Duration.ofSeconds(2);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(15);

  private final IamHttp http;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AuditListener listener;

  ReportPoller(
      IamHttp http, Duration timeout, Clock clock, Sleeper sleeper, AuditListener listener) {
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /**
   * GETs {@code url} until IAM has built the report.
   *
   * @param what the report as messages name it: "report r-1", "MFA report r-2"
   * @param built reads the report from the 200 answer
   * @param notFound what a 404 means for this report
   * @param otherwise the error for any other answer
   * @param timeoutAdvice what to do when IAM takes longer than the timeout
   */
  <T> T poll(
      HttpUrl url,
      String what,
      IamHttp.Handler<T> built,
      Supplier<RuntimeException> notFound,
      IamHttp.Handler<RuntimeException> otherwise,
      String timeoutAdvice) {
    Request get = new Request.Builder().url(url).header("Accept", "application/json").build();
    Instant start = clock.instant();
    for (int attempt = 1; ; attempt++) {
      Optional<T> fetched =
          http.send(
              get,
              (response, exchange) ->
                  switch (response.code()) {
                    case 200 -> Optional.of(built.handle(response, exchange));
                    case 204 -> Optional.empty();
                    case 404 -> throw notFound.get();
                    default -> throw otherwise.handle(response, exchange);
                  });
      if (fetched.isPresent()) {
        return fetched.get();
      }
      Duration elapsed = Duration.between(start, clock.instant());
      if (elapsed.compareTo(timeout) >= 0) {
        throw new DataException(
            "Timed out after "
                + human(timeout)
                + " waiting for IAM to build "
                + what
                + "; "
                + timeoutAdvice);
      }
      listener.waiting("IAM to build " + what, elapsed, attempt);
      Duration wait = min(max(elapsed.dividedBy(10), SHORTEST_POLL), LONGEST_POLL);
      sleep(min(wait, timeout.minus(elapsed)), what);
    }
  }

  private void sleep(Duration duration, String what) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("Interrupted while waiting for IAM to build " + what, e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** "10m", "90s", "1h": how a report timeout is written. */
  static String human(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
