package dev.iamaudit.report;

import dev.iamaudit.audit.AuditEngine;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.audit.TestAudits;
import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.rules.AccountSettingsDrift;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made audit results for the report tests: every tricky case in one small account. */
final class ReportFixtures {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String ACCOUNT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  static final String ALLOWLIST = "governance/iam-allowlist.yml";

  /**
   * A name with every character a format must escape: comma, quotes, markup, newline, non-ASCII.
   */
  static final String TRICKY = "deploy, \"prod\" <main> & Zoë\nline2 | ü*_";

  private ReportFixtures() {}

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days)).minusSeconds(3600);
  }

  /**
   * Users, keys, a service ID and a profile with violations, an allowlisted key, a key whose entry
   * expired, an unused entry, and {@code apikey-orphaned} not evaluated (no user listing).
   */
  static AuditResult sample() {
    return sample(FailOn.DEFAULT);
  }

  /** {@link #sample()} judged against another {@code failOn}. */
  static AuditResult sample(FailOn failOn) {
    String owner = "IBMid-1000AAAA";
    List<User> users =
        List.of(
            new User(
                owner,
                "Jane O'Neil <ops>",
                "jane@example.com",
                "jane@example.com",
                "ACTIVE",
                daysAgo(800),
                Activity.RECENT),
            new User(
                "IBMid-2000BBBB",
                "=cmd|' /C calc'!A0",
                "mallory@example.com",
                "mallory@example.com",
                "ACTIVE",
                daysAgo(400),
                new Activity(Activity.Kind.INACTIVE, daysAgo(200))));
    List<ApiKey> keys =
        List.of(
            key(
                "ApiKey-1111",
                TRICKY,
                owner,
                daysAgo(400),
                new Activity(Activity.Kind.INACTIVE, daysAgo(200)),
                "delete"),
            key("ApiKey-2222", "ci-never", owner, daysAgo(100), Activity.NEVER, "none"),
            key(
                "ApiKey-3333",
                "dr-drill",
                "iam-ServiceId-9",
                daysAgo(50),
                new Activity(Activity.Kind.INACTIVE, daysAgo(120)),
                "disable"),
            key(
                "ApiKey-4444",
                "old-batch",
                "iam-ServiceId-9",
                daysAgo(60),
                new Activity(Activity.Kind.INACTIVE, daysAgo(95)),
                "disable"),
            key(
                "ApiKey-5555",
                "fresh",
                "iam-ServiceId-9",
                daysAgo(10),
                Activity.RECENT,
                "disable"));
    List<ServiceId> serviceIds =
        List.of(
            new ServiceId(
                "ServiceId-9",
                "iam-ServiceId-9",
                "builder",
                daysAgo(500),
                false,
                new Activity(Activity.Kind.INACTIVE, daysAgo(30))),
            new ServiceId(
                "ServiceId-8",
                "iam-ServiceId-8",
                "日本語 service",
                daysAgo(300),
                true,
                new Activity(Activity.Kind.INACTIVE, daysAgo(150))));
    List<Profile> profiles =
        List.of(
            new Profile("Profile-7", "iam-Profile-7", "k8s <trusted>", null, Activity.NEVER),
            new Profile(
                "Profile-6", "iam-Profile-6", "unknown-activity", daysAgo(20), Activity.UNKNOWN));
    Inventory inventory =
        new Inventory(
            ACCOUNT,
            NOW,
            new ReportInfo("ref-0042", 720, NOW.minus(Duration.ofHours(720)), NOW, "iam-audit"),
            users,
            keys,
            serviceIds,
            profiles,
            settings("NOT_RESTRICTED", "RESTRICTED", "NONE"),
            List.of(),
            EnumSet.of(
                DataSet.REPORT,
                DataSet.API_KEYS,
                DataSet.SERVICE_IDS,
                DataSet.PROFILES,
                DataSet.SETTINGS,
                DataSet.MFA_REPORT),
            Map.of());
    Allowlist allowlist =
        new Allowlist(
            List.of(
                new AllowlistEntry(
                    new Match("ApiKey-3333", null, null, null),
                    Set.of("apikey-inactive"),
                    "Disaster-recovery key, used only in quarterly drills",
                    "secops@example.com",
                    LocalDate.of(2027, 1, 31),
                    new FilePosition(ALLOWLIST, 1, 3)),
                new AllowlistEntry(
                    new Match("ApiKey-4444", null, null, null),
                    Set.of(),
                    "Batch job, \"temporary\"",
                    null,
                    LocalDate.of(2026, 10, 1),
                    new FilePosition(ALLOWLIST, 6, 3)),
                new AllowlistEntry(
                    new Match(null, null, "gone-*", null),
                    Set.of("serviceid-inactive"),
                    "Left over from the migration",
                    "platform@example.com",
                    LocalDate.of(2027, 3, 1),
                    new FilePosition(ALLOWLIST, 11, 3))),
            ALLOWLIST);
    return audit(
        inventory, allowlist, List.of("Used the latest report ref-0042 (2 hours old)."), failOn);
  }

  /** An account with no identities at all. */
  static AuditResult empty() {
    return audit(
        noIdentities(NOW, new ReportInfo("ref-empty", 720, null, NOW, null)),
        Allowlist.NONE,
        List.of());
  }

  /** An account without identities whose settings are all fine, with every data set. */
  private static Inventory noIdentities(Instant asOf, ReportInfo report) {
    return new Inventory(
        ACCOUNT,
        asOf,
        report,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        settings("RESTRICTED", "RESTRICTED", "TOTP"),
        List.of(),
        EnumSet.of(
            DataSet.REPORT,
            DataSet.API_KEYS,
            DataSet.SERVICE_IDS,
            DataSet.PROFILES,
            DataSet.USERS,
            DataSet.SETTINGS,
            DataSet.MFA_REPORT),
        Map.of());
  }

  /**
   * {@link #empty()} as a live run sees it: the report ends on IBM's milliseconds, the identities
   * are listed and the run ends on the clock's nanoseconds.
   */
  static AuditResult precise() {
    Inventory inventory =
        noIdentities(
            Instant.parse("2026-12-01T23:39:55.458318817Z"),
            new ReportInfo(
                "ref-precise", 720, null, Instant.parse("2026-12-01T23:39:50.648Z"), null));
    Policy policy =
        AccountSettingsDrift.applyTo(Policy.defaults(Rules.specs()), TerraformDeclarations.none());
    AuditEngine engine =
        TestAudits.engine(
            Rules.identityRules(),
            policy,
            Allowlist.NONE,
            Clock.fixed(Instant.parse("2026-12-01T23:39:56.102030405Z"), ZoneOffset.UTC));
    return TestAudits.audit(
        engine,
        inventory,
        List.of(),
        new CsvReport().identityColumns(),
        new JsonReport().findingLines());
  }

  /**
   * {@code keys} service-ID keys (every third inactive 200 days, every third never used, the rest
   * recent), plus {@code keys / 10} inactive users and as many service IDs; account settings all
   * fine.
   */
  static AuditResult generated(int keys) {
    return audit(generatedInventory(keys), Allowlist.NONE, List.of());
  }

  /**
   * {@link #generated(int)} with no lines kept for the JSON, which then writes them from the
   * findings.
   */
  static AuditResult generatedWithoutLines(int keys) {
    return TestAudits.audit(
        engine(Allowlist.NONE, FailOn.DEFAULT), generatedInventory(keys), List.of(), null, null);
  }

  /** The account {@link #generated(int)} audits. */
  static Inventory generatedInventory(int keys) {
    List<ApiKey> apiKeys = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      Activity activity =
          switch (i % 3) {
            case 0 -> new Activity(Activity.Kind.INACTIVE, daysAgo(200));
            case 1 -> Activity.NEVER;
            default -> Activity.RECENT;
          };
      apiKeys.add(
          key(
              String.format("ApiKey-%07d", i),
              "key " + i,
              "iam-ServiceId-" + (i % 50),
              daysAgo(40),
              activity,
              "disable"));
    }
    List<User> users = new ArrayList<>();
    List<ServiceId> serviceIds = new ArrayList<>();
    for (int i = 0; i < keys / 10; i++) {
      users.add(
          new User(
              String.format("IBMid-%07d", i),
              "user " + i,
              "u" + i + "@example.com",
              "u" + i + "@example.com",
              "ACTIVE",
              daysAgo(400),
              new Activity(Activity.Kind.INACTIVE, daysAgo(100))));
      serviceIds.add(
          new ServiceId(
              String.format("ServiceId-%07d", i),
              "iam-ServiceId-" + i,
              "sid " + i,
              daysAgo(400),
              false,
              Activity.RECENT));
    }
    return new Inventory(
        ACCOUNT,
        NOW,
        new ReportInfo("ref-big", 720, null, NOW, null),
        users,
        apiKeys,
        serviceIds,
        List.of(),
        settings("RESTRICTED", "RESTRICTED", "TOTP"),
        List.of(),
        EnumSet.of(
            DataSet.REPORT,
            DataSet.API_KEYS,
            DataSet.SERVICE_IDS,
            DataSet.PROFILES,
            DataSet.USERS,
            DataSet.SETTINGS,
            DataSet.MFA_REPORT),
        Map.of());
  }

  /**
   * Settings with the user list restricted and an IP allowlist, so only the three given can make
   * findings.
   */
  private static AccountSettings settings(
      String restrictServiceId, String restrictApikey, String mfa) {
    return new AccountSettings(
        ACCOUNT,
        restrictServiceId,
        restrictApikey,
        mfa,
        "RESTRICTED",
        "192.0.2.0/24",
        List.of(),
        AccountSettings.Origin.PLAIN);
  }

  private static AuditResult audit(Inventory inventory, Allowlist allowlist, List<String> notes) {
    return audit(inventory, allowlist, notes, FailOn.DEFAULT);
  }

  private static AuditResult audit(
      Inventory inventory, Allowlist allowlist, List<String> notes, FailOn failOn) {
    return TestAudits.audit(
        engine(allowlist, failOn),
        inventory,
        notes,
        new CsvReport().identityColumns(),
        new JsonReport().findingLines());
  }

  /** The default policy with {@code failOn}, as the front ends make it before an audit. */
  static AuditEngine engine(Allowlist allowlist, FailOn failOn) {
    Policy policy =
        AccountSettingsDrift.applyTo(
            Policy.defaults(Rules.specs()).withFailOn(failOn), TerraformDeclarations.none());
    return TestAudits.engine(Rules.identityRules(), policy, allowlist, clock());
  }

  static List<Finding> findings(AuditResult result) {
    return TestAudits.list(result.findings());
  }

  private static ApiKey key(
      String id, String name, String owner, Instant created, Activity activity, String leaked) {
    boolean user = owner.startsWith("IBMid");
    KeyOwner keyOwner =
        user
            ? new KeyOwner(
                KeyOwner.Kind.USER,
                owner,
                "Jane O'Neil <ops>",
                "jane@example.com",
                "jane@example.com")
            : new KeyOwner(
                KeyOwner.Kind.SERVICEID, owner.substring("iam-".length()), "builder", null, null);
    return new ApiKey(
        id,
        name,
        owner,
        keyOwner,
        created,
        owner,
        false,
        false,
        null,
        leaked,
        activity,
        user ? null : 42L);
  }

  static String render(ReportWriter writer, AuditResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
