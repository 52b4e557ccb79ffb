package dev.iamaudit.iam;

import dev.iamaudit.audit.AuditListener;
import java.time.Duration;

/** Listings are fetched in parallel, and front ends' listeners need not be thread-safe. */
final class SynchronizedListener implements AuditListener {
  private final AuditListener delegate;

  SynchronizedListener(AuditListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void info(String message) {
    delegate.info(message);
  }

  @Override
  public synchronized void warn(String message) {
    delegate.warn(message);
  }

  @Override
  public synchronized void debug(String message) {
    delegate.debug(message);
  }

  @Override
  public synchronized void waiting(String what, Duration elapsed, int attempt) {
    delegate.waiting(what, elapsed, attempt);
  }

  @Override
  public synchronized void progress(String status) {
    delegate.progress(status);
  }
}
