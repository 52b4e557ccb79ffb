package dev.iamaudit.terraform;

import static dev.iamaudit.terraform.DeclarationKind.ACCOUNT_SETTINGS;
import static dev.iamaudit.terraform.DeclarationKind.SERVICE_ID;
import static dev.iamaudit.terraform.DeclarationKind.SERVICE_ID_API_KEY;
import static dev.iamaudit.terraform.DeclarationKind.TRUSTED_PROFILE;
import static dev.iamaudit.terraform.DeclarationKind.USER_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformStateTest {
  static final Path STATES = Path.of("src/test/resources/dev/iamaudit/terraform/repo/state");

  /** Every fake key value of the fixtures starts so. */
  static final String SECRET = "FAKE-SECRET";

  static final List<TerraformState.Instance> FIXTURE_INSTANCES =
      List.of(
          new TerraformState.Instance(
              SERVICE_ID,
              "ibm_iam_service_id.deployer",
              "ibm_iam_service_id.deployer",
              "ServiceId-11111111-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              SERVICE_ID_API_KEY,
              "ibm_iam_service_api_key.deployer_key",
              "ibm_iam_service_api_key.deployer_key",
              "ApiKey-22222222-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              USER_API_KEY,
              "ibm_iam_api_key.admin",
              "ibm_iam_api_key.admin",
              "ApiKey-33333333-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              TRUSTED_PROFILE,
              "ibm_iam_trusted_profile.ops",
              "ibm_iam_trusted_profile.ops",
              "Profile-44444444-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              SERVICE_ID,
              "ibm_iam_service_id.per_team[\"alpha\"]",
              "ibm_iam_service_id.per_team",
              "ServiceId-aaaaaaaa-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              SERVICE_ID,
              "ibm_iam_service_id.per_team[\"beta\"]",
              "ibm_iam_service_id.per_team",
              "ServiceId-bbbbbbbb-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              SERVICE_ID,
              "ibm_iam_service_id.workers[0]",
              "ibm_iam_service_id.workers",
              "ServiceId-00000000-0000-0000-0000-0000000000w0"),
          new TerraformState.Instance(
              SERVICE_ID,
              "ibm_iam_service_id.workers[1]",
              "ibm_iam_service_id.workers",
              "ServiceId-00000000-0000-0000-0000-0000000000w1"),
          new TerraformState.Instance(
              ACCOUNT_SETTINGS,
              "ibm_iam_account_settings.settings",
              "ibm_iam_account_settings.settings",
              "acc00000000000000000000000000001"),
          new TerraformState.Instance(
              SERVICE_ID,
              "module.team.ibm_iam_service_id.this",
              "module.team.ibm_iam_service_id.this",
              "ServiceId-55555555-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              SERVICE_ID_API_KEY,
              "module.team.ibm_iam_service_api_key.this",
              "module.team.ibm_iam_service_api_key.this",
              "ApiKey-66666666-0000-0000-0000-000000000000"),
          new TerraformState.Instance(
              SERVICE_ID,
              "module.registry.ibm_iam_service_id.this",
              "module.registry.ibm_iam_service_id.this",
              "ServiceId-77777777-0000-0000-0000-000000000000"));

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, json);
    return file;
  }

  private UsageException refused(String json) throws IOException {
    Path file = write(json);
    return assertThrows(UsageException.class, () -> TerraformState.read(file, "state.json"));
  }

  @Test
  void readsTheIdsOfAVersion4StateInsideModulesAndForEveryInstance() {
    TerraformState state =
        TerraformState.read(STATES.resolve("terraform.tfstate"), "terraform.tfstate");
    assertEquals(FIXTURE_INSTANCES, state.instances());
    assertEquals("terraform.tfstate", state.file());
    assertFalse(state.empty());
  }

  @Test
  void readsTheSameFromTerraformShowJson() {
    TerraformState state = TerraformState.read(STATES.resolve("show.json"), "show.json");
    assertEquals(FIXTURE_INSTANCES, state.instances());
  }

  @Test
  void nothingReadFromAStateHoldsItsSecrets() {
    for (String name : List.of("terraform.tfstate", "show.json")) {
      TerraformState state = TerraformState.read(STATES.resolve(name), name);
      assertFalse(state.instances().toString().contains(SECRET), name);
    }
  }

  @Test
  void aStateCutInsideAKeyValueIsRefusedWithoutTheValue() throws IOException {
    String state = Files.readString(STATES.resolve("terraform.tfstate"));
    int cut = state.indexOf("FAKE-SECRET-apikey-1111") + "FAKE-SECRET-apikey-11".length();
    UsageException e = refused(state.substring(0, cut));
    assertEquals(
        "state.json:63:45: not valid JSON; give terraform.tfstate (format version 4) or the output"
            + " of terraform show -json",
        e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void aKeyValueThatIsNotJsonIsNotQuoted() throws IOException {
    String state =
        Files.readString(STATES.resolve("terraform.tfstate"))
            .replace(
                "\"FAKE-SECRET-apikey-1111111111111111111111\"",
                "FAKE-SECRET-apikey-1111111111111111111111");
    UsageException e = refused(state);
    assertEquals(
        "state.json:63:28: not valid JSON; give terraform.tfstate (format version 4) or the output"
            + " of terraform show -json",
        e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
    assertNull(e.getCause());
  }

  @Test
  void aKeyValueInTheWrongPlaceIsNotQuoted() throws IOException {
    UsageException e =
        refused(
            """
            {"version": 4, "resources": [{"mode": "managed", "type": "ibm_iam_api_key", "name": "a",
              "instances": "FAKE-SECRET-apikey-9999"}]}
            """);
    assertEquals(
        "state.json:2:16: not a Terraform state: expected instances as a list; give"
            + " terraform.tfstate (format version 4) or the output of terraform show -json",
        e.getMessage());
  }

  @Test
  void refusesOlderStateVersions() throws IOException {
    assertEquals(
        "state.json: state format version 3 is not supported; run terraform show -json > state.json"
            + " with Terraform 0.12 or later and give that file",
        refused("{\"version\": 3, \"modules\": []}").getMessage());
  }

  @Test
  void refusesAPlan() throws IOException {
    assertEquals(
        "state.json: is the JSON of a plan, not of the state; run terraform show -json without a"
            + " plan file and give that output",
        refused("{\"format_version\": \"1.2\", \"planned_values\": {}, \"resource_changes\": []}")
            .getMessage());
  }

  @Test
  void refusesAnUnknownShowFormat() throws IOException {
    assertEquals(
        "state.json: format_version 2.0 of terraform show -json is not supported; iam-audit reads"
            + " format 1.x",
        refused("{\"format_version\": \"2.0\", \"values\": {}}").getMessage());
  }

  @Test
  void refusesJsonThatIsNotAState() throws IOException {
    assertEquals(
        "state.json: is not a Terraform state (it has neither version nor format_version); give"
            + " terraform.tfstate (format version 4) or the output of terraform show -json",
        refused("{\"account\": \"a\"}").getMessage());
    assertEquals(
        "state.json:1:1: not a Terraform state: expected a JSON object; give terraform.tfstate"
            + " (format version 4) or the output of terraform show -json",
        refused("[]").getMessage());
    assertEquals(
        "state.json:1:10: not valid JSON; give terraform.tfstate (format version 4) or the output"
            + " of terraform show -json",
        refused("resource \"a\" \"b\" {}").getMessage());
    assertEquals(
        "state.json:1:16: not a Terraform state: expected one JSON value, not a second one; give"
            + " terraform.tfstate (format version 4) or the output of terraform show -json",
        refused("{\"version\": 4} {}").getMessage());
  }

  @Test
  void aMissingFileOrADirectoryIsAUsageError() {
    assertEquals(
        "missing.tfstate: file not found; check the path, or give terraform.tfstate (format version"
            + " 4) or the output of terraform show -json",
        assertThrows(
                UsageException.class,
                () -> TerraformState.read(dir.resolve("missing.tfstate"), "missing.tfstate"))
            .getMessage());
    assertEquals(
        "state: is a directory; give terraform.tfstate (format version 4) or the output of"
            + " terraform show -json",
        assertThrows(UsageException.class, () -> TerraformState.read(dir, "state")).getMessage());
  }

  @Test
  void aStateWithoutResourcesIsEmpty() throws IOException {
    TerraformState fromShow =
        TerraformState.read(write("{\"format_version\": \"1.0\"}"), "state.json");
    assertTrue(fromShow.empty());
    assertEquals(List.of(), fromShow.instances());
    TerraformState fromV4 =
        TerraformState.read(write("{\"version\": 4, \"resources\": []}"), "state.json");
    assertTrue(fromV4.empty());
  }

  @Test
  void keysAreQuotedAsTerraformQuotesThemAndStrippedForTheDeclaration() throws IOException {
    TerraformState state =
        TerraformState.read(
            write(
                """
                {"version": 4, "resources": [{"module": "module.teams[\\"a\\"]", "mode": "managed",
                  "type": "ibm_iam_trusted_profile", "name": "p",
                  "instances": [{"index_key": "say \\"hi\\"]", "attributes": {"id": "Profile-1"}}]}]}
                """),
            "state.json");
    assertEquals(
        List.of(
            new TerraformState.Instance(
                TRUSTED_PROFILE,
                "module.teams[\"a\"].ibm_iam_trusted_profile.p[\"say \\\"hi\\\"]\"]",
                "module.teams.ibm_iam_trusted_profile.p",
                "Profile-1")),
        state.instances());
  }

  @Test
  void anInstanceWithoutIdIsKeptWithoutOne() throws IOException {
    TerraformState state =
        TerraformState.read(
            write(
                """
                {"version": 4, "resources": [{"mode": "managed", "type": "ibm_iam_service_id", "name": "s",
                  "instances": [{"attributes_flat": {"id": "ServiceId-legacy"}}]}]}
                """),
            "state.json");
    assertEquals(
        List.of(
            new TerraformState.Instance(
                SERVICE_ID, "ibm_iam_service_id.s", "ibm_iam_service_id.s", null)),
        state.instances());
  }
}
