package dev.iamaudit.audit;

import dev.iamaudit.policy.FilePosition;
import java.util.Objects;

/**
 * Where in the user's repository a finding points: a file, relative to the repository root with
 * forward slashes, and the lines it spans (a Terraform resource block), or one line.
 */
public record Location(String file, int line, int endLine) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1 || endLine < line) {
      throw new IllegalArgumentException(
          "lines count from 1 and end after they start: " + line + "-" + endLine);
    }
  }

  public static Location line(String file, int line) {
    return new Location(file, line, line);
  }

  public static Location of(FilePosition position) {
    return line(position.file(), position.line());
  }

  /** "main.tf:4-9", or "iam-audit.yml:3" for one line. */
  @Override
  public String toString() {
    return file + ":" + line + (endLine > line ? "-" + endLine : "");
  }
}
