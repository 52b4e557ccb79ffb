package dev.iamaudit.terraform;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something the reader could not read or resolve, for the reports: {@code terraform/main.tf:7:3:
 * ...}.
 *
 * @param line 0 when the note is about a whole file
 * @param column 0 when no column is known
 * @param gap whether declarations may be missing because of it
 */
record Note(String file, int line, int column, String message, Gap gap)
    implements Comparable<Note> {
  /**
   * What a note means for {@code identity-unmanaged}, which must see every declaration to call an
   * identity unmanaged.
   */
  enum Gap {
    /** Nothing is hidden: the note only explains a match or a value. */
    NONE,
    /**
     * Declarations are unseen, but the state lists what they manage (a registry module, an override
     * file).
     */
    WITHOUT_STATE,
    /**
     * Declarations are unseen or match nothing, state or not (a broken file, a name that is not a
     * literal).
     */
    ALWAYS
  }

  private static final Comparator<Note> ORDER =
      Comparator.comparing(Note::file)
          .thenComparingInt(Note::line)
          .thenComparingInt(Note::column)
          .thenComparing(Note::message);

  Note {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(gap, "gap");
  }

  Note(String file, int line, int column, String message) {
    this(file, line, column, message, Gap.NONE);
  }

  static Note at(SourceLine place, String message) {
    return new Note(place.file(), place.line(), 0, message);
  }

  static Note about(String file, String message) {
    return new Note(file, 0, 0, message);
  }

  /** This note, marked as one that may hide declarations. */
  Note hiding(Gap kind) {
    return new Note(file, line, column, message, kind);
  }

  /** Whether declarations may be missing because of it, when the state is given or not. */
  boolean hides(boolean withState) {
    return gap == Gap.ALWAYS || (gap == Gap.WITHOUT_STATE && !withState);
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
