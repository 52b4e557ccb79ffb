package dev.iamaudit.terraform;

import java.util.Objects;

/**
 * A line of a Terraform file.
 *
 * @param file relative to the repository root, with forward slashes
 */
public record SourceLine(String file, int line) {
  public SourceLine {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("lines count from 1: " + line);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
