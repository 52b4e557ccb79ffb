package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.simulator.SimulatedAccount;
import dev.iamaudit.simulator.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live audit of a governance repository with Terraform, a module, for_each instances, an
 * interpolated name and a state holding key secrets, against a simulated account whose ids the
 * state names: where every finding points in each format, the drift and unmanaged findings, and no
 * secret anywhere.
 */
class TerraformAuditTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final Path FIXTURES = Path.of("src/test/resources/dev/iamaudit/terraform");
  private static final String KEY = "terraform-fixture-key";
  private static final List<String> SECRETS =
      List.of("FAKE-SECRET", "tf-literal-secret-0000", KEY, "eyJ");

  @TempDir Path dir;
  private Simulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void governanceRepo() throws IOException {
    Path repo = FIXTURES.resolve("repo");
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(repo.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Files.writeString(
        dir.resolve("iam-audit.yml"),
        """
        failOn: high
        rules:
          identity-unmanaged: { enabled: true }
        """);
    simulator =
        Simulator.start(
            SimulatedAccount.read(FIXTURES.resolve("account.json"), CLOCK.instant()), CLOCK);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private int run(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--iam-url",
                simulator.baseUrl().toString(),
                "--user-management-url",
                simulator.baseUrl().toString()));
    args.addAll(List.of(options));
    Environment environment =
        new Environment(Map.of("IBMCLOUD_API_KEY", KEY), dir, CLOCK, sleep -> {}, false);
    return Main.run(
        environment,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        args.toArray(String[]::new));
  }

  private JsonNode read(String report) throws IOException {
    return new ObjectMapper().readTree(dir.resolve("iam-audit-report").resolve(report).toFile());
  }

  /** "rule id @ file:line-endLine", from iam-audit.json. */
  private List<String> jsonLocations() throws IOException {
    List<String> locations = new ArrayList<>();
    read("iam-audit.json")
        .at("/findings")
        .forEach(
            f ->
                locations.add(
                    f.at("/rule").asText()
                        + " "
                        + f.at("/entity/id").asText()
                        + " @ "
                        + f.at("/location/file").asText()
                        + ":"
                        + f.at("/location/line").asInt()
                        + "-"
                        + f.at("/location/endLine").asInt()));
    return locations;
  }

  private static final List<String> LOCATIONS =
      List.of(
          "account-mfa-disabled acc00000000000000000000000000001 @ terraform/main.tf:40-40",
          "apikey-inactive ApiKey-22222222-0000-0000-0000-000000000000 @ terraform/main.tf:10-15",
          "account-apikey-creation-unrestricted acc00000000000000000000000000001 @"
              + " terraform/main.tf:42-42",
          "account-settings-drift acc00000000000000000000000000001 @ terraform/main.tf:42-42",
          "account-settings-drift acc00000000000000000000000000001 @ terraform/main.tf:40-40",
          "account-settings-drift acc00000000000000000000000000001 @ terraform/main.tf:43-43",
          "apikey-too-old ApiKey-33333333-0000-0000-0000-000000000000 @ terraform/main.tf:17-19",
          "apikey-too-old ApiKey-66666666-0000-0000-0000-000000000000 @"
              + " terraform/modules/team/main.tf:17-20",
          "profile-inactive Profile-44444444-0000-0000-0000-000000000000 @ terraform/main.tf:21-27",
          "serviceid-inactive ServiceId-11111111-0000-0000-0000-000000000000 @"
              + " terraform/main.tf:4-8",
          "serviceid-inactive ServiceId-55555555-0000-0000-0000-000000000000 @"
              + " terraform/modules/team/main.tf:9-11",
          "serviceid-inactive ServiceId-77777777-0000-0000-0000-000000000000 @ iam-audit.yml:1-1",
          "serviceid-inactive ServiceId-aaaaaaaa-0000-0000-0000-000000000000 @"
              + " terraform/main.tf:29-32",
          "account-user-list-visible acc00000000000000000000000000001 @ terraform/main.tf:39-56",
          "identity-unmanaged ApiKey-88888888-0000-0000-0000-000000000000 @ iam-audit.yml:3-3",
          "identity-unmanaged ServiceId-99999999-0000-0000-0000-000000000000 @ iam-audit.yml:3-3");

  @Test
  void everyFindingOfADeclaredIdentityPointsAtItsBlockInEveryFormat() throws IOException {
    assertEquals(
        1,
        run(
            "--terraform",
            "terraform",
            "--terraform-state",
            "state/terraform.tfstate",
            "--format",
            "all"));

    assertTrue(
        out.toString()
            .contains(
                "Read 4 Terraform files under terraform: 11 declarations of IAM identities, account"
                    + " settings at terraform/main.tf:39; the state state/terraform.tfstate gives"
                    + " 10 of them their ids\n"),
        out.toString());
    assertEquals(LOCATIONS, jsonLocations());

    JsonNode sarif = read("iam-audit.sarif");
    List<String> regions = new ArrayList<>();
    sarif
        .at("/runs/0/results")
        .forEach(
            r -> {
              JsonNode location = r.at("/locations/0/physicalLocation");
              String uri = location.at("/artifactLocation/uri").asText();
              assertTrue(
                  Files.isRegularFile(dir.resolve(uri)), uri + " is not a file of the repository");
              regions.add(
                  r.at("/ruleId").asText()
                      + " "
                      + uri
                      + ":"
                      + location.at("/region/startLine").asInt()
                      + (location.at("/region").has("endLine")
                          ? "-" + location.at("/region/endLine").asInt()
                          : ""));
            });
    assertEquals(
        LOCATIONS.stream()
            .map(l -> l.replaceAll(" \\S+ @ ", " ").replaceAll(":(\\d+)-\\1$", ":$1"))
            .toList(),
        regions);

    List<String> gitlab = new ArrayList<>();
    read("gl-code-quality-report.json")
        .forEach(
            issue ->
                gitlab.add(
                    issue.at("/check_name").asText()
                        + " "
                        + issue.at("/location/path").asText()
                        + ":"
                        + issue.at("/location/lines/begin").asInt()
                        + (issue.at("/location/lines").has("end")
                            ? "-" + issue.at("/location/lines/end").asInt()
                            : "")));
    assertEquals(new TreeSet<>(regions), new TreeSet<>(gitlab));
    assertNoSecretAnywhere();
  }

  @Test
  void theDriftNamesTheSettingBothValuesAndWhereTheValueIsSet() throws IOException {
    run(
        "--terraform",
        "terraform",
        "--terraform-state",
        "state/terraform.tfstate",
        "--format",
        "json");

    List<String> drift = new ArrayList<>();
    read("iam-audit.json")
        .at("/findings")
        .forEach(
            f -> {
              if (f.at("/rule").asText().equals("account-settings-drift")) {
                drift.add(f.at("/message").asText());
              }
            });
    String fix =
        " in ibm_iam_account_settings.settings. Fix: run terraform apply to restore the declared"
            + " value (an enterprise template in force overrides the account's own setting), or"
            + " change the declaration if the account's value is the intended one, or accept it in"
            + " the allowlist with match: { id: acc00000000000000000000000000001 }, rules:"
            + " [account-settings-drift].";
    assertEquals(
        List.of(
            "Account acc00000000000000000000000000001 has restrict_create_platform_apikey"
                + " NOT_RESTRICTED in force, but terraform/main.tf:42 declares"
                + " restrict_create_platform_apikey = \"RESTRICTED\" (the value is set at"
                + " terraform/terraform.tfvars:2)"
                + fix,
            "Account acc00000000000000000000000000001 has mfa NONE in force, but"
                + " terraform/main.tf:40 declares mfa = \"TOTP4ALL\""
                + fix,
            "Account acc00000000000000000000000000001 has allowed_ip_addresses \"\" in force, but"
                + " terraform/main.tf:43 declares allowed_ip_addresses ="
                + " \"192.0.2.0/24,198.51.100.7\""
                + fix),
        drift);
  }

  @Test
  void theShowJsonStateGivesTheSameLocations() throws IOException {
    assertEquals(
        1,
        run(
            "--terraform",
            "terraform",
            "--terraform-state",
            "state/show.json",
            "--format",
            "json"));
    assertEquals(LOCATIONS, jsonLocations());
    assertNoSecretAnywhere();
  }

  @Test
  void withoutTheStateTheInterpolatedNamesAreNotesAndTheUnmanagedRuleCannotRun()
      throws IOException {
    assertEquals(1, run("--terraform", "terraform", "--format", "json"));

    JsonNode json = read("iam-audit.json");
    List<String> notes = new ArrayList<>();
    json.at("/notes").forEach(n -> notes.add(n.asText()));
    assertTrue(
        notes.contains(
            "terraform/main.tf:31: ibm_iam_service_id.per_team: the name is an interpolated string,"
                + " which iam-audit does not evaluate, so it matches no service ID; give the"
                + " Terraform state so it is matched by id"),
        notes.toString());
    JsonNode unmanaged = null;
    for (JsonNode rule : json.at("/rules")) {
      if (rule.at("/id").asText().equals("identity-unmanaged")) {
        unmanaged = rule;
      }
    }
    assertEquals("not-evaluated", unmanaged.at("/state").asText());
    List<String> locations = jsonLocations();
    assertTrue(
        locations.contains(
            "serviceid-inactive ServiceId-11111111-0000-0000-0000-000000000000 @"
                + " terraform/main.tf:4-8"),
        locations.toString());
    assertTrue(
        locations.contains(
            "serviceid-inactive ServiceId-aaaaaaaa-0000-0000-0000-000000000000 @"
                + " iam-audit.yml:1-1"),
        locations.toString());
  }

  @Test
  void terraformNoneLeavesTheFindingsOnThePolicyAndTheDriftRuleOff() throws IOException {
    assertEquals(1, run("--terraform", "none", "--format", "json"));

    assertTrue(
        out.toString()
            .startsWith(
                "Policy: iam-audit.yml (1 rule differs from the defaults)\n"
                    + "Allowlist: none found at iam-allowlist.yml, no exceptions\n"
                    + "No Terraform read: turned off\n"),
        out.toString());
    for (String location : jsonLocations()) {
      assertTrue(
          location.endsWith(" @ iam-audit.yml:1-1") || location.endsWith(" @ iam-audit.yml:3-3"),
          location);
    }
    for (JsonNode rule : read("iam-audit.json").at("/rules")) {
      if (rule.at("/id").asText().equals("account-settings-drift")) {
        assertEquals("disabled", rule.at("/state").asText());
      }
    }
  }

  @Test
  void terraformOutsideTheRepositoryIsReadButNotPointedAt() throws IOException {
    Path repo = dir.resolve("governance");
    Files.createDirectories(repo);
    Files.move(dir.resolve("iam-audit.yml"), repo.resolve("iam-audit.yml"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--iam-url",
                simulator.baseUrl().toString(),
                "--user-management-url",
                simulator.baseUrl().toString(),
                "--terraform",
                "../terraform",
                "--terraform-state",
                "../state/terraform.tfstate",
                "--format",
                "sarif,json"));
    Environment environment =
        new Environment(Map.of("IBMCLOUD_API_KEY", KEY), repo, CLOCK, sleep -> {}, false);
    assertEquals(
        1,
        Main.run(
            environment,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args.toArray(String[]::new)));

    assertTrue(
        err.toString()
            .contains(
                "warning: The Terraform directory ../terraform is outside the repository, so"
                    + " findings on what it declares point at the allowlist or the policy instead"
                    + " of its files\n"),
        err.toString());
    JsonNode sarif =
        new ObjectMapper().readTree(repo.resolve("iam-audit-report/iam-audit.sarif").toFile());
    TreeSet<String> uris = new TreeSet<>();
    sarif
        .at("/runs/0/results")
        .forEach(
            r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
    assertEquals(new TreeSet<>(List.of("iam-audit.yml")), uris);
    JsonNode json =
        new ObjectMapper().readTree(repo.resolve("iam-audit-report/iam-audit.json").toFile());
    assertEquals(
        3,
        json.at("/findings").findValues("rule").stream()
            .filter(rule -> rule.asText().equals("account-settings-drift"))
            .count());
  }

  @Test
  void optionsThatContradictOrNameNothingAreUsageErrors() {
    assertEquals(2, run("--terraform", "none", "--terraform-state", "state/show.json"));
    assertEquals(
        "iam-audit: --terraform none turns Terraform off, and --terraform-state needs it; drop"
            + " one\n",
        err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("--terraform", "infra"));
    assertEquals(
        "iam-audit: infra: directory not found; name the directory that holds the .tf files, or"
            + " none to turn Terraform off\n",
        err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("--terraform-state", "missing.json"));
    assertEquals(
        "iam-audit: missing.json: file not found; check the path, or give terraform.tfstate (format"
            + " version 4) or the output of terraform show -json\n",
        err.toString());
  }

  private void assertNoSecretAnywhere() throws IOException {
    for (String secret : SECRETS) {
      assertFalse(out.toString().contains(secret), secret + " on the console");
      assertFalse(err.toString().contains(secret), secret + " on the console");
    }
    try (Stream<Path> files = Files.walk(dir.resolve("iam-audit-report"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        for (String secret : SECRETS) {
          assertFalse(content.contains(secret), secret + " in " + file);
        }
      }
    }
  }
}
