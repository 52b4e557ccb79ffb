package dev.iamaudit.maven;

import dev.iamaudit.audit.AuditListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's progress, in Maven's log. A build log is no terminal, so a long wait shows as a plain line at most
 * every 15 seconds.
 */
final class MavenAuditListener implements AuditListener {
  static final Duration WAIT_INTERVAL = Duration.ofSeconds(15);

  private final Log log;
  private final Clock clock;
  private Instant lastWaitLine;

  MavenAuditListener(Log log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public synchronized void waiting(String what, Duration elapsed, int attempt) {
    Instant now = clock.instant();
    if (lastWaitLine != null && Duration.between(lastWaitLine, now).compareTo(WAIT_INTERVAL) < 0) {
      return;
    }
    lastWaitLine = now;
    log.info("Waiting for " + what + ": " + elapsed.toSeconds() + " s, attempt " + attempt);
  }
}
