package dev.iamaudit.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Keeps what was logged, each line prefixed with its level as Maven prints it. */
final class RecordingLog extends SystemStreamLog {
  /** Fetch threads log too, and a stray one may still do so while a test reads the lines. */
  final List<String> lines = new CopyOnWriteArrayList<>();

  /** As with mvn -X. */
  boolean debugEnabled;

  @Override
  public boolean isDebugEnabled() {
    return debugEnabled;
  }

  @Override
  public void debug(CharSequence content) {
    lines.add("[DEBUG] " + content);
  }

  @Override
  public void info(CharSequence content) {
    lines.add("[INFO] " + content);
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("[WARNING] " + content);
  }

  @Override
  public void error(CharSequence content) {
    lines.add("[ERROR] " + content);
  }
}
