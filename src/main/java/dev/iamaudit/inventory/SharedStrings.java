package dev.iamaudit.inventory;

/**
 * One string per distinct text, looked up by the characters themselves, so a value that repeats costs a string
 * only the first time it is seen. A {@code HashMap<String, String>} would need the string before the lookup.
 *
 * <p>Open addressing over the strings alone; the hash is {@link String#hashCode()}'s, which each string caches, so
 * neither probing nor growing computes it again.
 */
final class SharedStrings {
  private String[] table = new String[1024];
  private int size;

  /** The string equal to {@code text}: the same instance for the same text. */
  String get(CharSequence text) {
    int hash = 0;
    for (int i = 0; i < text.length(); i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int mask = table.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      String candidate = table[slot];
      if (candidate == null) {
        String added = text.toString();
        table[slot] = added;
        if (++size > table.length / 2) {
          grow();
        }
        return added;
      }
      if (candidate.hashCode() == hash && candidate.contentEquals(text)) {
        return candidate;
      }
    }
  }

  /** As {@link java.util.HashMap} does: the slot comes from the low bits alone, so fold the high ones in. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String s : old) {
      if (s != null) {
        int slot = spread(s.hashCode()) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = s;
      }
    }
  }
}
