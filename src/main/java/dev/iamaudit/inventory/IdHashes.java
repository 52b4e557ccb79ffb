package dev.iamaudit.inventory;

/**
 * The identities seen so far, kept as 64-bit hashes of kind and id in an open-addressing table of
 * primitive longs: 11 to 22 bytes per identity (16 MB for a million), where a set of the id strings
 * would keep every id alive, at some 100 bytes each. Two different ids share a hash with a chance
 * of about n&sup2;/2<sup>65</sup>: for a million identities, one in 37 million reports would be
 * refused as listing an identity twice when it does not.
 */
final class IdHashes {
  /** Marks an empty slot; a hash that comes out as 0 is stored as 1. */
  private static final long EMPTY = 0;

  private long[] table = new long[1024];
  private int size;

  /**
   * @return false when the same kind and id were added before
   */
  boolean add(IdentityType type, CharSequence id) {
    long hash = hash(type, id);
    int mask = table.length - 1;
    for (int slot = (int) (hash ^ (hash >>> 32)) & mask; ; slot = (slot + 1) & mask) {
      long candidate = table[slot];
      if (candidate == EMPTY) {
        table[slot] = hash;
        if (++size > table.length / 4 * 3) {
          grow();
        }
        return true;
      }
      if (candidate == hash) {
        return false;
      }
    }
  }

  /**
   * FNV-1a over the kind and the id's chars, then SplitMix64's finalizer so every bit depends on
   * every char.
   */
  static long hash(IdentityType type, CharSequence id) {
    long h = 0xcbf29ce484222325L ^ type.ordinal();
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h == EMPTY ? 1 : h;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long hash : old) {
      if (hash != EMPTY) {
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        table[slot] = hash;
      }
    }
  }
}
