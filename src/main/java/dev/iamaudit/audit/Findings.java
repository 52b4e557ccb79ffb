package dev.iamaudit.audit;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The findings of one audit in report order: most severe first, then by rule, kind of identity and
 * id (the allowlist's own findings in the allowlist's order). They are read back from the audit's
 * {@link Spill} each time they are iterated, one at a time, so a report of any size holds only the
 * finding it is writing. They can be read until the spill is closed.
 */
public final class Findings implements Iterable<Finding> {
  /**
   * Takes the lines of a report of one line per finding (see {@link FindingLines}), in report
   * order.
   */
  public interface LineSink {
    /**
     * The next finding's line, {@code bytes[offset, offset + length)}, valid until the next call.
     */
    void line(byte[] bytes, int offset, int length) throws IOException;

    /**
     * The next finding, whose line could not be written as it was found: the report writes it now.
     */
    void finding(Finding finding) throws IOException;
  }

  /** Hands a group's lines to a sink. */
  interface Lines {
    void writeTo(LineSink sink) throws IOException;
  }

  /** One rule's findings, and their lines when the audit kept them. */
  record Group(String rule, long size, Iterable<Finding> findings, Lines lines) {}

  private final List<Group> groups;
  private final long size;
  private final boolean lines;

  /**
   * @param groups one per rule, in report order
   * @param lines whether the audit kept each finding's line
   */
  Findings(List<Group> groups, boolean lines) {
    this.groups = List.copyOf(groups);
    this.size = groups.stream().mapToLong(Group::size).sum();
    this.lines = lines;
  }

  /**
   * Whether the audit kept each finding's line for a report of one line per finding (see {@link
   * FindingLines}).
   */
  public boolean hasLines() {
    return lines;
  }

  /** Hands each finding's line to {@code sink}, in report order. */
  public void writeLines(LineSink sink) throws IOException {
    if (!lines) {
      throw new IllegalStateException("the audit kept no lines of findings");
    }
    for (Group group : groups) {
      group.lines().writeTo(sink);
    }
  }

  public long size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The findings of one rule, in report order; none for a rule that found nothing. */
  public Iterable<Finding> ofRule(String ruleId) {
    for (Group group : groups) {
      if (group.rule().equals(ruleId)) {
        return group.findings();
      }
    }
    return Collections.emptyList();
  }

  @Override
  public Iterator<Finding> iterator() {
    return new Iterator<>() {
      private int group;
      private Iterator<Finding> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && group < groups.size()) {
          current = groups.get(group++).findings().iterator();
        }
        return current.hasNext();
      }

      @Override
      public Finding next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
