package dev.iamaudit.audit;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The findings of one audit in report order: most severe first, then by rule, kind of identity and id (the
 * allowlist's own findings in the allowlist's order). They are read back from the audit's {@link Spill} each time
 * they are iterated, one at a time, so a report of any size holds only the finding it is writing. They can be read
 * until the spill is closed.
 */
public final class Findings implements Iterable<Finding> {
  /** One rule's findings. */
  record Group(String rule, long size, Iterable<Finding> findings) {}

  private final List<Group> groups;
  private final long size;

  /** @param groups one per rule, in report order */
  Findings(List<Group> groups) {
    this.groups = List.copyOf(groups);
    this.size = groups.stream().mapToLong(Group::size).sum();
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
