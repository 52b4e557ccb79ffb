package dev.iamaudit.failure;

/**
 * The account's data could not be had or trusted: authentication refused, network, timeout, server
 * errors after retries, a stale or malformed report.
 */
public final class DataException extends AuditFailure {
  public static final int EXIT_CODE = 3;

  public DataException(String message) {
    super(message, null);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return EXIT_CODE;
  }
}
