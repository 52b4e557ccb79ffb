package dev.iamaudit.audit;

import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.IdentityType;
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
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.rules.Rules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random accounts for the differential tests, the same for the same seed: every kind of identity,
 * activity and key owner, names that need escaping, ids in report order or shuffled, now and then
 * an identity listed twice, and an allowlist and policy to match.
 */
final class GeneratedAccount {
  static final String ACCOUNT = "acc-0001";
  static final Instant AS_OF = Instant.parse("2026-11-20T06:00:00Z");

  /** The audit's day, three days after the report. */
  static final Instant NOW = AS_OF.plus(Duration.ofDays(3));

  private static final String[] NAMES = {
    "deployer",
    "ci, \"prod\" <main> & Zoë",
    "=cmd|' /C calc'!A0",
    "日本語",
    "line\nbreak",
    "key-1",
    "key-10",
    ""
  };

  private final SplittableRandom random;
  final List<User> users = new ArrayList<>();
  final List<ApiKey> apiKeys = new ArrayList<>();
  final List<ServiceId> serviceIds = new ArrayList<>();
  final List<Profile> profiles = new ArrayList<>();
  final Set<DataSet> available;

  /**
   * @param identities about how many identities
   * @param shuffled ids in random order rather than the sorted order a report often has
   * @param duplicates whether some identities are listed twice
   */
  GeneratedAccount(long seed, int identities, boolean shuffled, boolean duplicates) {
    random = new SplittableRandom(seed);
    available =
        random.nextBoolean()
            ? EnumSet.of(DataSet.REPORT)
            : EnumSet.of(
                DataSet.REPORT,
                DataSet.API_KEYS,
                DataSet.USERS,
                DataSet.SERVICE_IDS,
                DataSet.PROFILES,
                DataSet.SETTINGS,
                DataSet.KEY_ACTIVITY);
    int userCount = Math.max(1, identities / 10);
    for (int i = 0; i < userCount; i++) {
      users.add(
          new User(
              String.format("IBMid-%06d", i),
              name(),
              "u" + i + "@example.com",
              null,
              "ACTIVE",
              maybeTime(),
              activity()));
    }
    int serviceIdCount = Math.max(1, identities / 10);
    for (int i = 0; i < serviceIdCount; i++) {
      serviceIds.add(
          new ServiceId(
              String.format("ServiceId-%06d", i),
              "iam-ServiceId-" + i,
              name(),
              maybeTime(),
              random.nextBoolean(),
              activity()));
    }
    for (int i = 0; i < identities / 20; i++) {
      profiles.add(
          new Profile(
              String.format("Profile-%06d", i),
              "iam-Profile-" + i,
              name(),
              maybeTime(),
              activity()));
    }
    int keyCount = identities - users.size() - serviceIds.size() - profiles.size();
    for (int i = 0; i < keyCount; i++) {
      apiKeys.add(key(String.format("ApiKey-%07d", i)));
    }
    if (duplicates) {
      // The same ids again with other names and activity: findings that sort as equal must keep
      // their order.
      for (int i = 0; i < 20; i++) {
        apiKeys.add(key(apiKeys.get(random.nextInt(keyCount)).id()));
        User user = users.get(random.nextInt(userCount));
        users.add(
            new User(
                user.iamId(), name(), user.username(), null, "ACTIVE", maybeTime(), activity()));
      }
    }
    if (shuffled) {
      shuffle(users);
      shuffle(apiKeys);
      shuffle(serviceIds);
      shuffle(profiles);
    }
  }

  private ApiKey key(String id) {
    KeyOwner owner;
    String iamId;
    if (random.nextInt(3) == 0) {
      int serviceId = random.nextInt(serviceIdsOrOne());
      owner =
          new KeyOwner(
              KeyOwner.Kind.SERVICEID,
              String.format("ServiceId-%06d", serviceId),
              name(),
              null,
              null);
      iamId = "iam-ServiceId-" + serviceId;
    } else {
      // Some owners are no member of the account, so apikey-orphaned and unlisted key owners come
      // up.
      String user = String.format("IBMid-%06d", random.nextInt(users.size() + 3));
      owner =
          new KeyOwner(
              KeyOwner.Kind.USER, user, random.nextInt(4) == 0 ? null : name(), null, null);
      iamId = user;
    }
    Boolean disabled = random.nextInt(10) == 0 ? Boolean.TRUE : null;
    Instant expires =
        random.nextInt(10) == 0 ? AS_OF.plus(Duration.ofDays(random.nextInt(-20, 20))) : null;
    String leaked = new String[] {"none", "disable", "delete", null}[random.nextInt(4)];
    Long count = random.nextBoolean() ? (long) random.nextInt(30_000) : null;
    return new ApiKey(
        id,
        name(),
        iamId,
        owner,
        maybeTime(),
        null,
        null,
        disabled,
        expires,
        leaked,
        activity(),
        count);
  }

  private int serviceIdsOrOne() {
    return Math.max(1, serviceIds.size());
  }

  private String name() {
    return random.nextInt(8) == 0 ? null : NAMES[random.nextInt(NAMES.length)] + random.nextInt(50);
  }

  private Instant maybeTime() {
    return random.nextInt(4) == 0 ? null : AS_OF.minus(Duration.ofHours(random.nextInt(24 * 800)));
  }

  private Activity activity() {
    return switch (random.nextInt(4)) {
      case 0 -> Activity.RECENT;
      case 1 -> Activity.NEVER;
      case 2 -> Activity.UNKNOWN;
      default ->
          new Activity(
              Activity.Kind.INACTIVE, AS_OF.minus(Duration.ofHours(random.nextInt(24 * 500))));
    };
  }

  private <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  Inventory inventory() {
    AccountSettings settings =
        available.contains(DataSet.SETTINGS)
            ? new AccountSettings(ACCOUNT, "NOT_RESTRICTED", "RESTRICTED", "NONE")
            : null;
    return new Inventory(
        ACCOUNT,
        AS_OF,
        new ReportInfo("ref-gen", 720, AS_OF.minus(Duration.ofDays(30)), AS_OF, "IBMid-000000"),
        users,
        apiKeys,
        serviceIds,
        profiles,
        settings,
        available,
        Map.of());
  }

  /**
   * Every rule enabled, graded at random so that rules of one severity are ordered by id, some
   * configured at a line of the policy file.
   */
  Policy policy() {
    Map<String, RuleConfig> rules = new LinkedHashMap<>();
    for (var spec : Rules.specs()) {
      Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
      FilePosition position =
          random.nextBoolean() ? new FilePosition("iam-audit.yml", 3 + rules.size(), 3) : null;
      rules.put(
          spec.id(),
          new RuleConfig(spec.id(), random.nextInt(8) != 0, severity, spec.params(), position));
    }
    return new Policy(
        null,
        FailOn.of(Severity.values()[random.nextInt(Severity.values().length)]),
        Policy.DEFAULT_MAX_REPORT_AGE_HOURS,
        Policy.DEFAULT_ALLOWLIST_MAX_DAYS,
        rules,
        "iam-audit.yml");
  }

  /**
   * Entries by id, by name glob and by kind, some expired, some for rules that may not run, some
   * matching nothing.
   */
  Allowlist allowlist() {
    LocalDate today = LocalDate.of(2026, 11, 23);
    List<AllowlistEntry> entries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Match match =
          switch (i % 4) {
            case 0 -> new Match(apiKeys.get(random.nextInt(apiKeys.size())).id(), null, null, null);
            case 1 -> new Match(null, null, "*" + random.nextInt(10), null);
            case 2 ->
                new Match(
                    users.get(random.nextInt(users.size())).iamId(), null, null, IdentityType.USER);
            default -> new Match("Gone-" + i, null, null, null);
          };
      Set<String> rules =
          random.nextBoolean()
              ? Set.of()
              : Set.of(Rules.all().get(random.nextInt(Rules.all().size())).id());
      LocalDate expires = today.plusDays(random.nextInt(-5, 60));
      entries.add(
          new AllowlistEntry(
              match,
              rules,
              "reason " + i,
              random.nextBoolean() ? "owner@example.com" : null,
              expires,
              new FilePosition("iam-allowlist.yml", 1 + 5 * i, 3)));
    }
    return new Allowlist(entries, "iam-allowlist.yml");
  }
}
