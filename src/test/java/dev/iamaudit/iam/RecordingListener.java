package dev.iamaudit.iam;

import dev.iamaudit.audit.AuditListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every line the client reports, prefixed with its kind, so tests can assert on all of it. */
final class RecordingListener implements AuditListener {
  final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void info(String message) {
    lines.add("info: " + message);
  }

  @Override
  public void warn(String message) {
    lines.add("warn: " + message);
  }

  @Override
  public void debug(String message) {
    lines.add("debug: " + message);
  }

  @Override
  public void waiting(String what, Duration elapsed, int attempt) {
    lines.add("waiting: " + what + " " + elapsed + " #" + attempt);
  }

  @Override
  public void progress(String status) {
    lines.add("progress: " + status);
  }

  List<String> of(String kind) {
    return lines.stream()
        .filter(line -> line.startsWith(kind + ": "))
        .map(l -> l.substring(kind.length() + 2))
        .toList();
  }
}
