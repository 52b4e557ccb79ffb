package dev.iamaudit.iam;

import java.time.Duration;

/** Waits between polls and retries; tests inject one that only records the waits. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
