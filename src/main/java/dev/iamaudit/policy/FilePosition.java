package dev.iamaudit.policy;

import java.util.Objects;

/**
 * A place in one of the user's files, shown as {@code file:line:column}. Lines and columns count
 * from 1.
 */
public record FilePosition(String file, int line, int column) {
  public FilePosition {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
