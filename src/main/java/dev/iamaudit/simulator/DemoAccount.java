package dev.iamaudit.simulator;

import dev.iamaudit.iam.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The built-in sample account of the demo: a small account shaped like today's IBM Cloud, dated
 * relative to the clock so it never goes stale, plus the governance files (policy and allowlist)
 * that go with it. It trips every rule of the catalog at least once next to identities that pass,
 * except {@code account-mfa-disabled}: its enterprise settings template enforces MFA, which is what
 * lets {@code user-mfa-exempt} and {@code user-mfa-not-enrolled} fire. Beside the basics it has a
 * service ID group besides the default one, a disabled and an expired key, a template enforcing a
 * setting the account itself leaves off, an MFA exemption, a member who never enrolled for MFA, a
 * stale invitation and a pending invitation without an IAM id.
 */
public final class DemoAccount {
  public static final String ACCOUNT_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

  /**
   * The demo's API key. A fake that only this simulator accepts, so showing it to the user is fine.
   */
  public static final Secret API_KEY = new Secret("demo-iam-audit-simulator-key-not-a-real-secret");

  /** The folder of the demo's Terraform, beside its policy and allowlist. */
  public static final String TERRAFORM = "terraform";

  /**
   * The authentication count of the busiest key, above the demo policy's {@link
   * #HIGH_USAGE_THRESHOLD}.
   */
  public static final long HIGH_USAGE_COUNT = 1_250_000;

  public static final long HIGH_USAGE_THRESHOLD = 100_000;

  static final String ADMIN = "IBMid-6900000ADA";
  static final String BUILDER = "IBMid-6900000BRU";
  static final String INACTIVE_USER = "IBMid-6900000CHE";
  static final String NEVER_LOGGED_IN = "IBMid-6900000DAN";
  static final String NEW_USER = "IBMid-6900000ELO";
  static final String STALE_INVITATION = "IBMid-6900000FAB";
  static final String DEPARTED_USER = "IBMid-6900000GON";

  /** The login of the invitation IAM has given no IAM id yet. */
  static final String INVITATION_WITHOUT_IAM_ID = "grace.kim@example.com";

  static final String STALE_KEY = "ApiKey-5a1e0000-0000-4000-8000-000000000001";
  static final String STALE_SERVICE_KEY = "ApiKey-5a1e0000-0000-4000-8000-000000000002";
  static final String NEVER_USED_KEY = "ApiKey-0e5e0000-0000-4000-8000-000000000003";
  static final String NEW_UNUSED_KEY = "ApiKey-0e5e0000-0000-4000-8000-000000000004";
  static final String OLD_KEY = "ApiKey-01d00000-0000-4000-8000-000000000005";
  static final String ORPHANED_KEY = "ApiKey-0a700000-0000-4000-8000-000000000006";
  static final String LEAK_NONE_KEY = "ApiKey-1ea70000-0000-4000-8000-000000000007";
  static final String BUSY_KEY = "ApiKey-b5e70000-0000-4000-8000-000000000008";
  static final String LAPTOP_KEY = "ApiKey-1a900000-0000-4000-8000-000000000009";
  static final String DEPLOY_KEY = "ApiKey-de900000-0000-4000-8000-00000000000a";
  static final String ADMIN_KEY = "ApiKey-ad000000-0000-4000-8000-00000000000b";
  static final String DISABLED_KEY = "ApiKey-d15a0000-0000-4000-8000-00000000000c";
  static final String EXPIRED_KEY = "ApiKey-e8010000-0000-4000-8000-00000000000d";
  static final String GROUP_KEY = "ApiKey-9a0e0000-0000-4000-8000-00000000000e";

  static final String IDLE_PROFILE = "Profile-1d1e0000-0000-4000-8000-000000000001";

  static final String PAYMENTS_GROUP = "ServiceIdGroup-9a0e0000-0000-4000-8000-000000000001";
  static final String SETTLEMENT = "ServiceId-5e770000-0000-4000-8000-000000000006";
  static final String TEMPLATE = "AccountSettingsTemplate-ba5e0000-0000-4000-8000-000000000001";

  private static final String BILLING = "ServiceId-b1110000-0000-4000-8000-000000000001";
  private static final String DEPLOY = "ServiceId-de900000-0000-4000-8000-000000000002";
  private static final String LEGACY_BATCH = "ServiceId-1e9a0000-0000-4000-8000-000000000003";
  private static final String OLD_INTEGRATION = "ServiceId-01d10000-0000-4000-8000-000000000004";
  private static final String NEW_SERVICE = "ServiceId-0e500000-0000-4000-8000-000000000005";

  private DemoAccount() {}

  public static SimulatedAccount create(Clock clock) {
    return create(clock, new SimulatedAccount.Login(API_KEY.reveal(), ADMIN));
  }

  /** The demo account with another login, e.g. one whose key lacks a role. */
  public static SimulatedAccount create(Clock clock, SimulatedAccount.Login login) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<SimulatedAccount.User> users =
        List.of(
            new SimulatedAccount.User(
                ADMIN,
                "ada.okafor@example.com",
                "Ada",
                "Okafor",
                "ada.okafor@example.com",
                "ACTIVE",
                daysAgo(now, 900),
                hoursAgo(now, 20),
                null),
            new SimulatedAccount.User(
                BUILDER,
                "bruno.schmidt@example.com",
                "Bruno",
                "Schmidt",
                "bruno.schmidt@example.com",
                "ACTIVE",
                daysAgo(now, 700),
                daysAgo(now, 3),
                null),
            new SimulatedAccount.User(
                INACTIVE_USER,
                "chen.nakamura@example.com",
                "Chen",
                "Nakamura",
                "chen.nakamura@example.com",
                "ACTIVE",
                daysAgo(now, 800),
                daysAgo(now, 150),
                null),
            new SimulatedAccount.User(
                NEVER_LOGGED_IN,
                "dana.rossi@example.com",
                "Dana",
                "Rossi",
                "dana.rossi@example.com",
                "ACTIVE",
                daysAgo(now, 200),
                null,
                false),
            new SimulatedAccount.User(
                NEW_USER,
                "elodie.dubois@example.com",
                "Élodie",
                "Dubois",
                "elodie.dubois@example.com",
                "PENDING",
                daysAgo(now, 5),
                null,
                null),
            new SimulatedAccount.User(
                STALE_INVITATION,
                "fabio.ricci@example.com",
                "Fabio",
                "Ricci",
                "fabio.ricci@example.com",
                "PENDING",
                daysAgo(now, 45),
                null,
                null),
            new SimulatedAccount.User(
                null,
                INVITATION_WITHOUT_IAM_ID,
                null,
                null,
                INVITATION_WITHOUT_IAM_ID,
                "PENDING",
                daysAgo(now, 40),
                null,
                null));

    List<SimulatedAccount.ServiceIdGroup> groups =
        List.of(
            new SimulatedAccount.ServiceIdGroup(
                PAYMENTS_GROUP,
                "payments",
                "Service IDs of the payments platform",
                daysAgo(now, 720),
                ADMIN));

    List<SimulatedAccount.ServiceId> serviceIds =
        List.of(
            serviceId(
                BILLING,
                "billing-exporter",
                "Exports invoices to the data warehouse",
                daysAgo(now, 600),
                hoursAgo(now, 30),
                null),
            serviceId(
                DEPLOY,
                "deploy-prod",
                "Production deployments",
                daysAgo(now, 400),
                hoursAgo(now, 2),
                null),
            serviceId(
                LEGACY_BATCH, "legacy-batch", null, daysAgo(now, 1000), daysAgo(now, 120), null),
            serviceId(
                OLD_INTEGRATION,
                "old-crm-integration",
                "CRM sync, replaced in 2024",
                daysAgo(now, 400),
                null,
                null),
            serviceId(
                NEW_SERVICE,
                "search-indexer",
                "Search indexing, being set up",
                daysAgo(now, 5),
                null,
                null),
            serviceId(
                SETTLEMENT,
                "payments-settlement",
                "Nightly settlement, moved to the new platform",
                daysAgo(now, 700),
                daysAgo(now, 200),
                PAYMENTS_GROUP));

    List<SimulatedAccount.Profile> profiles =
        List.of(
            new SimulatedAccount.Profile(
                IDLE_PROFILE,
                null,
                "ops-readonly",
                "Read-only access for the ops rota",
                daysAgo(now, 500),
                daysAgo(now, 150)),
            new SimulatedAccount.Profile(
                "Profile-c8500000-0000-4000-8000-000000000002",
                null,
                "k8s-workload",
                "Trusted profile of the production cluster",
                daysAgo(now, 300),
                hoursAgo(now, 1)));

    List<SimulatedAccount.ApiKey> keys =
        List.of(
            key(
                ADMIN_KEY,
                "ada-cli",
                "Ada's key for the IBM Cloud CLI",
                ADMIN,
                daysAgo(now, 200),
                hoursAgo(now, 20),
                4_210L,
                "disable",
                daysAhead(now, 60)),
            key(
                STALE_KEY,
                "ci-deployer",
                "Old Jenkins deployer",
                BUILDER,
                daysAgo(now, 300),
                daysAgo(now, 200),
                8_731L,
                "disable",
                daysAhead(now, 65)),
            key(
                NEVER_USED_KEY,
                "terraform-bootstrap",
                null,
                BUILDER,
                daysAgo(now, 100),
                null,
                null,
                "disable",
                daysAhead(now, 20)),
            key(
                LAPTOP_KEY,
                "bruno-laptop",
                "Local development",
                BUILDER,
                daysAgo(now, 40),
                daysAgo(now, 3),
                96L,
                "delete",
                daysAhead(now, 50)),
            key(
                STALE_SERVICE_KEY,
                "reporting-nightly",
                "Nightly reports",
                iamId(LEGACY_BATCH),
                daysAgo(now, 900),
                daysAgo(now, 120),
                2_340L,
                "disable",
                null),
            key(
                OLD_KEY,
                "billing-export",
                "Invoice export job",
                iamId(BILLING),
                daysAgo(now, 500),
                hoursAgo(now, 30),
                51_002L,
                "disable",
                null),
            key(
                ORPHANED_KEY,
                "gone-user-scripts",
                "Scripts of a former colleague",
                DEPARTED_USER,
                daysAgo(now, 60),
                daysAgo(now, 10),
                310L,
                "disable",
                daysAhead(now, 120)),
            key(
                LEAK_NONE_KEY,
                "docs-publisher",
                "Publishes the documentation site",
                iamId(DEPLOY),
                daysAgo(now, 30),
                daysAgo(now, 1),
                1_200L,
                "none",
                daysAhead(now, 90)),
            key(
                BUSY_KEY,
                "shared-deploy-key",
                "Used by every pipeline",
                iamId(DEPLOY),
                daysAgo(now, 300),
                hoursAgo(now, 2),
                HIGH_USAGE_COUNT,
                "disable",
                daysAhead(now, 30)),
            key(
                DEPLOY_KEY,
                "Zoë's deploy, prod",
                null,
                iamId(DEPLOY),
                daysAgo(now, 60),
                hoursAgo(now, 5),
                3_400L,
                "delete",
                daysAhead(now, 300)),
            key(
                NEW_UNUSED_KEY,
                "search-indexer-bootstrap",
                "Created for the new indexer",
                iamId(NEW_SERVICE),
                daysAgo(now, 5),
                null,
                null,
                "disable",
                daysAhead(now, 360)),
            new SimulatedAccount.ApiKey(
                DISABLED_KEY,
                "legacy-export",
                "Disabled when the export moved",
                iamId(LEGACY_BATCH),
                ADMIN,
                daysAgo(now, 700),
                daysAgo(now, 400),
                12_400L,
                "none",
                false,
                true,
                null),
            key(
                EXPIRED_KEY,
                "deploy-2024",
                "Last year's deploy key",
                iamId(DEPLOY),
                daysAgo(now, 500),
                daysAgo(now, 100),
                9_870L,
                "disable",
                daysAgo(now, 30)),
            key(
                GROUP_KEY,
                "settlement-batch",
                "Settlement job",
                iamId(SETTLEMENT),
                daysAgo(now, 500),
                daysAgo(now, 200),
                73_000L,
                "disable",
                null));

    // The account itself leaves MFA off; its enterprise template enforces it, with one functional
    // user exempted.
    SimulatedAccount.Settings settings =
        new SimulatedAccount.Settings(
            "NOT_SET",
            "NOT_RESTRICTED",
            "NONE",
            "",
            "86400",
            "7200",
            "NOT_SET",
            "3600",
            "259200",
            "NOT_RESTRICTED",
            List.of(new SimulatedAccount.UserMfa(BUILDER, "NONE_NO_ROPC")),
            List.of(
                new SimulatedAccount.Template(
                    TEMPLATE, 3L, "enterprise-baseline", null, null, "TOTP4ALL", null, null)));
    return new SimulatedAccount(
        ACCOUNT_ID, List.of(login), users, groups, serviceIds, profiles, keys, settings);
  }

  /**
   * Writes the demo's {@code iam-audit.yml} and {@code iam-allowlist.yml} into {@code dir} (created
   * if needed). The allowlist has one valid entry (a stale key), one that expired ten days before
   * {@code today} (the idle trusted profile) and one that matches nothing. Beside them, a {@link
   * #TERRAFORM} folder declares most service IDs, their keys and the trusted profiles (one service
   * ID through a module), and account settings stricter than the account's.
   *
   * @return {@code dir}
   */
  public static Path writeGovernanceFiles(Path dir, LocalDate today) {
    String policy =
        """
        # Demo policy: fail on medium and worse, and also run the rules that are off by default.
        failOn: medium
        rules:
          apikey-high-usage: { enabled: true, maxAuthnCount: %d }
          apikey-no-expiry: { enabled: true }
          account-ip-allowlist-unset: { enabled: true }
          identity-unmanaged: { enabled: true }
        """
            .formatted(HIGH_USAGE_THRESHOLD);
    String allowlist =
        """
        # Demo allowlist: one valid exception, one expired, one that no longer matches anything.
        - match: { id: %s }
          rules: [apikey-inactive]
          reason: "Disaster-recovery deployer, used only in quarterly drills"
          owner: platform-team@example.com
          expires: %s
        - match: { id: %s }
          rules: [profile-inactive]
          reason: "Ops rota profile, kept until the on-call tooling moves"
          owner: ops@example.com
          expires: %s
        - match: { name: "sandbox-*", type: apikey }
          reason: "Sandbox keys are rotated by the sandbox reaper"
          owner: secops@example.com
          expires: %s
        """
            .formatted(
                STALE_KEY,
                today.plusDays(60),
                IDLE_PROFILE,
                today.minusDays(10),
                today.plusDays(30));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("iam-audit.yml"), policy, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("iam-allowlist.yml"), allowlist, StandardCharsets.UTF_8);
      writeTerraform(dir.resolve(TERRAFORM));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the demo governance files to " + dir, e);
    }
    return dir;
  }

  /**
   * The demo's Terraform: old-crm-integration, search-indexer-bootstrap and "Zoë's deploy, prod"
   * are left out, so they are unmanaged; mfa and restrict_create_service_id are stricter than the
   * account's, so they drift.
   */
  private static void writeTerraform(Path dir) throws IOException {
    String main =
        """
        # Demo Terraform: the identities and settings the platform team manages as code.

        resource "ibm_iam_account_settings" "account" {
          mfa                        = "TOTP4ALL"
          restrict_create_service_id = "RESTRICTED"
        }

        resource "ibm_iam_service_id" "legacy_batch" {
          name = "legacy-batch"
        }

        resource "ibm_iam_service_api_key" "reporting_nightly" {
          name           = "reporting-nightly"
          iam_service_id = ibm_iam_service_id.legacy_batch.iam_id
        }

        resource "ibm_iam_service_id" "billing" {
          name        = "billing-exporter"
          description = "Exports invoices to the data warehouse"
        }

        resource "ibm_iam_service_api_key" "billing_export" {
          name           = "billing-export"
          iam_service_id = ibm_iam_service_id.billing.iam_id
        }

        resource "ibm_iam_service_id" "search" {
          name = "search-indexer"
        }

        resource "ibm_iam_service_id" "settlement" {
          name = "payments-settlement"
        }

        resource "ibm_iam_service_api_key" "settlement_batch" {
          name           = "settlement-batch"
          iam_service_id = ibm_iam_service_id.settlement.iam_id
        }

        resource "ibm_iam_trusted_profile" "ops" {
          name = "ops-readonly"
        }

        resource "ibm_iam_trusted_profile" "k8s" {
          name = "k8s-workload"
        }

        module "deploy" {
          source = "./modules/pipeline"
          name   = "deploy-prod"
        }
        """;
    String pipeline =
        """
        # A service ID for a deployment pipeline, with its keys.

        variable "name" {
          type = string
        }

        resource "ibm_iam_service_id" "pipeline" {
          name = var.name
        }

        resource "ibm_iam_service_api_key" "shared" {
          name           = "shared-deploy-key"
          iam_service_id = ibm_iam_service_id.pipeline.iam_id
        }

        resource "ibm_iam_service_api_key" "docs" {
          name           = "docs-publisher"
          iam_service_id = ibm_iam_service_id.pipeline.iam_id
        }
        """;
    Path module = dir.resolve("modules").resolve("pipeline");
    Files.createDirectories(module);
    Files.writeString(dir.resolve("main.tf"), main, StandardCharsets.UTF_8);
    Files.writeString(module.resolve("main.tf"), pipeline, StandardCharsets.UTF_8);
  }

  private static SimulatedAccount.ServiceId serviceId(
      String id,
      String name,
      String description,
      Instant created,
      Instant lastAuthn,
      String group) {
    return new SimulatedAccount.ServiceId(
        id, iamId(id), name, description, created, false, lastAuthn, group);
  }

  private static SimulatedAccount.ApiKey key(
      String id,
      String name,
      String description,
      String iamId,
      Instant created,
      Instant lastAuthn,
      Long count,
      String leakAction,
      Instant expires) {
    String createdBy = iamId.startsWith("iam-") ? ADMIN : iamId;
    return new SimulatedAccount.ApiKey(
        id,
        name,
        description,
        iamId,
        createdBy,
        created,
        lastAuthn,
        count,
        leakAction,
        false,
        false,
        expires);
  }

  private static String iamId(String serviceId) {
    return "iam-" + serviceId;
  }

  private static Instant daysAgo(Instant now, long days) {
    return now.minus(Duration.ofDays(days)).minusSeconds(4_321).minusMillis(187);
  }

  /** Expiry dates in IBM's minutes form, so they survive the listing's round trip unchanged. */
  private static Instant daysAhead(Instant now, long days) {
    return now.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
  }

  private static Instant hoursAgo(Instant now, long hours) {
    return now.minus(Duration.ofHours(hours)).minusMillis(564);
  }
}
