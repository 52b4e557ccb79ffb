package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.Severity;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Every identity the audit judged, in the order it was judged, as a report that lists identities
 * needs it: its own columns (see {@link IdentityColumns}) and the verdicts about it. A rule may
 * find something about another identity than the one it is shown, or only at the end ({@code
 * user-multiple-apikeys}), and the allowlist's and the account settings' findings are about the
 * account: those come apart, in report order, as {@link #others()}.
 *
 * <p>Kept like the findings: in memory up to the {@link Spill}'s budget, beyond it in a file read
 * back in order.
 */
public final class IdentityRows implements Spill.Buffer {
  private static final IdentityType[] TYPES = IdentityType.values();
  private static final int WINDOW = 1 << 15;

  /** A rule's verdict, without the message. */
  public record Verdict(String rule, Severity severity, Status status) {
    public Verdict {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(status, "status");
    }

    public boolean isViolation() {
      return status == Status.VIOLATION;
    }
  }

  /**
   * One judged identity: its kind and id, its columns, and the verdicts about it in no particular
   * order.
   */
  public record Row(IdentityType type, String id, String columns, List<Verdict> verdicts) {}

  /** A verdict about {@code entity}, which is not an identity the rule was shown at the time. */
  public record Other(Entity entity, Verdict verdict) {}

  private final Spill spill;

  /**
   * Per rule in the order the audit numbers them, its verdict when violated, then when allowlisted.
   */
  private final List<Verdict> verdicts;

  private final RecordBuffer record = new RecordBuffer(1 << 9);
  private final Blocks blocks;
  private FileChannel file;
  private long fileLength;
  private List<Other> others;
  private boolean complete;

  /**
   * @param verdicts per rule numbered from 0, the verdict of a violation and of an allowlisted
   *     finding
   */
  IdentityRows(Spill spill, List<Verdict> verdicts) {
    this.spill = spill;
    this.verdicts = List.copyOf(verdicts);
    this.blocks = new Blocks(spill);
    spill.register(this);
  }

  /**
   * Takes one identity's row.
   *
   * @param found per verdict, the rule's number times two, plus one when allowlisted
   * @param count how many of {@code found} to take
   */
  void add(Entity entity, CharSequence columns, int[] found, int count) {
    record.clear();
    int start = record.reserveLength();
    record.writeByte(entity.type().ordinal());
    record.writeText(entity.id());
    record.writeText(columns);
    record.writeVarint(count);
    for (int i = 0; i < count; i++) {
      record.writeVarint(found[i]);
    }
    record.writeLength(start);
    blocks.add(record.bytes(), record.length());
    spill.grew(record.length());
  }

  /** The verdict {@link #add} numbers {@code index}. */
  Verdict verdict(int index) {
    return verdicts.get(index);
  }

  @Override
  public long buffered() {
    return blocks.bytes();
  }

  @Override
  public void flush() {
    if (blocks.isEmpty() || complete) {
      return;
    }
    if (file == null) {
      file = spill.create("identities.rows");
    }
    fileLength = blocks.writeTo(file, fileLength);
    spill.shrank(blocks.bytes());
    blocks.clear();
  }

  /** After the last identity. */
  void seal(List<Other> othersInOrder) {
    if (file != null) {
      flush();
    }
    others = List.copyOf(othersInOrder);
    complete = true;
  }

  /** The verdicts that are not about the identity being judged, in report order. */
  public List<Other> others() {
    return others;
  }

  /** The rows in the order the identities were judged; each call reads them anew. */
  public Iterable<Row> rows() {
    if (!complete) {
      throw new IllegalStateException("identity rows are read before the audit finished");
    }
    return () ->
        file == null
            ? new Rows(null)
            : new Rows(new RecordWindow(spill, file, 0, fileLength, WINDOW));
  }

  private final class Rows implements Iterator<Row> {
    private final RecordReader reader = new RecordReader();

    /** Null while the rows are all in memory. */
    private final RecordWindow window;

    /** The next row's address in memory, or -1. */
    private long at;

    Rows(RecordWindow window) {
      this.window = window;
      this.at = window == null ? blocks.first() : -1;
    }

    @Override
    public boolean hasNext() {
      return window != null ? window.hasNext() : at >= 0;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      byte[] bytes;
      int offset;
      if (window != null) {
        offset = window.next();
        bytes = window.bytes();
      } else {
        offset = Blocks.offset(at);
        bytes = blocks.block(at);
        at = blocks.next(at);
      }
      reader.at(bytes, offset + 4);
      IdentityType type = TYPES[reader.readByte()];
      String id = reader.readText();
      String columns = reader.readText();
      int count = (int) reader.readVarint();
      List<Verdict> found = count == 0 ? Collections.emptyList() : new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        found.add(verdicts.get((int) reader.readVarint()));
      }
      return new Row(type, id, columns, found);
    }
  }
}
