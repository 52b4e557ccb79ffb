package dev.iamaudit.failure;

/**
 * Why an audit could not run. The message is one line for the user: what went wrong, where, and
 * what to do. It never holds an API key or a token.
 */
public abstract sealed class AuditFailure extends RuntimeException
    permits UsageException, DataException {
  protected AuditFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code of the contract: 2 for usage, 3 for data. */
  public abstract int exitCode();
}
