package dev.iamaudit.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an audit looks for its governance files when the request names none.
 *
 * @param policy the policy, used when it exists
 * @param allowlist the allowlist, used when it exists
 * @param terraform the directory scanned for {@code *.tf}
 */
public record DefaultFiles(Path policy, Path allowlist, Path terraform) {
  /** The policy's name in a governance repo. */
  public static final String POLICY = "iam-audit.yml";

  /** The allowlist's name in a governance repo. */
  public static final String ALLOWLIST = "iam-allowlist.yml";

  public DefaultFiles {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(terraform, "terraform");
  }

  /**
   * {@code iam-audit.yml} and {@code iam-allowlist.yml} in {@code dir}, and the Terraform under it.
   */
  public static DefaultFiles in(Path dir) {
    return new DefaultFiles(dir.resolve(POLICY), dir.resolve(ALLOWLIST), dir);
  }
}
