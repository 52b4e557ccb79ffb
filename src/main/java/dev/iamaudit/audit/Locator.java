package dev.iamaudit.audit;

import dev.iamaudit.inventory.Entity;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.Violation;
import dev.iamaudit.terraform.Declaration;
import dev.iamaudit.terraform.DeclarationKind;
import dev.iamaudit.terraform.SourceLine;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where in the user's repository a finding points. Code-scanning UIs drop results without a file
 * (GitHub rejects the whole upload), and IAM identities have no source line of their own, so every
 * finding gets the closest file that exists in the repository, in this order: the line a rule names
 * (the account setting's argument), the Terraform resource block that declares the identity, the
 * allowlist entry that covers the finding, the rule's settings in the policy, the policy file, the
 * allowlist file, and last the anchor: a file the run knows exists when the repository holds none
 * of these. A file outside the repository (a Terraform directory or policy given as {@code ../x})
 * is passed over, since code-scanning UIs cannot show it.
 */
public final class Locator {
  private static final Pattern ABSOLUTE = Pattern.compile("^(/|[A-Za-z]:[/\\\\]).*|.*://.*");

  private final TerraformDeclarations terraform;
  private final Map<AllowlistEntry, Location> entries = new IdentityHashMap<>();
  private final Map<String, Location> rules = new HashMap<>();
  private final Location fallback;

  private Locator(TerraformDeclarations terraform, Location fallback) {
    this.terraform = terraform;
    this.fallback = fallback;
  }

  /**
   * @param anchor a repo-relative file the run knows exists, for a repository with no policy,
   *     allowlist or Terraform to point at
   */
  public static Locator of(
      Policy policy, Allowlist allowlist, TerraformDeclarations terraform, String anchor) {
    Objects.requireNonNull(anchor, "anchor");
    Location fallback =
        inRepo(policy.file())
            ? Location.line(policy.file(), 1)
            : inRepo(allowlist.file())
                ? Location.line(allowlist.file(), 1)
                : Location.line(anchor, 1);
    Locator locator = new Locator(terraform, fallback);
    for (AllowlistEntry entry : allowlist.entries()) {
      if (inRepo(entry.position().file())) {
        locator.entries.put(entry, Location.of(entry.position()));
      }
    }
    for (RuleConfig config : policy.rules().values()) {
      if (config.position() != null && inRepo(config.position().file())) {
        locator.rules.put(config.ruleId(), Location.of(config.position()));
      }
    }
    return locator;
  }

  /** Whether reports may point at the file: a path inside the repository, relative to its root. */
  public static boolean inRepo(String file) {
    if (file == null || file.isEmpty() || ABSOLUTE.matcher(file).matches()) {
      return false;
    }
    for (String segment : file.replace('\\', '/').split("/")) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Where a rule's finding points. */
  public Location locate(String ruleId, Violation violation, AllowlistEntry entry) {
    SourceLine at = violation.at();
    if (at != null && inRepo(at.file())) {
      return Location.line(at.file(), at.line());
    }
    Location declared = declaration(violation.entity());
    if (declared != null) {
      return declared;
    }
    Location covering = entry == null ? null : entries.get(entry);
    return covering != null ? covering : rules.getOrDefault(ruleId, fallback);
  }

  /** Where a finding about an allowlist entry itself points: the entry. */
  public Location locate(AllowlistEntry entry) {
    return entries.getOrDefault(entry, fallback);
  }

  private Location declaration(Entity entity) {
    if (terraform.declarations().isEmpty()) {
      return null;
    }
    Optional<Declaration> declaration =
        switch (entity.type()) {
          case SERVICEID ->
              terraform.declarationOf(DeclarationKind.SERVICE_ID, entity.id(), entity.name());
          case PROFILE ->
              terraform.declarationOf(DeclarationKind.TRUSTED_PROFILE, entity.id(), entity.name());
          case APIKEY -> key(entity);
          case ACCOUNT -> terraform.accountSettings(entity.id());
          case USER -> Optional.empty();
        };
    return declaration
        .filter(d -> inRepo(d.file()))
        .map(d -> new Location(d.file(), d.startLine(), d.endLine()))
        .orElse(null);
  }

  /**
   * A key's declaration, whether a service ID's or a user's: the entity does not say whose key it
   * is. The state's id settles it; by name alone, a service-ID key and a user key of the same name
   * leave it open.
   */
  private Optional<Declaration> key(Entity entity) {
    Optional<Declaration> service =
        terraform.declarationOf(DeclarationKind.SERVICE_ID_API_KEY, entity.id(), entity.name());
    Optional<Declaration> user =
        terraform.declarationOf(DeclarationKind.USER_API_KEY, entity.id(), entity.name());
    if (service.isPresent() && user.isPresent()) {
      return byId(service, entity).or(() -> byId(user, entity));
    }
    return service.or(() -> user);
  }

  private static Optional<Declaration> byId(Optional<Declaration> declaration, Entity entity) {
    return declaration.filter(d -> entity.id().equals(d.id()));
  }
}
