package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamaudit.AuditOutcome;
import dev.iamaudit.AuditRequest;
import dev.iamaudit.IamAudit;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.Match;
import dev.iamaudit.report.ToolVersion;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.simulator.DemoAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baseline} on a saved activity report (users, API keys, service IDs, a trusted profile) and
 * on the demo account (account settings, expired and unused entries): what it appends, what it
 * leaves alone, and the audit that passes after it.
 */
class BaselineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final Path REPORT = Path.of("src/test/resources/dev/iamaudit/cli/report.json");
  private static final String HEADER =
      new StarterFiles(Rules.all(), LocalDate.of(2026, 11, 24), ToolVersion.get())
          .allowlistHeader();
  private static final BaselineRequest DEFAULTS =
      new BaselineRequest(null, null, "--owner", "--expires-in");

  /**
   * The nine violations of the report, in the audit's order, as the entries baseline writes for
   * them.
   */
  private static final String ENTRIES =
      """
      # Baseline of 2026-11-24: 9 violations accepted as they stood. Fix each before its entry expires.
      - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000001 }  # API key 'ci-deployer'
        rules: [apikey-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000004 }  # API key 'dr-drill'
        rules: [apikey-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000003 }  # API key 'terraform, prod'
        rules: [apikey-never-used]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: Profile-94497d0d-0000-4000-8000-000000000001 }  # Trusted profile 'k8s-reader'
        rules: [profile-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: ServiceId-3a1b2c3d-0000-4000-8000-000000000002 }  # Service ID 'disaster-recovery'
        rules: [serviceid-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: ServiceId-3a1b2c3d-0000-4000-8000-000000000003 }  # Service ID 'old-etl'
        rules: [serviceid-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: IBMid-6670000DEF }  # User 'Grace Hopper'
        rules: [user-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: IBMid-6670000GHI }  # User 'Alan Turing'
        rules: [user-inactive]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      - match: { id: IBMid-6670000DEF }  # User 'Grace Hopper'
        rules: [user-multiple-apikeys]
        reason: "Accepted as a baseline on 2026-11-24"
        owner: secops@example.com
        expires: 2027-02-22
      """;

  @TempDir Path dir;
  private Path allowlist;

  @BeforeEach
  void copyTheReport() throws IOException {
    Files.copy(REPORT, dir.resolve("report.json"));
    allowlist = dir.resolve("iam-allowlist.yml");
  }

  private AuditRequest request() {
    return AuditRequest.builder(dir, dir.resolve("out"), TestOptionNames.INSTANCE)
        .reportFile(dir.resolve("report.json"))
        .formats(List.of("json"))
        .build();
  }

  private BaselineOutcome baseline(BaselineRequest options) {
    return new Baseline(CLOCK, sleep -> {}).run(request(), options, AuditListener.SILENT);
  }

  private AuditOutcome audit() {
    return new IamAudit(CLOCK, sleep -> {}).run(request(), AuditListener.SILENT);
  }

  private static BaselineRequest owner(String owner) {
    return new BaselineRequest(owner, null, "--owner", "--expires-in");
  }

  @Test
  void createsTheAllowlistWithOneEntryPerViolationAndTheSameAuditThenPasses() throws IOException {
    assertEquals(1, audit().exitCode());

    BaselineOutcome outcome = baseline(owner("secops@example.com"));

    assertEquals(
        "Created iam-allowlist.yml with 9 entries (expires 2027-02-22, owner secops@example.com)",
        outcome.summary());
    assertEquals(
        List.of("Wrote iam-allowlist.schema.json beside it, the schema its first line names"),
        outcome.written());
    assertEquals(List.of(), outcome.notAdded());
    assertEquals(HEADER + "\n" + ENTRIES, Files.readString(allowlist));
    assertEquals(List.of(), SchemaCheck.allowlist().errors(Files.readString(allowlist)));
    assertEquals(
        new Schemas(Rules.all()).allowlist(),
        Files.readString(dir.resolve("iam-allowlist.schema.json")));
    AuditOutcome after = audit();
    assertEquals(0, after.exitCode());
    assertEquals(0, after.result().violations());
    assertEquals(9, after.result().allowlisted());
    for (Finding finding : after.result().findings()) {
      assertEquals("Accepted as a baseline on 2026-11-24", finding.allowlistEntry().reason());
    }
  }

  /**
   * Checkov's baseline takes every failed check: the low one, below failOn medium, is in the
   * entries too.
   */
  @Test
  void acceptsViolationsBelowFailOnToo() throws IOException {
    assertTrue(ENTRIES.contains("rules: [user-multiple-apikeys]"));
    baseline(DEFAULTS);

    assertTrue(Files.readString(allowlist).contains("  rules: [user-multiple-apikeys]\n"));
  }

  @Test
  void runningItAgainAddsNothing() throws IOException {
    baseline(owner("secops@example.com"));
    byte[] once = Files.readAllBytes(allowlist);

    BaselineOutcome again = baseline(owner("secops@example.com"));

    assertEquals(
        "Nothing to add: every finding is allowlisted already (9 findings); iam-allowlist.yml is"
            + " unchanged",
        again.summary());
    assertEquals(List.of(), again.written());
    assertEquals(0, again.added());
    assertArrayEquals(once, Files.readAllBytes(allowlist));
  }

  @Test
  void keepsWhatTheFileHoldsByteForByteAndAddsOnlyWhatItDoesNotAccept() throws IOException {
    String ours =
        """
        # Exceptions reviewed by the platform team.

        # The drill key is used four times a year.
        - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000004 }   # dr-drill
          rules: [apikey-inactive]
          reason: "Disaster recovery, used only in quarterly drills"
          expires: 2027-01-31

        # Grace is on leave; all her findings wait.
        - match: { iamId: IBMid-6670000DEF }
          reason: On leave until January
          owner: people-ops
          expires: 2027-01-15
        # end of reviewed entries
        """;
    Files.writeString(allowlist, ours);

    BaselineOutcome outcome = baseline(owner("secops@example.com"));

    assertEquals(
        "Added 5 entries to iam-allowlist.yml (expires 2027-02-22, owner secops@example.com)",
        outcome.summary());
    assertEquals(List.of(), outcome.written());
    String text = Files.readString(allowlist);
    assertTrue(text.startsWith(ours + "\n# Baseline of 2026-11-24: 5 violations accepted"), text);
    List<String> accepted =
        text.lines().filter(line -> line.startsWith("- match: { id: ")).toList();
    assertEquals(
        List.of(
            "- match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000001 }  # API key 'ci-deployer'",
            "- match: { id: Profile-94497d0d-0000-4000-8000-000000000001 }  # Trusted profile"
                + " 'k8s-reader'",
            "- match: { id: ServiceId-3a1b2c3d-0000-4000-8000-000000000002 }  # Service ID"
                + " 'disaster-recovery'",
            "- match: { id: ServiceId-3a1b2c3d-0000-4000-8000-000000000003 }  # Service ID"
                + " 'old-etl'",
            "- match: { id: IBMid-6670000GHI }  # User 'Alan Turing'"),
        accepted.subList(1, accepted.size()));
    assertEquals(0, audit().exitCode());
  }

  @Test
  void continuesAFileWithItsOwnLineEndsAndIndentation() throws IOException {
    String ours =
        "# ours\r\n  - match: { id: IBMid-6670000GHI }\r\n    reason: \"new joiner\"\r\n"
            + "    expires: 2027-01-31";
    Files.writeString(allowlist, ours);

    assertEquals(8, baseline(DEFAULTS).added());

    String text = Files.readString(allowlist);
    assertTrue(
        text.startsWith(
            ours
                + "\r\n\r\n"
                + "  # Baseline of 2026-11-24: 8 violations accepted as they stood. Fix each before"
                + " its entry expires.\r\n"
                + "  - match: { id: ApiKey-7f3c1a2b-0000-4000-8000-000000000001 }  # API key"
                + " 'ci-deployer'\r\n"
                + "    rules: [apikey-inactive]\r\n"
                + "    reason: \"Accepted as a baseline on 2026-11-24\"\r\n"
                + "    expires: 2027-02-22\r\n"
                + "  - match: "),
        text);
    assertFalse(text.replace("\r\n", "").contains("\n"), text);
    assertEquals(0, audit().exitCode());
  }

  @Test
  void anAllowlistOfCommentsOnlyGetsItsFirstEntries() throws IOException {
    Files.writeString(allowlist, HEADER);

    BaselineOutcome outcome = baseline(owner("secops@example.com"));

    assertEquals(
        "Added 9 entries to iam-allowlist.yml (expires 2027-02-22, owner secops@example.com)",
        outcome.summary());
    assertEquals(HEADER + "\n" + ENTRIES, Files.readString(allowlist));
    assertFalse(Files.exists(dir.resolve("iam-allowlist.schema.json")));
  }

  @Test
  void anOwnerAndAnExpiryOfOnesOwn() throws IOException {
    BaselineOutcome outcome =
        baseline(
            new BaselineRequest("  Jane Doe <jane@example.com>  ", 30, "--owner", "--expires-in"));

    assertEquals(
        "Created iam-allowlist.yml with 9 entries (expires 2026-12-24, owner Jane Doe"
            + " <jane@example.com>)",
        outcome.summary());
    String text = Files.readString(allowlist);
    assertTrue(
        text.contains("\n  owner: \"Jane Doe <jane@example.com>\"\n  expires: 2026-12-24\n"), text);
    assertFalse(text.contains("2027-02-22"));
    assertEquals(0, audit().exitCode());
  }

  @Test
  void withoutAnOwnerTheEntriesHaveNone() throws IOException {
    assertEquals(
        "Created iam-allowlist.yml with 9 entries (expires 2027-02-22, no owner)",
        baseline(DEFAULTS).summary());
    assertFalse(Files.readString(allowlist).contains("owner:"));
  }

  /** The default is a quarter; a policy that allows less gets its own limit. */
  @Test
  void theDefaultExpiryIsTheAllowlistLimitWhenThatIsShorter() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "allowlistMaxDays: 30\n");

    assertEquals(
        "Created iam-allowlist.yml with 9 entries (expires 2026-12-24, no owner)",
        baseline(DEFAULTS).summary());
    assertEquals(0, audit().exitCode());
  }

  @Test
  void anExpiryBeyondTheAllowlistLimitIsRefusedAndNothingIsWritten() throws IOException {
    Files.writeString(dir.resolve("iam-audit.yml"), "allowlistMaxDays: 60\n");

    UsageException e =
        assertThrows(
            UsageException.class,
            () -> baseline(new BaselineRequest(null, 61, "--owner", "--expires-in")));

    assertEquals(
        "--expires-in 61 is more than allowlistMaxDays (60 in iam-audit.yml), the most days from"
            + " today an entry may expire; give at most 60, or raise allowlistMaxDays in the"
            + " policy. Nothing was added",
        e.getMessage());
    assertEquals(2, e.exitCode());
    assertFalse(Files.exists(allowlist));
    assertFalse(Files.exists(dir.resolve("iam-allowlist.schema.json")));
  }

  @Test
  void anExpiryBeyondTheDefaultLimitNamesTheDefault() throws IOException {
    Files.writeString(allowlist, "# ours\n");

    UsageException e =
        assertThrows(
            UsageException.class,
            () -> baseline(new BaselineRequest(null, 366, "iam.owner", "iam.expiresIn")));

    assertEquals(
        "iam.expiresIn 366 is more than allowlistMaxDays (365, the default), the most days from"
            + " today an entry may expire; give at most 365, or raise allowlistMaxDays in the"
            + " policy. Nothing was added",
        e.getMessage());
    assertEquals("# ours\n", Files.readString(allowlist));
  }

  /**
   * The front ends refuse it in their own terms; the core refuses it too rather than write where
   * nobody reads.
   */
  @Test
  void aDemoWithoutAnAllowlistOfItsOwnIsNoBaseline() {
    AuditRequest demo =
        AuditRequest.builder(dir, dir.resolve("out"), TestOptionNames.INSTANCE).demo().build();

    assertThrows(
        IllegalArgumentException.class,
        () -> new Baseline(CLOCK, sleep -> {}).run(demo, DEFAULTS, AuditListener.SILENT));

    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void theOptionsAreCheckedInTheFrontEndsTerms() {
    assertEquals(
        "iam.owner is empty; name who answers for the accepted findings (a team or an address), or"
            + " leave it out for entries without an owner",
        assertThrows(
                UsageException.class,
                () -> new BaselineRequest(" ", null, "iam.owner", "iam.expiresIn"))
            .getMessage());
    assertEquals(
        "--expires-in must be a number of days of at least 1, found 0",
        assertThrows(
                UsageException.class, () -> new BaselineRequest(null, 0, "--owner", "--expires-in"))
            .getMessage());
  }

  @Test
  void anAllowlistThatDoesNotLoadIsRefusedByTheAuditAndLeftAsItWas() throws IOException {
    String broken =
        "- match: { id: IBMid-6670000GHI }\n  reason: [unclosed\n  expires: 2027-01-31\n";
    Files.writeString(allowlist, broken);

    UsageException e = assertThrows(UsageException.class, () -> baseline(DEFAULTS));

    assertTrue(e.getMessage().startsWith("iam-allowlist.yml:3:"), e.getMessage());
    assertEquals(broken, Files.readString(allowlist));
    assertEquals(List.of("iam-allowlist.yml", "report.json"), listing());
  }

  /**
   * A flow list loads, but block entries after it would not: the result is read back before it
   * replaces the file.
   */
  @Test
  void aFileTheEntriesCannotContinueIsLeftAsItWas() throws IOException {
    Files.writeString(allowlist, "[]\n");

    UsageException e = assertThrows(UsageException.class, () -> baseline(DEFAULTS));

    assertEquals(
        "Could not add the entries to iam-allowlist.yml, which is left as it was: with them"
            + " appended it would not load (iam-allowlist.yml:4:1: not valid YAML: expected"
            + " '<document start>', but found '<block sequence start>'; fix the indentation or"
            + " quoting there). Baseline appends a block list ('- match: ...') at the end of the"
            + " file; write the file's entries that way",
        e.getMessage());
    assertEquals(2, e.exitCode());
    assertEquals("[]\n", Files.readString(allowlist));
    assertEquals(List.of("iam-allowlist.yml", "out", "report.json"), listing());
  }

  @Test
  void anAllowlistTheEntriesWouldTakeBeyondItsSizeLimitIsLeftAsItWas() throws IOException {
    String comment = "# " + "x".repeat(98) + "\n";
    String ours = comment.repeat(AllowlistLoader.MAX_BYTES / comment.length());
    Files.writeString(allowlist, ours);

    UsageException e = assertThrows(UsageException.class, () -> baseline(DEFAULTS));

    assertEquals(
        "Could not add the entries to iam-allowlist.yml, which is left as it was: with them it"
            + " would hold 3,147,346 bytes, more than the 3,145,728 an allowlist may. Accept a few"
            + " rules at a time (a policy for the baseline that enables only them), or fewer,"
            + " broader entries by hand (iamId, name globs)",
        e.getMessage());
    assertEquals(
        3_147_346,
        ours.length()
            + "\n".length()
            + ENTRIES.replace("  owner: secops@example.com\n", "").length());
    assertEquals(ours, Files.readString(allowlist));
    assertEquals(List.of("iam-allowlist.yml", "out", "report.json"), listing());
  }

  @Test
  void anAuditThatCannotRunLeavesNoAllowlistBehind() throws IOException {
    Files.writeString(dir.resolve("report.json"), "{\"reference\": ");

    assertThrows(DataException.class, () -> baseline(DEFAULTS));

    assertEquals(List.of("report.json"), listing());
  }

  @Test
  void theFileKeepsItsPermissions() throws IOException {
    assumeTrue(
        Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX permissions");
    Files.writeString(allowlist, "# ours\n");
    Files.setPosixFilePermissions(allowlist, PosixFilePermissions.fromString("rw-r-----"));

    baseline(DEFAULTS);

    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(allowlist)));
  }

  @Test
  void aLinkedAllowlistStaysALinkAndItsFileGetsTheEntries() throws IOException {
    Path real =
        Files.writeString(
            Files.createDirectories(dir.resolve("shared")).resolve("accepted.yml"), "# ours\n");
    Files.createSymbolicLink(allowlist, Path.of("shared/accepted.yml"));

    baseline(DEFAULTS);

    assertTrue(Files.isSymbolicLink(allowlist));
    assertTrue(
        Files.readString(real).startsWith("# ours\n\n# Baseline of 2026-11-24: 9 violations"));
    assertEquals(List.of("accepted.yml"), listing(dir.resolve("shared")));
  }

  @Test
  void aNamedAllowlistThatDoesNotExistIsCreatedThere() throws IOException {
    Path named = Files.createDirectories(dir.resolve("governance")).resolve("accepted.yml");
    AuditRequest request =
        AuditRequest.builder(dir, dir.resolve("out"), TestOptionNames.INSTANCE)
            .reportFile(dir.resolve("report.json"))
            .allowlistFile(named)
            .formats(List.of("json"))
            .build();

    BaselineOutcome outcome =
        new Baseline(CLOCK, sleep -> {}).run(request, DEFAULTS, AuditListener.SILENT);

    assertEquals(
        "Created governance/accepted.yml with 9 entries (expires 2027-02-22, no owner)",
        outcome.summary());
    assertEquals(List.of("accepted.yml", "iam-allowlist.schema.json"), listing(named.getParent()));
    assertFalse(Files.exists(allowlist));
    assertEquals(0, new IamAudit(CLOCK, sleep -> {}).run(request, AuditListener.SILENT).exitCode());
  }

  /**
   * The demo account has account settings, an expired entry and an unused one. An account finding
   * is accepted by the account id, as its message suggests, which matches exactly the account's
   * findings; the allowlist's own findings and the violation its expired entry covers are left for
   * a person.
   */
  @Test
  void onTheDemoAccountTheAccountIsMatchedByItsIdAndTheAllowlistsOwnFindingsAreLeft()
      throws IOException {
    Path governance =
        DemoAccount.writeGovernanceFiles(dir.resolve("governance"), LocalDate.of(2026, 11, 24));
    Path demoAllowlist = governance.resolve("iam-allowlist.yml");
    String before = Files.readString(demoAllowlist);
    AuditRequest request =
        AuditRequest.builder(dir, dir.resolve("out"), TestOptionNames.INSTANCE)
            .demo()
            .allowlistFile(demoAllowlist)
            .formats(List.of("json"))
            .build();

    BaselineOutcome outcome =
        new Baseline(CLOCK, sleep -> {}).run(request, DEFAULTS, AuditListener.SILENT);

    assertEquals(
        "Added 32 entries to governance/iam-allowlist.yml (expires 2027-02-22, no owner)",
        outcome.summary());
    assertEquals(
        List.of(
            "Not added: 2 violations of allowlist-expired and allowlist-unused: findings about the"
                + " allowlist's own entries, which no entry can accept; renew, correct or delete"
                + " the entries they name",
            "Not added: 1 violation that an expired entry covers (governance/iam-allowlist.yml:7):"
                + " give the entry a new expires date, or fix the finding and delete it"),
        outcome.notAdded());
    String text = Files.readString(demoAllowlist);
    assertTrue(text.startsWith(before + "\n# Baseline of 2026-11-24: 32 violations"), text);
    assertEquals(
        List.of(
            "account-apikey-creation-unrestricted",
            "account-settings-drift",
            "account-ip-allowlist-unset",
            "account-serviceid-creation-unrestricted",
            "account-user-list-visible"),
        rulesOf(text, "- match: { id: " + DemoAccount.ACCOUNT_ID + " }  # the account"));

    AuditOutcome after = new IamAudit(CLOCK, sleep -> {}).run(request, AuditListener.SILENT);
    List<String> left = new ArrayList<>();
    for (Finding finding : after.result().findings()) {
      if (finding.entity().type() == IdentityType.ACCOUNT
          && finding.allowlistEntry() != null
          && !finding.rule().startsWith("allowlist-")) {
        assertEquals(
            new Match(DemoAccount.ACCOUNT_ID, null, null, null), finding.allowlistEntry().match());
      }
      if (finding.isViolation()) {
        left.add(finding.rule() + " " + finding.entity().name());
      }
    }
    assertEquals(
        List.of(
            "allowlist-expired allowlist entry id=Profile-1d1e0000-0000-4000-8000-000000000001",
            "profile-inactive ops-readonly",
            "allowlist-unused allowlist entry name=sandbox-*, type=apikey"),
        left);

    BaselineOutcome again =
        new Baseline(CLOCK, sleep -> {}).run(request, DEFAULTS, AuditListener.SILENT);
    assertEquals(
        "Nothing to add: no violation that a new entry could accept; governance/iam-allowlist.yml"
            + " is unchanged",
        again.summary());
    assertEquals(outcome.notAdded(), again.notAdded());
  }

  /** The rules of the entries whose first line is {@code first}, in file order. */
  private static List<String> rulesOf(String allowlist, String first) {
    List<String> lines = allowlist.lines().toList();
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals(first)) {
        rules.add(lines.get(i + 1).replace("  rules: [", "").replace("]", ""));
      }
    }
    return rules;
  }

  private List<String> listing() throws IOException {
    return listing(dir);
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return new ArrayList<>(files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }
}
