package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.Severity;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * One rule's findings, taken as the rule finds them and read back in report order: by kind of
 * identity, then id, and in the order found where those are equal (an identity the report lists
 * twice).
 *
 * <p>An external merge sort with its message written, so that no identity record stays reachable:
 * findings gather in a buffer; a full buffer is sorted and written to the rule's file as a run, or
 * appended to the last run when it continues it, as it does when the report lists identities in id
 * order; reading merges the runs. While the findings fit in the {@link Spill}'s budget they never
 * leave memory.
 */
final class RuleFindings implements Iterable<Finding>, Spill.Buffer {
  private static final IdentityType[] TYPES = IdentityType.values();

  /** Bytes read from a run at a time; a merge holds one such window per run. */
  private static final int WINDOW = 1 << 15;

  private final Spill spill;
  private final String rule;
  private final Severity severity;
  private final List<AllowlistEntry> entries;

  /**
   * Where findings point, which they name by index: the audit's table, complete before they are
   * read back.
   */
  private final List<Location> locations;

  /** One finding as it is encoded, before it joins the others. */
  private final RecordBuffer record = new RecordBuffer(1 << 10);

  private final Blocks blocks;

  /** Per buffered finding, where it is in {@link #blocks}, and its kind and id to sort by. */
  private long[] addresses = new long[64];

  private String[] ids = new String[64];
  private byte[] types = new byte[64];
  private int buffered;

  private FileChannel file;
  private long fileLength;

  /** The runs in the file, in the order they were written. */
  private final List<Span> runs = new ArrayList<>();

  private byte lastType;
  private String lastId;

  private long size;
  private boolean complete;

  /** After the last finding: the buffer's records in report order, when they stayed in memory. */
  private int[] order;

  /**
   * @param entries the allowlist's entries, which findings name by index
   * @param locations where findings point, which {@link #add} names by index
   */
  RuleFindings(
      Spill spill,
      String rule,
      Severity severity,
      List<AllowlistEntry> entries,
      List<Location> locations) {
    this.spill = spill;
    this.rule = rule;
    this.severity = severity;
    this.entries = entries;
    this.locations = locations;
    this.blocks = new Blocks(spill);
    spill.register(this);
  }

  long size() {
    return size;
  }

  /** A finding's line as a report writes it: {@code bytes[0, length)}. */
  record Line(byte[] bytes, int length) {}

  /**
   * Takes one finding.
   *
   * @param entry the index of the allowlist entry that covers it, or -1
   * @param digest the fingerprint's {@value Fingerprints#BYTES} bytes, at its start
   * @param line the finding's line, or null when none is kept or it could not be written
   * @param location where the finding points, as an index into the audit's locations
   */
  void add(
      Status status,
      Entity entity,
      int entry,
      byte[] digest,
      CharSequence message,
      Line line,
      int location) {
    if (complete) {
      throw new IllegalStateException("findings of " + rule + " are already complete");
    }
    record.clear();
    int start = record.reserveLength();
    if (line == null) {
      record.writeVarint(0);
    } else {
      record.writeVarint(line.length() + 1L);
      record.writeBytes(line.bytes(), 0, line.length());
    }
    record.writeByte(status.ordinal());
    record.writeByte(entity.type().ordinal());
    record.writeVarint(entry + 1L);
    record.writeBytes(digest, 0, Fingerprints.BYTES);
    record.writeText(entity.id());
    record.writeText(entity.iamId());
    record.writeText(entity.name());
    record.writeText(message);
    record.writeVarint(location);
    record.writeLength(start);
    if (buffered == addresses.length) {
      addresses = Arrays.copyOf(addresses, 2 * buffered);
      ids = Arrays.copyOf(ids, 2 * buffered);
      types = Arrays.copyOf(types, 2 * buffered);
    }
    addresses[buffered] = blocks.add(record.bytes(), record.length());
    ids[buffered] = entity.id();
    types[buffered] = (byte) entity.type().ordinal();
    buffered++;
    size++;
    spill.grew(record.length());
  }

  @Override
  public long buffered() {
    return blocks.bytes();
  }

  /** Sorts the buffer and writes it out as a run, or as the continuation of the last one. */
  @Override
  public void flush() {
    if (buffered == 0 || complete) {
      return;
    }
    int[] sorted = sortedOrder();
    if (file == null) {
      file = spill.create(rule + ".findings");
    }
    long start = fileLength;
    if (sorted == null) {
      fileLength = blocks.writeTo(file, fileLength);
    } else {
      // The records in report order, copied block by block into one block that is written when
      // full.
      byte[] out = spill.block(0);
      int used = 0;
      for (int index : sorted) {
        byte[] block = blocks.block(addresses[index]);
        int offset = Blocks.offset(addresses[index]);
        int length = Blocks.recordLength(block, offset);
        if (used + length > out.length) {
          spill.write(file, out, used, fileLength);
          fileLength += used;
          used = 0;
        }
        if (length > out.length) {
          spill.write(file, block, length, fileLength, offset);
          fileLength += length;
        } else {
          System.arraycopy(block, offset, out, used, length);
          used += length;
        }
      }
      spill.write(file, out, used, fileLength);
      fileLength += used;
      spill.giveBack(out);
    }
    int first = sorted == null ? 0 : sorted[0];
    int last = sorted == null ? buffered - 1 : sorted[buffered - 1];
    if (!runs.isEmpty() && compare(lastType, lastId, types[first], ids[first]) <= 0) {
      runs.get(runs.size() - 1).end = fileLength;
    } else {
      runs.add(new Span(start, fileLength));
    }
    lastType = types[last];
    lastId = ids[last];
    spill.shrank(blocks.bytes());
    blocks.clear();
    Arrays.fill(ids, 0, buffered, null);
    buffered = 0;
  }

  /**
   * After the last finding: what is still buffered is sorted in memory, or written out to join the
   * runs.
   */
  void seal() {
    if (complete) {
      return;
    }
    if (!runs.isEmpty()) {
      flush();
    } else {
      int[] sorted = sortedOrder();
      if (sorted == null) {
        sorted = new int[buffered];
        for (int i = 0; i < buffered; i++) {
          sorted[i] = i;
        }
      }
      order = sorted;
    }
    complete = true;
    // The ids were only needed to sort by.
    ids = null;
  }

  /**
   * The buffered records' indices in report order, or null when they are in it already (the usual
   * case).
   */
  private int[] sortedOrder() {
    boolean sorted = true;
    for (int i = 1; i < buffered && sorted; i++) {
      sorted = compare(types[i - 1], ids[i - 1], types[i], ids[i]) <= 0;
    }
    if (sorted) {
      return null;
    }
    Integer[] boxed = new Integer[buffered];
    for (int i = 0; i < buffered; i++) {
      boxed[i] = i;
    }
    // A stable sort: findings that compare equal keep the order they were found in.
    Arrays.sort(boxed, (a, b) -> compare(types[a], ids[a], types[b], ids[b]));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  private static int compare(byte typeA, String idA, byte typeB, String idB) {
    return typeA != typeB ? Integer.compare(typeA, typeB) : idA.compareTo(idB);
  }

  /** The findings in report order; each call reads them anew. */
  @Override
  public Iterator<Finding> iterator() {
    Cursor cursor = cursor();
    RecordReader reader = new RecordReader();
    return new Iterator<>() {
      private boolean ahead;
      private boolean more;

      @Override
      public boolean hasNext() {
        if (!ahead) {
          more = cursor.advance();
          ahead = true;
        }
        return more;
      }

      @Override
      public Finding next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ahead = false;
        return decode(reader, cursor.bytes(), cursor.offset());
      }
    };
  }

  /**
   * Hands each finding's line to {@code sink} in report order, or the finding itself where it has
   * none: what a report of one line per finding copies, without the findings being read back whole.
   */
  void writeLines(Findings.LineSink sink) throws IOException {
    Cursor cursor = cursor();
    RecordReader reader = new RecordReader();
    while (cursor.advance()) {
      byte[] bytes = cursor.bytes();
      reader.at(bytes, cursor.offset() + 4);
      int length = (int) reader.readVarint() - 1;
      if (length < 0) {
        sink.finding(decode(reader, bytes, cursor.offset()));
      } else {
        sink.line(bytes, reader.position(), length);
      }
    }
  }

  private Cursor cursor() {
    if (!complete) {
      throw new IllegalStateException(
          "findings of " + rule + " are read before the audit finished");
    }
    if (runs.isEmpty()) {
      return new InMemory();
    }
    if (runs.size() == 1) {
      return new Run(runs.get(0), 0);
    }
    return new Merge();
  }

  /** Decodes the record whose length field starts at {@code offset} of {@code bytes}. */
  private Finding decode(RecordReader reader, byte[] bytes, int offset) {
    reader.at(bytes, offset + 4);
    skipLine(reader);
    Status status =
        reader.readByte() == Status.ALLOWLISTED.ordinal() ? Status.ALLOWLISTED : Status.VIOLATION;
    IdentityType type = TYPES[reader.readByte()];
    int entryIndex = (int) reader.readVarint() - 1;
    String fingerprint = Fingerprints.hex(bytes, reader.position());
    reader.skip(Fingerprints.BYTES);
    String id = reader.readText();
    String iamId = reader.readText();
    String name = reader.readText();
    String message = reader.readText();
    Location location = locations.get((int) reader.readVarint());
    AllowlistEntry entry = entryIndex < 0 ? null : entries.get(entryIndex);
    return new Finding(
        rule,
        severity,
        status,
        new Entity(type, id, iamId, name),
        message,
        fingerprint,
        entry,
        location);
  }

  private static void skipLine(RecordReader reader) {
    reader.skip(Math.max(0, (int) reader.readVarint() - 1));
  }

  /** The records in report order, one at a time: each valid until the next {@link #advance()}. */
  private interface Cursor {
    boolean advance();

    byte[] bytes();

    /** Where the current record's length field starts in {@link #bytes()}. */
    int offset();
  }

  private final class InMemory implements Cursor {
    private int next = -1;

    @Override
    public boolean advance() {
      return ++next < order.length;
    }

    @Override
    public byte[] bytes() {
      return blocks.block(addresses[order[next]]);
    }

    @Override
    public int offset() {
      return Blocks.offset(addresses[order[next]]);
    }
  }

  /** Reads one run of the file, and knows the current record's kind and id, for a merge. */
  private final class Run implements Cursor {
    private final RecordReader reader = new RecordReader();
    private final RecordWindow window;
    private final int index;
    private int offset;
    private int type;
    private String id;

    Run(Span run, int index) {
      this.window = new RecordWindow(spill, file, run.start, run.end, WINDOW);
      this.index = index;
    }

    @Override
    public boolean advance() {
      if (!window.hasNext()) {
        return false;
      }
      offset = window.next();
      return true;
    }

    @Override
    public byte[] bytes() {
      return window.bytes();
    }

    @Override
    public int offset() {
      return offset;
    }

    /** Reads the current record's kind and id, to merge by. */
    void key() {
      reader.at(window.bytes(), offset + 4);
      skipLine(reader);
      reader.skip(1);
      type = reader.readByte();
      reader.readVarint();
      reader.skip(Fingerprints.BYTES);
      id = reader.readText();
    }
  }

  /**
   * Merges the runs: equal findings come in the order of their runs, which is the order they were
   * found in.
   */
  private final class Merge implements Cursor {
    private final PriorityQueue<Run> heads =
        new PriorityQueue<>(
            (a, b) -> {
              int order = a.type != b.type ? Integer.compare(a.type, b.type) : a.id.compareTo(b.id);
              return order != 0 ? order : Integer.compare(a.index, b.index);
            });
    private Run current;

    Merge() {
      for (int i = 0; i < runs.size(); i++) {
        Run run = new Run(runs.get(i), i);
        if (run.advance()) {
          run.key();
          heads.add(run);
        }
      }
    }

    @Override
    public boolean advance() {
      if (current != null && current.advance()) {
        current.key();
        heads.add(current);
      }
      current = heads.poll();
      return current != null;
    }

    @Override
    public byte[] bytes() {
      return current.bytes();
    }

    @Override
    public int offset() {
      return current.offset();
    }
  }

  /** Where a run lies in the file; the last run grows while the findings continue it. */
  private static final class Span {
    private final long start;
    private long end;

    Span(long start, long end) {
      this.start = start;
      this.end = end;
    }
  }
}
