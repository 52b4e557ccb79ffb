package dev.iamaudit.policy;

import java.util.List;

/**
 * The exceptions of {@code iam-allowlist.yml}, in file order.
 *
 * @param file the allowlist as the user named it, or null when none was read
 */
public record Allowlist(List<AllowlistEntry> entries, String file) {
  public static final Allowlist NONE = new Allowlist(List.of(), null);

  public Allowlist {
    entries = List.copyOf(entries);
  }
}
