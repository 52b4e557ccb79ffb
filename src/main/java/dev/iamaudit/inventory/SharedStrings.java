package dev.iamaudit.inventory;

/**
 * One string for a text that repeats nearby, looked up by the characters themselves, so a value
 * seen again soon after (a key's type, the owner of several keys in a row) costs a string only the
 * first time. A {@code HashMap<String, String>} would need the string before the lookup.
 *
 * <p>A fixed number of slots, each holding the last text whose hash falls there: a report of
 * millions of identities is read in the memory of a few thousand strings, where a table of every
 * distinct text grew with the report and was most of the time spent reading it. The hashes sit in
 * an array of their own, so a miss never touches a string.
 */
final class SharedStrings {
  private static final int SLOTS = 4096;

  private final String[] strings = new String[SLOTS];
  private final int[] hashes = new int[SLOTS];

  /**
   * A string equal to {@code text}: the same instance as last time when the text was seen recently.
   */
  String get(CharSequence text) {
    int hash = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    // As HashMap does: the slot comes from the low bits alone, so fold the high ones in.
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String candidate = strings[slot];
    if (candidate != null && hashes[slot] == hash && candidate.contentEquals(text)) {
      return candidate;
    }
    String added = text.toString();
    strings[slot] = added;
    hashes[slot] = hash;
    return added;
  }
}
