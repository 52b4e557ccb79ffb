package dev.iamaudit.terraform;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something the reader could not read or resolve, for the reports: {@code terraform/main.tf:7:3: ...}.
 *
 * @param line 0 when the note is about a whole file
 * @param column 0 when no column is known
 */
record Note(String file, int line, int column, String message) implements Comparable<Note> {
  private static final Comparator<Note> ORDER = Comparator.comparing(Note::file)
      .thenComparingInt(Note::line)
      .thenComparingInt(Note::column)
      .thenComparing(Note::message);

  Note {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  static Note at(SourceLine place, String message) {
    return new Note(place.file(), place.line(), 0, message);
  }

  static Note about(String file, String message) {
    return new Note(file, 0, 0, message);
  }

  @Override
  public int compareTo(Note other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": " + message;
  }
}
