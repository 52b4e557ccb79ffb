package dev.iamaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowlistLoaderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final List<String> RULE_IDS =
      Rules.all().stream().map(RuleDescriptor::id).toList();

  @TempDir Path dir;

  private Allowlist load(String yaml) throws IOException {
    Path file = dir.resolve("iam-allowlist.yml");
    Files.writeString(file, yaml);
    return new AllowlistLoader(RULE_IDS, TODAY, 365).load(file, "iam-allowlist.yml");
  }

  private String error(String yaml) {
    return assertThrows(UsageException.class, () -> load(yaml)).getMessage();
  }

  @Test
  void readsTheDesignExample() throws IOException {
    Allowlist allowlist =
        load(
            """
            - match: { id: ApiKey-7f3c }   # id | iamId | name (glob) | type
              rules: [apikey-inactive]
              reason: "Disaster-recovery key, used only in quarterly drills"
              owner: secops@example.com
              expires: 2027-01-31
            - match: { name: "terraform-*", type: serviceid }
              reason: Managed by the platform team
              expires: 2026-12-31
            """);
    assertEquals(
        List.of(
            new AllowlistEntry(
                new Match("ApiKey-7f3c", null, null, null),
                Set.of("apikey-inactive"),
                "Disaster-recovery key, used only in quarterly drills",
                "secops@example.com",
                LocalDate.of(2027, 1, 31),
                new FilePosition("iam-allowlist.yml", 1, 3)),
            new AllowlistEntry(
                new Match(null, null, "terraform-*", IdentityType.SERVICEID),
                Set.of(),
                "Managed by the platform team",
                null,
                LocalDate.of(2026, 12, 31),
                new FilePosition("iam-allowlist.yml", 6, 3))),
        allowlist.entries());
  }

  @Test
  void emptyFileIsAnEmptyAllowlist() throws IOException {
    assertEquals(List.of(), load("# no exceptions\n").entries());
  }

  @Test
  void missingReason() {
    assertEquals(
        "iam-allowlist.yml:1:3: allowlist entry 1 has no 'reason'; add reason: \"why this exception"
            + " is accepted\"",
        error("- match: { id: ApiKey-1 }\n  expires: 2027-01-31\n"));
  }

  @Test
  void emptyReason() {
    assertEquals(
        "iam-allowlist.yml:2:11: 'reason' is empty; write the value after the colon",
        error("- match: { id: ApiKey-1 }\n  reason: \"\"\n  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:2:10: 'reason' is empty; write the value after the colon",
        error("- match: { id: ApiKey-1 }\n  reason:\n  expires: 2027-01-31\n"));
  }

  @Test
  void reasonMustBeText() {
    assertEquals(
        "iam-allowlist.yml:2:11: 'reason' must be a text value, found a list",
        error("- match: { id: ApiKey-1 }\n  reason: [a, b]\n  expires: 2027-01-31\n"));
  }

  @Test
  void missingExpires() {
    assertEquals(
        "iam-allowlist.yml:1:3: allowlist entry 1 has no 'expires'; add expires: 2027-02-22 (a date"
            + " at most 365 days from today)",
        error("- match: { id: ApiKey-1 }\n  reason: kept\n"));
  }

  @Test
  void missingOrEmptyMatch() {
    assertEquals(
        "iam-allowlist.yml:1:3: allowlist entry 1 has no 'match'; add match: { id: ... } (or iamId,"
            + " name, type)",
        error("- reason: kept\n  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:1:10: 'match' of allowlist entry 1 is empty; give at least one of id,"
            + " iamId, name, type",
        error("- match: {}\n  reason: kept\n  expires: 2027-01-31\n"));
  }

  @Test
  void badDate() {
    assertEquals(
        "iam-allowlist.yml:3:12: expires '2027-13-01' is not a date; write it as YYYY-MM-DD, e.g. "
            + "expires: 2027-02-22",
        error("- match: { id: ApiKey-1 }\n  reason: kept\n  expires: 2027-13-01\n"));
  }

  @Test
  void expiryBeyondAllowlistMaxDays() {
    assertEquals(
        "iam-allowlist.yml:3:12: expires 2027-11-25 is more than 365 days from today (2026-11-24);"
            + " set a date on or before 2027-11-24 or raise allowlistMaxDays in the policy",
        error("- match: { id: ApiKey-1 }\n  reason: kept\n  expires: 2027-11-25\n"));
  }

  @Test
  void expiryExactlyAtTheLimitIsAccepted() throws IOException {
    assertEquals(
        LocalDate.of(2027, 11, 24),
        load("- match: { id: ApiKey-1 }\n  reason: kept\n  expires: 2027-11-24\n")
            .entries()
            .get(0)
            .expires());
  }

  @Test
  void unknownKeysAndRules() {
    assertEquals(
        "iam-allowlist.yml:2:3: unknown key 'reasons' in allowlist entry 1; did you mean 'reason'?;"
            + " allowed keys: match, rules, reason, owner, expires",
        error("- match: { id: ApiKey-1 }\n  reasons: kept\n  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:1:12: unknown key 'ID' in 'match' of allowlist entry 1; did you mean"
            + " 'id'?; allowed keys: id, iamId, name, type",
        error("- match: { ID: ApiKey-1 }\n  reason: kept\n" + "  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:2:11: unknown rule 'apikey-stale'; known rules: "
            + String.join(", ", RULE_IDS),
        error(
            "- match: { id: ApiKey-1 }\n  rules: [apikey-stale]\n"
                + "  reason: kept\n  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:1:18: type must be one of user, apikey, serviceid, profile, account,"
            + " found 'key'",
        error("- match: { type: key }\n  reason: kept\n  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:1:18: type must be one of user, apikey, serviceid, profile, account,"
            + " found 'ApiKey'; write it in lower case: 'apikey'",
        error("- match: { type: ApiKey }\n  reason: kept\n" + "  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:2:10: 'rules' is empty; name the rules the entry accepts, or leave"
            + " 'rules' out to accept every rule",
        error(
            "- match: { id: ApiKey-1 }\n  rules: []\n  reason: kept\n"
                + "  expires: 2027-01-31\n"));
  }

  @Test
  void duplicateEntries() {
    assertEquals(
        "iam-allowlist.yml:4:3: entry 2 duplicates entry 1 (line 1): both match id=ApiKey-1 for the"
            + " same rules; merge them into one entry",
        error(
            """
            - match: { id: ApiKey-1 }
              reason: kept
              expires: 2027-01-31
            - match: { id: ApiKey-1 }
              rules: [apikey-too-old]
              reason: also kept
              expires: 2027-01-31
            """));
  }

  @Test
  void sameMatchForDifferentRulesIsFine() throws IOException {
    assertEquals(
        2,
        load("""
        - match: { id: ApiKey-1 }
          rules: [apikey-inactive]
          reason: kept
          expires: 2027-01-31
        - match: { id: ApiKey-1 }
          rules: [apikey-too-old]
          reason: rotation waived
          expires: 2027-01-31
        """)
            .entries()
            .size());
  }

  @Test
  void topLevelMustBeAList() {
    assertEquals(
        "iam-allowlist.yml:1:1: the allowlist must be a list, found a mapping",
        error("match: { id: ApiKey-1 }\n"));
  }

  @Test
  void anEntryThatNamesNoIdentityIsRefused() {
    String fix =
        ". Name the identities by id, iamId or a name glob with letters or digits, such as"
            + " sandbox-*; to stop judging a rule for everyone, disable it in the policy instead:"
            + " rules: { apikey-inactive: { enabled: false } }";
    assertEquals(
        "iam-allowlist.yml:1:10: allowlist entry 1 accepts every identity: its name glob '*' has no"
            + " letters or digits"
            + fix,
        error("- match: { name: \"*\" }\n  reason: all\n  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:1:10: allowlist entry 1 accepts every API key: it gives only a type"
            + fix,
        error(
            "- match: { type: apikey }\n"
                + "  rules: [apikey-inactive]\n"
                + "  reason: all\n"
                + "  expires: 2027-01-31\n"));
    assertEquals(
        "iam-allowlist.yml:1:10: allowlist entry 1 accepts every service ID: its name glob '?*-*'"
            + " has no letters or digits"
            + fix.replace("apikey-inactive", "serviceid-inactive"),
        error(
            "- match: { name: \"?*-*\", type: serviceid }\n"
                + "  rules: [serviceid-inactive, apikey-inactive]\n"
                + "  reason: all\n"
                + "  expires: 2027-01-31\n"));
  }

  @Test
  void anEntryNamingIdentitiesMayAlsoGiveABroadNameOrType() throws IOException {
    assertEquals(
        List.of(
            new Match("ApiKey-1", null, "*", IdentityType.APIKEY),
            new Match(null, "IBMid-1", null, IdentityType.USER),
            new Match(null, null, "*a*", null)),
        load(
                """
                - match: { id: ApiKey-1, name: "*", type: apikey }
                  reason: kept
                  expires: 2027-01-31
                - match: { iamId: IBMid-1, type: user }
                  reason: kept
                  expires: 2027-01-31
                - match: { name: "*a*" }
                  reason: kept
                  expires: 2027-01-31
                """)
            .entries()
            .stream()
            .map(AllowlistEntry::match)
            .toList());
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() throws IOException {
    Path file = dir.resolve("iam-allowlist.yml");
    byte[] big = new byte[3 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Files.write(file, big);
    assertEquals(
        "iam-allowlist.yml: the file is larger than 3 MiB (3,145,728 bytes), the most a policy or"
            + " allowlist may be; remove what it does not need, such as expired entries or long"
            + " comments",
        assertThrows(
                UsageException.class,
                () -> new AllowlistLoader(RULE_IDS, TODAY, 365).load(file, "iam-allowlist.yml"))
            .getMessage());
  }

  @Test
  void anEndlessFileIsRefusedWhateverSizeItClaims() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
    assertEquals(
        "iam-allowlist.yml: the file is larger than 3 MiB (3,145,728 bytes), the most a policy or"
            + " allowlist may be; remove what it does not need, such as expired entries or long"
            + " comments",
        assertThrows(
                UsageException.class,
                () -> new AllowlistLoader(RULE_IDS, TODAY, 365).load(zero, "iam-allowlist.yml"))
            .getMessage());
  }

  @Test
  void aVeryLongLineIsRefused() {
    assertEquals(
        "iam-allowlist.yml:2: line 2 is 100,002 bytes long, more than the 65,536 a line may be;"
            + " break it up or remove it",
        error(
            "- match: { id: ApiKey-1 }\n# "
                + "x".repeat(100_000)
                + "\n  reason: kept\n"
                + "  expires: 2027-01-31\n"));
  }

  @Test
  void aYamlAliasIsRefused() {
    assertEquals(
        "iam-allowlist.yml:5:10: YAML aliases (*m) are not supported; write the value out in full",
        error(
            """
            - match: &m { id: ApiKey-1 }
              rules: [apikey-inactive]
              reason: kept
              expires: 2027-01-31
            - match: *m
              rules: [apikey-too-old]
              reason: kept
              expires: 2027-01-31
            """));
    assertEquals(
        "iam-allowlist.yml:1:29: YAML aliases (*k) are not supported; write the value out in full",
        error("- match: { id: &k a, iamId: *k }\n  reason: kept\n  expires: 2027-01-31\n"));
  }
}
