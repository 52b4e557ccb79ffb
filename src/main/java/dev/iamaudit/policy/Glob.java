package dev.iamaudit.policy;

/**
 * An allowlist name glob: {@code *} any run of characters, {@code ?} one character, everything else
 * itself. Matched without a regex: a regex backtracks exponentially on globs like {@code
 * *-*-*-*-*-*-prod} against a name of a few hundred dashes, and anyone who may name an API key
 * could hang the gate with one. Here a mismatch only moves the last star on, so a match costs at
 * most the name's length times the glob's.
 *
 * <p>It works on code points, as the regex did: {@code ?} takes an emoji whole.
 */
final class Glob {
  private static final int STAR = '*';
  private static final int ANY = '?';

  private final int[] glob;

  Glob(String glob) {
    this.glob = glob.codePoints().toArray();
  }

  boolean matches(CharSequence name) {
    int g = 0;
    int n = 0;
    int star = -1;
    int starAt = 0;
    while (n < name.length()) {
      int c = Character.codePointAt(name, n);
      if (g < glob.length && glob[g] != STAR && (glob[g] == ANY || glob[g] == c)) {
        g++;
        n += Character.charCount(c);
      } else if (g < glob.length && glob[g] == STAR) {
        star = g++;
        starAt = n;
      } else if (star >= 0) {
        // Let the last star take one more character and try the rest of the glob from there.
        g = star + 1;
        starAt += Character.charCount(Character.codePointAt(name, starAt));
        n = starAt;
      } else {
        return false;
      }
    }
    while (g < glob.length && glob[g] == STAR) {
      g++;
    }
    return g == glob.length;
  }
}
