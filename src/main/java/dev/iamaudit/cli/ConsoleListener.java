package dev.iamaudit.cli;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.WaitThrottle;
import java.time.Clock;
import java.time.Duration;

/**
 * Shows the core's progress on the console. Long waits and long fetches get a live line on a
 * terminal, and in CI logs (no terminal) a plain line at most every 15 seconds, so logs stay
 * readable.
 */
final class ConsoleListener implements AuditListener {
  private final ConsoleWriter out;
  private final ConsoleWriter err;
  private final Verbosity verbosity;
  private final boolean terminal;
  private final WaitThrottle ciProgress;
  private boolean liveLineOpen;

  enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
  }

  ConsoleListener(
      ConsoleWriter out, ConsoleWriter err, Verbosity verbosity, boolean terminal, Clock clock) {
    this.out = out;
    this.err = err;
    this.verbosity = verbosity;
    this.terminal = terminal;
    this.ciProgress = new WaitThrottle(clock);
  }

  @Override
  public void info(String message) {
    if (verbosity != Verbosity.QUIET) {
      endLiveLine();
      out.println(message);
      out.flush();
    }
  }

  @Override
  public void warn(String message) {
    endLiveLine();
    err.println("warning: " + message);
    err.flush();
  }

  @Override
  public void debug(String message) {
    if (verbosity == Verbosity.VERBOSE) {
      endLiveLine();
      err.println("debug: " + message);
      err.flush();
    }
  }

  @Override
  public void waiting(String what, Duration elapsed, int attempt) {
    show("Waiting for " + what + " (" + seconds(elapsed) + ", attempt " + attempt + ")");
  }

  @Override
  public void progress(String status) {
    show(status);
  }

  /** A live line on a terminal; in a CI log, a plain line when one is due. */
  private void show(String line) {
    if (verbosity == Verbosity.QUIET) {
      return;
    }
    if (terminal) {
      out.control("\r");
      out.print(line);
      out.control("\u001b[K");
      out.flush();
      liveLineOpen = true;
      return;
    }
    if (ciProgress.due()) {
      out.println(line);
      out.flush();
    }
  }

  /** Closes the live progress line so the next message starts on its own line. */
  void endLiveLine() {
    if (liveLineOpen) {
      out.println();
      liveLineOpen = false;
    }
  }

  private static String seconds(Duration elapsed) {
    long s = elapsed.toSeconds();
    return s < 60 ? s + "s" : (s / 60) + "m" + String.format("%02d", s % 60) + "s";
  }
}
