package dev.iamaudit.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A finding's stable identity across runs: a hash of (rule, account, identity). Names, messages and
 * dates stay out of it, so renaming a key or another day passing does not make an old finding look
 * new.
 *
 * <p>A large account has hundreds of thousands of findings, so the hash is taken in buffers each
 * thread keeps instead of building the input and the digest anew every time.
 */
public final class Fingerprints {
  /** Hex digits of the first 16 bytes of the SHA-256 digest. */
  public static final int LENGTH = 32;

  /** The bytes of the digest a fingerprint is made of. */
  static final int BYTES = LENGTH / 2;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private Fingerprints() {}

  /**
   * The fingerprint as {@value #LENGTH} hex digits.
   *
   * @param idOrNull with it, the identity is {@code identity + ":" + idOrNull}
   */
  static String of(String rule, String accountId, String identity, String idOrNull) {
    return hex(digest(rule, accountId, identity, idOrNull), 0);
  }

  /**
   * The {@value #BYTES} bytes the fingerprint is made of, at the start of this thread's buffer and
   * valid until the thread's next call: the audit keeps them with each finding, and writes the
   * digits only when a report asks.
   */
  static byte[] digest(String rule, String accountId, String identity, String idOrNull) {
    return HASHER.get().hash(rule, accountId, identity, idOrNull);
  }

  /** The hex digits of the {@value #BYTES} digest bytes at {@code offset}. */
  static String hex(byte[] digest, int offset) {
    byte[] hex = new byte[LENGTH];
    for (int i = 0; i < BYTES; i++) {
      hex[2 * i] = HEX[(digest[offset + i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[digest[offset + i] & 0xf];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }

  private static final class Hasher {
    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
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
    byte[] hash(String rule, String accountId, String identity, String idOrNull) {
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
      return digest;
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
