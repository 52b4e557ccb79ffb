package dev.iamaudit;

import dev.iamaudit.iam.IamSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one audit's data comes from. {@link AuditRequest.Builder} chooses it from a front end's
 * options and checks them, once for both front ends, so a choice that exists is one that can run.
 */
public sealed interface SourceChoice {
  /**
   * The built-in simulated account, pulled as a live account is.
   *
   * @param report {@code new}, {@code latest} or a report reference
   * @param saveReport where to keep the raw report as fetched; null for nowhere
   */
  record Demo(String report, Duration reportTimeout, Path saveReport) implements SourceChoice {
    public Demo {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(reportTimeout, "reportTimeout");
    }
  }

  /** A saved activity report, audited offline. */
  record ReportFile(Path file) implements SourceChoice {
    public ReportFile {
      Objects.requireNonNull(file, "file");
    }
  }

  /** The IBM Cloud account the API key belongs to, or the one the request names. */
  record Live(IamSettings settings) implements SourceChoice {
    public Live {
      Objects.requireNonNull(settings, "settings");
    }
  }
}
