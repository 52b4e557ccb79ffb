package dev.iamaudit.failure;

/**
 * Bad option, invalid policy or allowlist, a missing file, no API key: the user must change the
 * invocation.
 */
public final class UsageException extends AuditFailure {
  public static final int EXIT_CODE = 2;

  public UsageException(String message) {
    super(message, null);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return EXIT_CODE;
  }
}
