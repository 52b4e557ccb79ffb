package dev.iamaudit.maven;

import dev.iamaudit.PrintableText;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Maven's log, through which everything the goal says passes {@link PrintableText#escape escaped},
 * so that no identity name or file content reaches the build log raw: a key named {@code
 * "ci\n[INFO] BUILD SUCCESS"} stays on its line. Messages of the exceptions the goal throws, which
 * Maven prints itself, are made the same way by {@link #message}.
 */
final class EscapingLog implements Log {
  private final Log log;

  EscapingLog(Log log) {
    this.log = log;
  }

  /**
   * Lines joined into one exception message, each escaped, so only the breaks between them are
   * real.
   */
  static String message(List<String> lines) {
    return String.join(System.lineSeparator(), lines.stream().map(PrintableText::escape).toList());
  }

  @Override
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }

  @Override
  public void debug(CharSequence content) {
    log.debug(PrintableText.escape(content));
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    log.debug(PrintableText.escape(content), error);
  }

  @Override
  public void debug(Throwable error) {
    log.debug(error);
  }

  @Override
  public boolean isInfoEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public void info(CharSequence content) {
    log.info(PrintableText.escape(content));
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    log.info(PrintableText.escape(content), error);
  }

  @Override
  public void info(Throwable error) {
    log.info(error);
  }

  @Override
  public boolean isWarnEnabled() {
    return log.isWarnEnabled();
  }

  @Override
  public void warn(CharSequence content) {
    log.warn(PrintableText.escape(content));
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    log.warn(PrintableText.escape(content), error);
  }

  @Override
  public void warn(Throwable error) {
    log.warn(error);
  }

  @Override
  public boolean isErrorEnabled() {
    return log.isErrorEnabled();
  }

  @Override
  public void error(CharSequence content) {
    log.error(PrintableText.escape(content));
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    log.error(PrintableText.escape(content), error);
  }

  @Override
  public void error(Throwable error) {
    log.error(error);
  }
}
