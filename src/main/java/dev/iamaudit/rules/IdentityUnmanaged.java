package dev.iamaudit.rules;

import dev.iamaudit.Counted;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.terraform.DeclarationKind;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A service ID, service-ID API key or trusted profile that no Terraform of the repository declares:
 * made by hand, so no review saw it and no code says who owns it. Users and their keys are out of
 * scope: Terraform invites users by email and cannot declare the keys they make for themselves.
 */
public final class IdentityUnmanaged extends IdentityRule<Identity> {
  private static final RuleSpec SPEC =
      new RuleSpec("identity-unmanaged", Severity.LOW, false, Map.of());

  public IdentityUnmanaged() {
    super(Identity.class);
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "Identity not managed by Terraform";
  }

  @Override
  public String description() {
    return "Service IDs, their API keys and trusted profiles are matched with the Terraform state"
        + " by id and with the .tf files by literal name; one that nothing declares was made"
        + " outside the code review. Without a state the rule runs only when every"
        + " declaration could be read and named.";
  }

  @Override
  public String remedy() {
    return "Declare the identity and import it (terraform import), or delete it if nothing needs"
        + " it.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS, DataSet.SERVICE_IDS, DataSet.PROFILES);
  }

  @Override
  protected String missing(RuleContext context) {
    String lacking = context.lacking(DataSet.SERVICE_IDS, DataSet.API_KEYS, DataSet.PROFILES);
    if (lacking != null) {
      return lacking;
    }
    TerraformDeclarations terraform = context.terraform();
    if (!terraform.enabled()) {
      return "needs the repository's Terraform, and reading it is turned off";
    }
    if (terraform.filesRead() == 0 && !terraform.hasState()) {
      return "needs the repository's Terraform, and no .tf file or state was found";
    }
    List<String> gaps = terraform.gaps();
    if (!gaps.isEmpty()) {
      int more = gaps.size() - 1;
      return "cannot call an identity unmanaged while a declaration may be unseen: "
          + gaps.get(0)
          + (more == 0 ? "" : " (and " + Counted.of(more, "more such note") + " in the reports)");
    }
    return null;
  }

  @Override
  protected boolean applies(Identity identity, RuleContext context) {
    return identity instanceof ServiceId
        || identity instanceof Profile
        || identity instanceof ApiKey key && !key.ownedByUser();
  }

  @Override
  protected void judge(
      Identity identity, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    Entity entity = identity.entity();
    DeclarationKind kind =
        identity instanceof ServiceId
            ? DeclarationKind.SERVICE_ID
            : identity instanceof Profile
                ? DeclarationKind.TRUSTED_PROFILE
                : DeclarationKind.SERVICE_ID_API_KEY;
    TerraformDeclarations terraform = context.terraform();
    if (terraform.isDeclared(kind, entity.id(), entity.name())) {
      return;
    }
    String state = terraform.hasState() ? terraform.stateName() : null;
    out.accept(
        new Violation(
            entity,
            text -> {
              Message message = Message.to(text).identity(entity);
              if (identity instanceof ApiKey key) {
                message.owner(key);
              }
              message.text(" is not managed by Terraform: ");
              if (state != null) {
                message
                    .text("the state ")
                    .text(state)
                    .text(" holds no ")
                    .text(kind.resourceType())
                    .text(" with its id, and ");
              }
              message
                  .text("no .tf file declares ")
                  .text(state != null ? "one" : "an " + kind.resourceType())
                  .text(" with its name. Fix: declare it and import it with 'terraform import ")
                  .text(kind.resourceType())
                  .text('.')
                  .text(address(entity))
                  .text(' ')
                  .text(entity.id())
                  .text("', or, if nothing needs it, delete it with ");
              if (identity instanceof ApiKey key) {
                message.deleteKey(key);
              } else if (identity instanceof ServiceId) {
                message.text("'ibmcloud iam service-id-delete ").text(entity.id()).text('\'');
              } else {
                message.text("'ibmcloud iam trusted-profile-delete ").text(entity.id()).text('\'');
              }
              message.text(", ").allowlist(entity, SPEC.id()).text('.');
            }));
  }

  /**
   * A Terraform resource name made from the identity's name: letters, digits, '_' and '-', not
   * starting a digit.
   */
  static String address(Entity entity) {
    String name = entity.name() == null ? "" : entity.name();
    StringBuilder address = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      address.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-') ? c : '_');
    }
    if (address.isEmpty() || !(Character.isLetter(address.charAt(0)) || address.charAt(0) == '_')) {
      address.insert(0, "imported_");
    }
    return address.toString();
  }
}
