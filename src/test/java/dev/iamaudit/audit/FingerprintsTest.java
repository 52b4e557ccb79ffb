package dev.iamaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  /**
   * The definition, written the plain way: the first 16 bytes of SHA-256 over the UTF-8 of the
   * three lines.
   */
  private static String expected(String rule, String account, String identity) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest((rule + "\n" + account + "\n" + identity).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static String hex(String rule, String account, String identity, String id) {
    return Fingerprints.of(rule, account, identity, id);
  }

  @Test
  void hashesRuleAccountAndIdentity() throws Exception {
    assertEquals(
        expected("apikey-inactive", "a1b2", "apikey:ApiKey-1"),
        hex("apikey-inactive", "a1b2", "apikey", "ApiKey-1"));
    assertEquals(
        expected("allowlist-unused", "a1b2", "allowlist:id=ApiKey-9"),
        hex("allowlist-unused", "a1b2", "allowlist:id=ApiKey-9", null));
  }

  @Test
  void nonAsciiIsHashedAsUtf8() throws Exception {
    assertEquals(
        expected("user-inactive", "konto-\u00e4", "user:IBMid-J\u00f6rg-\ud83d\ude00"),
        hex("user-inactive", "konto-\u00e4", "user", "IBMid-J\u00f6rg-\ud83d\ude00"));
  }

  @Test
  void longInputsGrowTheBuffer() throws Exception {
    String id = "ApiKey-" + "x".repeat(1_000);
    assertEquals(
        expected("apikey-inactive", "a1b2", "apikey:" + id),
        hex("apikey-inactive", "a1b2", "apikey", id));
  }
}
