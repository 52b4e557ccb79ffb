package dev.iamaudit.audit;

import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Length-prefixed records held in memory in blocks the {@link Spill} lends, each record whole in
 * one block. No array grows with the records, so none is copied as they come, and none is so large
 * that the collector treats it apart.
 */
final class Blocks {
  private final Spill spill;
  private final List<byte[]> blocks = new ArrayList<>();

  /** How much of each block is used. */
  private int[] used = new int[8];

  private long bytes;

  Blocks(Spill spill) {
    this.spill = spill;
  }

  /** Bytes held. */
  long bytes() {
    return bytes;
  }

  boolean isEmpty() {
    return bytes == 0;
  }

  /**
   * Takes the record {@code record[0, length)}, its length field first.
   *
   * @return where it is: the block's index in the high half, the offset in the low
   */
  long add(byte[] record, int length) {
    int last = blocks.size() - 1;
    if (last < 0 || used[last] + length > blocks.get(last).length) {
      blocks.add(spill.block(length));
      last++;
      if (last == used.length) {
        used = Arrays.copyOf(used, 2 * last);
      }
      used[last] = 0;
    }
    int offset = used[last];
    System.arraycopy(record, 0, blocks.get(last), offset, length);
    used[last] += length;
    bytes += length;
    return (long) last << 32 | offset;
  }

  byte[] block(long address) {
    return blocks.get((int) (address >>> 32));
  }

  static int offset(long address) {
    return (int) address;
  }

  /** The length of the record at {@code offset} of {@code block}, with its length field. */
  static int recordLength(byte[] block, int offset) {
    return 4
        + ((block[offset] & 0xff) << 24
            | (block[offset + 1] & 0xff) << 16
            | (block[offset + 2] & 0xff) << 8
            | (block[offset + 3] & 0xff));
  }

  /**
   * Writes the records in the order taken to {@code file} from {@code position}; the position after
   * them.
   */
  long writeTo(FileChannel file, long position) {
    for (int i = 0; i < blocks.size(); i++) {
      spill.write(file, blocks.get(i), used[i], position);
      position += used[i];
    }
    return position;
  }

  /** The address of the first record, or -1 when there is none. */
  long first() {
    return bytes == 0 ? -1 : 0;
  }

  /** The address of the record after the one at {@code address}, or -1 after the last. */
  long next(long address) {
    int block = (int) (address >>> 32);
    int offset = offset(address) + recordLength(blocks.get(block), offset(address));
    if (offset < used[block]) {
      return (long) block << 32 | offset;
    }
    return block + 1 < blocks.size() ? (long) (block + 1) << 32 : -1;
  }

  /** Gives the blocks back to the spill. */
  void clear() {
    blocks.forEach(spill::giveBack);
    blocks.clear();
    bytes = 0;
  }
}
