package dev.iamaudit.governance;

import dev.iamaudit.failure.UsageException;
import java.util.Objects;

/**
 * What {@code baseline} writes into each entry besides the finding: who answers for it and how long
 * it holds. The option names are the front end's ({@code --owner} or {@code iam.owner}), for the
 * messages that name them.
 *
 * @param owner each entry's {@code owner}; null for entries without one
 * @param expiresInDays days from today to each entry's {@code expires}; null for {@link
 *     Baseline#DEFAULT_EXPIRY_DAYS}, or the policy's {@code allowlistMaxDays} when that is shorter
 */
public record BaselineRequest(
    String owner, Integer expiresInDays, String ownerOption, String expiresInOption) {
  public BaselineRequest {
    Objects.requireNonNull(ownerOption, "ownerOption");
    Objects.requireNonNull(expiresInOption, "expiresInOption");
    if (owner != null && owner.isBlank()) {
      throw new UsageException(
          ownerOption
              + " is empty; name who answers for the accepted findings (a team or an"
              + " address), or leave it out for entries without an owner");
    }
    owner = owner == null ? null : owner.strip();
    if (expiresInDays != null && expiresInDays < 1) {
      throw new UsageException(
          expiresInOption + " must be a number of days of at least 1, found " + expiresInDays);
    }
  }
}
