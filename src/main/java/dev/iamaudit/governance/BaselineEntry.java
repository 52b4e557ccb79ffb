package dev.iamaudit.governance;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One violation accepted as it stands: the identity by id (which is how findings suggest their own
 * entry, and for an account finding the account id, so it matches exactly the findings it was
 * written for) and the one rule.
 *
 * @param identity what the id is, "API key 'ci-deployer'", for a comment that tells reviewers; null
 *     when the finding names the identity by its id alone
 */
record BaselineEntry(String id, String rule, String identity) {
  BaselineEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
  }

  static BaselineEntry of(Entity entity, String rule) {
    if (entity.type() == IdentityType.ACCOUNT) {
      return new BaselineEntry(entity.id(), rule, "the account");
    }
    String described = entity.describe();
    String id = " (" + entity.id() + ")";
    return new BaselineEntry(
        entity.id(),
        rule,
        described.endsWith(id) ? described.substring(0, described.length() - id.length()) : null);
  }

  /** The entry's lines, without indentation or line ends. */
  List<String> lines(String reason, String owner, LocalDate expires) {
    List<String> lines = new ArrayList<>(5);
    lines.add(
        "- match: { id: "
            + YamlText.scalar(id)
            + " }"
            + (identity == null ? "" : "  # " + YamlText.comment(identity)));
    lines.add("  rules: [" + YamlText.scalar(rule) + "]");
    lines.add("  reason: " + YamlText.quoted(reason));
    if (owner != null) {
      lines.add("  owner: " + YamlText.scalar(owner));
    }
    lines.add("  expires: " + expires);
    return lines;
  }
}
