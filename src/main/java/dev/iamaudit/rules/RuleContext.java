package dev.iamaudit.rules;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.MfaEnrollment;
import dev.iamaudit.inventory.User;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule knows of the account before it is shown any identity: which account, the moment ages
 * are measured from, which data the source holds (and why the rest is missing), and the
 * account-wide facts some rules compare identities with.
 *
 * @param unavailable why a data set is missing, by data set, for the ones the source says something
 *     about
 * @param settings the account's identity settings, or null when {@link DataSet#SETTINGS} is not
 *     available
 * @param members the IAM ids of the account's users, or null when {@link DataSet#USERS} is not
 *     available
 * @param mfaEnrollments the users of the MFA enrollment report; empty unless {@link
 *     DataSet#MFA_REPORT} is available
 * @param terraform what the repository's Terraform declares; {@link TerraformDeclarations#none()}
 *     without it
 */
public record RuleContext(
    String accountId,
    Instant asOf,
    Set<DataSet> available,
    Map<DataSet, String> unavailable,
    AccountSettings settings,
    Set<String> members,
    List<MfaEnrollment> mfaEnrollments,
    TerraformDeclarations terraform) {
  /** Why a data set is missing when the source did not say. */
  static final String NOT_HELD = "which a saved activity report does not hold";

  public RuleContext {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    available = available.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(available));
    unavailable = Map.copyOf(unavailable);
    mfaEnrollments = List.copyOf(mfaEnrollments);
    Objects.requireNonNull(terraform, "terraform");
    if (available.contains(DataSet.SETTINGS) && settings == null) {
      throw new IllegalArgumentException("settings are marked available but missing");
    }
    if (available.contains(DataSet.USERS) && members == null) {
      throw new IllegalArgumentException("users are marked available but the members are missing");
    }
  }

  /** A context without the MFA enrollment report and without Terraform. */
  public RuleContext(
      String accountId,
      Instant asOf,
      Set<DataSet> available,
      Map<DataSet, String> unavailable,
      AccountSettings settings,
      Set<String> members) {
    this(
        accountId,
        asOf,
        available,
        unavailable,
        settings,
        members,
        List.of(),
        TerraformDeclarations.none());
  }

  /**
   * This context with the repository's Terraform, which the audit knows and the source does not.
   */
  public RuleContext withTerraform(TerraformDeclarations declarations) {
    return new RuleContext(
        accountId, asOf, available, unavailable, settings, members, mfaEnrollments, declarations);
  }

  /** The context of an inventory held in memory, without Terraform. */
  public static RuleContext of(Inventory inventory) {
    return of(inventory, TerraformDeclarations.none());
  }

  /** The context of an inventory held in memory, and of the repository's Terraform. */
  public static RuleContext of(Inventory inventory, TerraformDeclarations terraform) {
    Set<String> members = null;
    if (inventory.has(DataSet.USERS)) {
      members = new HashSet<>();
      for (User user : inventory.users()) {
        if (user.iamId() != null) {
          members.add(user.iamId());
        }
      }
    }
    return new RuleContext(
        inventory.accountId(),
        inventory.asOf(),
        inventory.available(),
        inventory.unavailable(),
        inventory.settings(),
        members,
        inventory.mfaEnrollments(),
        terraform);
  }

  public boolean has(DataSet dataSet) {
    return available.contains(dataSet);
  }

  /**
   * "needs the user listing, which a saved activity report does not hold" for the first of {@code
   * needed} that is missing; null when all are there.
   */
  public String lacking(DataSet... needed) {
    for (DataSet dataSet : needed) {
      if (!has(dataSet)) {
        return "needs "
            + dataSet.description()
            + ", "
            + unavailable.getOrDefault(dataSet, NOT_HELD);
      }
    }
    return null;
  }
}
