package dev.iamaudit.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A finding's stable identity across runs: a hash of (rule, account, identity). Names, messages and dates stay out
 * of it, so renaming a key or another day passing does not make an old finding look new.
 *
 * <p>Reports write one per finding, hundreds of thousands in a large account, so the hash is taken in buffers each
 * thread keeps instead of building the input, the digest and the hex text anew every time.
 */
public final class Fingerprints {
  /** Hex digits of the first 16 bytes of the SHA-256 digest. */
  public static final int LENGTH = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private Fingerprints() {}

  /**
   * The fingerprint's hex digits in this thread's buffer, valid until the thread's next call: for writers that copy
   * them straight into a report.
   *
   * @param idOrNull with it, the identity is {@code identity + ":" + idOrNull}
   */
  static char[] hex(String rule, String accountId, String identity, String idOrNull) {
    return HASHER.get().hash(rule, accountId, identity, idOrNull);
  }

  private static final class Hasher {
    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private final char[] hex = new char[LENGTH];
    private byte[] input = new byte[256];
    private int length;

    Hasher() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }

    /** SHA-256 of the UTF-8 of {@code rule \n account \n identity[:id]}. */
    char[] hash(String rule, String accountId, String identity, String idOrNull) {
      length = 0;
      append(rule);
      append("\n");
      append(accountId);
      append("\n");
      append(identity);
      if (idOrNull != null) {
        append(":");
        append(idOrNull);
      }
      sha256.update(input, 0, length);
      try {
        sha256.digest(digest, 0, digest.length);
      } catch (DigestException e) {
        throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
      }
      for (int i = 0; i < LENGTH / 2; i++) {
        hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX[digest[i] & 0xf];
      }
      return hex;
    }

    /** ASCII is copied as it is; anything else goes through the UTF-8 encoder. */
    private void append(String text) {
      int n = text.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          byte[] utf8 = text.substring(i).getBytes(StandardCharsets.UTF_8);
          ensure(utf8.length);
          System.arraycopy(utf8, 0, input, length, utf8.length);
          length += utf8.length;
          return;
        }
        input[length++] = (byte) c;
      }
    }

    private void ensure(int more) {
      if (length + more > input.length) {
        input = Arrays.copyOf(input, Math.max(2 * input.length, length + more));
      }
    }
  }
}
