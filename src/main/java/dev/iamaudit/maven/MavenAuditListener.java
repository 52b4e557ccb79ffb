package dev.iamaudit.maven;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.WaitThrottle;
import java.time.Clock;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's progress, in Maven's log. A build log is no terminal, so a long wait or a long fetch
 * shows as a plain line at most every 15 seconds.
 */
final class MavenAuditListener implements AuditListener {
  private final Log log;
  private final WaitThrottle waits;

  MavenAuditListener(Log log, Clock clock) {
    this.log = log;
    this.waits = new WaitThrottle(clock);
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
  public void waiting(String what, Duration elapsed, int attempt) {
    if (waits.due()) {
      log.info("Waiting for " + what + ": " + elapsed.toSeconds() + " s, attempt " + attempt);
    }
  }

  @Override
  public void progress(String status) {
    if (waits.due()) {
      log.info(status);
    }
  }
}
