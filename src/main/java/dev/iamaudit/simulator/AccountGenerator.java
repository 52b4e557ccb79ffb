package dev.iamaudit.simulator;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes synthetic accounts for load tests and benchmarks. Of every 100 identities about 10 are
 * users, 12 service IDs, 3 trusted profiles and 75 API keys; about half the identities were active
 * in the last 30 days, a third are inactive and the rest never authenticated. Deterministic: {@link
 * SplittableRandom} gives the same sequence for a seed on every JVM.
 */
final class AccountGenerator {
  private static final String[] FIRST = {
    "Ada", "Bruno", "Chen", "Dana", "Élodie", "Farid", "Grace", "Hiroshi", "Ines", "Jonas", "Kofi",
    "Lena", "Mateo", "Noor", "Olga", "Priya", "Quentin", "Rosa", "Sven", "Tamar"
  };
  private static final String[] LAST = {
    "Okafor",
    "Schmidt",
    "Nakamura",
    "Rossi",
    "Dubois",
    "García",
    "Kowalski",
    "Andersson",
    "Haddad",
    "Müller",
    "O'Brien",
    "Silva",
    "Novak",
    "Petrov",
    "Yilmaz",
    "Lee"
  };
  private static final String[] SYSTEMS = {
    "billing",
    "ci",
    "terraform",
    "backup",
    "monitoring",
    "etl",
    "payments",
    "search",
    "mobile-api",
    "logging",
    "cos-sync",
    "k8s",
    "dns",
    "reporting",
    "audit"
  };
  private static final String[] PURPOSES = {
    "deployer",
    "exporter",
    "reader",
    "writer",
    "sync",
    "nightly",
    "admin",
    "scanner",
    "pipeline",
    "agent"
  };
  private static final String[] LEAK_ACTIONS = {"disable", "disable", "disable", "delete", "none"};
  private static final String[] GROUP_NAMES = {"payments", "data-platform"};
  private static final int GROUPS = GROUP_NAMES.length;

  /**
   * Every fifth service ID (and so its keys) is outside the default group, as in accounts that use
   * groups.
   */
  private static final int GROUP_EVERY = 5;

  private final SplittableRandom random;
  private final Instant now;

  AccountGenerator(long seed, Instant now) {
    this.random = new SplittableRandom(seed);
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  SimulatedAccount generate(int identities) {
    if (identities < 1) {
      throw new IllegalArgumentException("an account needs at least 1 identity, not " + identities);
    }
    int userCount = Math.max(1, identities / 10);
    int serviceIdCount = identities * 12 / 100;
    int profileCount = identities * 3 / 100;
    int keyCount = Math.max(0, identities - userCount - serviceIdCount - profileCount);

    String accountId = hex(16);
    List<SimulatedAccount.User> users = new ArrayList<>(userCount);
    for (int i = 0; i < userCount; i++) {
      users.add(user(i));
    }
    // Groups take nothing from the random sequence, so a seed still gives the identities it gave
    // before groups.
    List<SimulatedAccount.ServiceIdGroup> groups = new ArrayList<>();
    for (int g = 0; g < GROUPS && serviceIdCount >= GROUP_EVERY; g++) {
      groups.add(
          new SimulatedAccount.ServiceIdGroup(
              "ServiceIdGroup-"
                  + accountId.substring(0, 8)
                  + "-0000-4000-8000-"
                  + "%012d".formatted(g),
              GROUP_NAMES[g],
              null,
              now.minus(Duration.ofDays(1000)),
              users.get(0).iamId()));
    }
    List<SimulatedAccount.ServiceId> serviceIds = new ArrayList<>(serviceIdCount);
    for (int i = 0; i < serviceIdCount; i++) {
      Instant created = daysAgo(1 + random.nextInt(1500));
      String group =
          groups.isEmpty() || i % GROUP_EVERY != GROUP_EVERY - 1
              ? null
              : groups.get(i / GROUP_EVERY % groups.size()).id();
      serviceIds.add(
          new SimulatedAccount.ServiceId(
              "ServiceId-" + uuid(),
              null,
              system() + "-" + i,
              random.nextInt(4) == 0 ? null : "Service ID for " + system(),
              created,
              random.nextInt(20) == 0,
              lastAuthn(created),
              group));
    }
    List<SimulatedAccount.Profile> profiles = new ArrayList<>(profileCount);
    for (int i = 0; i < profileCount; i++) {
      Instant created = daysAgo(1 + random.nextInt(1000));
      profiles.add(
          new SimulatedAccount.Profile(
              "Profile-" + uuid(),
              null,
              system() + "-profile-" + i,
              random.nextBoolean() ? null : "Workload identity",
              created,
              lastAuthn(created)));
    }
    String admin = users.get(0).iamId();
    List<SimulatedAccount.ApiKey> keys = new ArrayList<>(keyCount);
    for (int i = 0; i < keyCount; i++) {
      keys.add(apiKey(i, users, serviceIds, admin));
    }
    List<SimulatedAccount.Login> logins =
        List.of(new SimulatedAccount.Login("sim-" + hex(20), admin));
    return new SimulatedAccount(
        accountId,
        logins,
        users,
        groups,
        serviceIds,
        profiles,
        keys,
        new SimulatedAccount.Settings(
            random.nextBoolean() ? "RESTRICTED" : "NOT_SET",
            random.nextBoolean() ? "RESTRICTED" : "NOT_RESTRICTED",
            random.nextBoolean() ? "TOTP" : "NONE",
            null,
            "86400",
            "7200",
            null,
            null,
            null,
            null,
            null,
            null));
  }

  private SimulatedAccount.User user(int i) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String login = ascii(first) + "." + ascii(last) + "." + i + "@example.com";
    Instant added = daysAgo(1 + random.nextInt(1500));
    Instant lastAuthn = lastAuthn(added);
    String state = random.nextInt(25) == 0 ? "PENDING" : "ACTIVE";
    return new SimulatedAccount.User(
        "IBMid-" + (6900000000L + i) + hex(2).toUpperCase(),
        login,
        first,
        last,
        login,
        state,
        added,
        "PENDING".equals(state) ? null : lastAuthn,
        null);
  }

  private SimulatedAccount.ApiKey apiKey(
      int i,
      List<SimulatedAccount.User> users,
      List<SimulatedAccount.ServiceId> serviceIds,
      String admin) {
    String owner;
    String createdBy;
    int pick = random.nextInt(100);
    if (pick < 60 && !serviceIds.isEmpty()) {
      owner = serviceIds.get(random.nextInt(serviceIds.size())).iamId();
      createdBy = users.get(random.nextInt(users.size())).iamId();
    } else if (pick == 99) {
      owner = "IBMid-" + (5100000000L + i) + "GONE";
      createdBy = owner;
    } else {
      owner = users.get(random.nextInt(users.size())).iamId();
      createdBy = random.nextInt(10) == 0 ? admin : owner;
    }
    Instant created = daysAgo(random.nextInt(800));
    Instant lastAuthn = lastAuthn(created);
    Long count = lastAuthn == null ? 0L : 1L + (long) Math.pow(10, random.nextDouble() * 5.5);
    return new SimulatedAccount.ApiKey(
        "ApiKey-" + uuid(),
        system() + "-" + purpose() + "-" + i,
        random.nextInt(3) == 0 ? null : "Used by the " + system() + " " + purpose(),
        owner,
        createdBy,
        created,
        lastAuthn,
        count,
        LEAK_ACTIONS[random.nextInt(LEAK_ACTIONS.length)],
        random.nextInt(10) == 0,
        random.nextInt(50) == 0,
        null);
  }

  /**
   * About half active within 30 days, a third at any time since creation, the rest never; never in
   * the future.
   */
  private Instant lastAuthn(Instant created) {
    int pick = random.nextInt(100);
    if (pick < 18) {
      return null;
    }
    long span = Duration.between(created, now).getSeconds();
    if (span <= 0) {
      return null;
    }
    long secondsAgo =
        pick < 68
            ? random.nextLong(Math.min(span, Duration.ofDays(30).getSeconds()))
            : random.nextLong(span);
    return now.minusSeconds(secondsAgo).minusMillis(random.nextInt(1000));
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days)).minusSeconds(random.nextInt(86400));
  }

  private String system() {
    return SYSTEMS[random.nextInt(SYSTEMS.length)];
  }

  private String purpose() {
    return PURPOSES[random.nextInt(PURPOSES.length)];
  }

  private String uuid() {
    String hex = hex(16);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  private String hex(int bytes) {
    byte[] value = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      value[i] = (byte) random.nextInt(256);
    }
    return HexFormat.of().formatHex(value);
  }

  private static String ascii(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "")
        .toLowerCase(Locale.ROOT);
  }
}
