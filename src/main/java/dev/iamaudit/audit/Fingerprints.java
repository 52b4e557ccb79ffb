package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's stable identity across runs: a hash of (rule, account, identity). Names, messages and dates stay out
 * of it, so renaming a key or another day passing does not make an old finding look new.
 */
public final class Fingerprints {
  // Looking a digest up by name costs more than hashing a few bytes; each thread keeps one.
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  });

  private Fingerprints() {}

  public static String of(String rule, String accountId, Entity entity) {
    return of(rule, accountId, entity.type().id() + ":" + entity.id());
  }

  public static String of(String rule, String accountId, String identity) {
    byte[] digest = SHA_256.get().digest((rule + "\n" + accountId + "\n" + identity).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}
