package dev.iamaudit.audit;

import java.time.Duration;

/**
 * How the core reports while it works; each front end adapts it to its console or log. Nothing
 * passed here ever holds an API key or a token.
 */
public interface AuditListener {
  AuditListener SILENT = new AuditListener() {};

  /** A step worth a line in normal output: "Fetched 2,000 API keys". */
  default void info(String message) {}

  /** Something the user should know that does not stop the audit. */
  default void warn(String message) {}

  /** Detail shown only when the user asks for it (verbose console, Maven's debug log). */
  default void debug(String message) {}

  /**
   * A long wait is in progress (report generation, a retry back-off). Front ends decide how often
   * to show it.
   *
   * @param attempt 1 for the first poll or request
   */
  default void waiting(String what, Duration elapsed, int attempt) {}

  /**
   * How far a long fetch has got, e.g. "Fetched so far: 412 pages, 41,200 identities"; sent at most
   * once a second while it lasts. Front ends show it as they show a long wait.
   */
  default void progress(String status) {}
}
