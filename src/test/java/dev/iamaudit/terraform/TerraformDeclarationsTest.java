package dev.iamaudit.terraform;

import static dev.iamaudit.terraform.DeclarationKind.SERVICE_ID;
import static dev.iamaudit.terraform.DeclarationKind.SERVICE_ID_API_KEY;
import static dev.iamaudit.terraform.DeclarationKind.TRUSTED_PROFILE;
import static dev.iamaudit.terraform.DeclarationKind.USER_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformDeclarationsTest {
  private static final Path REPO = Path.of("src/test/resources/dev/iamaudit/terraform/repo");
  private static final String NOT_LOCAL =
      "terraform/main.tf:63: module.registry: the module's source is not a local path (./ or ../),"
          + " so the resources it declares are not read; identities it manages are matched only"
          + " through the Terraform state, and findings on them cannot point at a .tf line";
  private static final String DEPLOYER_ID = "ServiceId-11111111-0000-0000-0000-000000000000";
  private static final String ACCOUNT = "acc00000000000000000000000000001";

  @TempDir Path dir;

  private static TerraformDeclarations withoutState() {
    return TerraformDeclarations.load(REPO.resolve("terraform"), REPO, List.of(), null, null);
  }

  private static TerraformDeclarations withState(String name) {
    return TerraformDeclarations.load(
        REPO.resolve("terraform"),
        REPO,
        List.of(),
        REPO.resolve("state").resolve(name),
        "state/" + name);
  }

  /** One line per declaration, every field the engine uses but the arguments. */
  private static List<String> summary(TerraformDeclarations declarations) {
    return declarations.declarations().stream()
        .map(
            d ->
                d.kind()
                    + " "
                    + d.address()
                    + " "
                    + d.file()
                    + ":"
                    + d.startLine()
                    + "-"
                    + d.endLine()
                    + " name="
                    + d.name().orElse("-")
                    + " id="
                    + d.id())
        .toList();
  }

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private TerraformDeclarations scanTemp() {
    return TerraformDeclarations.load(dir, dir, List.of(), null, null);
  }

  @Test
  void withoutStateEveryBlockIsADeclarationMatchedByItsLiteralName() {
    TerraformDeclarations declarations = withoutState();
    assertEquals(
        List.of(
            "SERVICE_ID ibm_iam_service_id.deployer terraform/main.tf:4-8 name=ci-deployer id=null",
            "SERVICE_ID_API_KEY ibm_iam_service_api_key.deployer_key terraform/main.tf:10-15"
                + " name=ci-deployer-key id=null",
            "USER_API_KEY ibm_iam_api_key.admin terraform/main.tf:17-19 name=admin-key id=null",
            "TRUSTED_PROFILE ibm_iam_trusted_profile.ops terraform/main.tf:21-27 name=ops-profile"
                + " id=null",
            "SERVICE_ID ibm_iam_service_id.per_team terraform/main.tf:29-32 name=- id=null",
            "SERVICE_ID ibm_iam_service_id.workers terraform/main.tf:34-37 name=worker id=null",
            "ACCOUNT_SETTINGS ibm_iam_account_settings.settings terraform/main.tf:39-56 name=-"
                + " id=null",
            "SERVICE_ID module.team.ibm_iam_service_id.this terraform/modules/team/main.tf:9-11"
                + " name=team-svc id=null",
            "TRUSTED_PROFILE module.team.ibm_iam_trusted_profile.this"
                + " terraform/modules/team/main.tf:13-15 name=team-profile id=null",
            "SERVICE_ID_API_KEY module.team.ibm_iam_service_api_key.this"
                + " terraform/modules/team/main.tf:17-20 name=- id=null"),
        summary(declarations));
    assertEquals(
        List.of(
            "terraform/main.tf:31: ibm_iam_service_id.per_team: the name is an interpolated string,"
                + " which iam-audit does not evaluate, so it matches no service ID; give the"
                + " Terraform state so it is matched by id",
            NOT_LOCAL,
            "terraform/modules/team/main.tf:18: module.team.ibm_iam_service_api_key.this: the name"
                + " is an interpolated string, which iam-audit does not evaluate, so it matches no"
                + " service-ID API key; give the Terraform state so it is matched by id"),
        declarations.notes());
    assertEquals(4, declarations.filesRead());
  }

  @Test
  void withoutStateLookupsGoByName() {
    TerraformDeclarations declarations = withoutState();
    assertEquals(
        "ibm_iam_service_id.deployer",
        declarations
            .declarationOf(SERVICE_ID, "ServiceId-any", "ci-deployer")
            .orElseThrow()
            .address());
    assertEquals(
        "module.team.ibm_iam_service_id.this",
        declarations
            .declarationOf(SERVICE_ID, "ServiceId-any", "team-svc")
            .orElseThrow()
            .address());
    assertEquals(
        "ibm_iam_service_id.workers",
        declarations.declarationOf(SERVICE_ID, null, "worker").orElseThrow().address());
    assertEquals(
        Optional.empty(),
        declarations.declarationOf(TRUSTED_PROFILE, "Profile-any", "ci-deployer"));
    assertEquals(
        Optional.empty(), declarations.declarationOf(SERVICE_ID, "ServiceId-any", "team-alpha"));
    assertTrue(declarations.isDeclared(USER_API_KEY, "ApiKey-any", "admin-key"));
    assertFalse(declarations.isDeclared(SERVICE_ID_API_KEY, "ApiKey-any", "admin-key"));
    assertFalse(declarations.isDeclared(SERVICE_ID, "ServiceId-any", null));
    assertEquals(
        "ibm_iam_account_settings.settings",
        declarations.accountSettings("any-account").orElseThrow().address());
    assertTrue(declarations.declaresAccountSettings());
  }

  @Test
  void followsModuleInputsTfvarsAndDefaultsToTheLiteral() {
    TerraformDeclarations declarations = withoutState();
    Declaration team = declarations.declarationOf(SERVICE_ID, null, "team-svc").orElseThrow();
    assertEquals(
        new Attribute(
            "name", 10, new HclValue.Text("team-svc"), new SourceLine("terraform/main.tf", 60)),
        team.attribute("name").orElseThrow());
    Declaration profile =
        declarations.declarationOf(TRUSTED_PROFILE, null, "team-profile").orElseThrow();
    assertEquals(
        new SourceLine("terraform/modules/team/main.tf", 6),
        profile.attribute("name").orElseThrow().valueAt());
    Declaration settings = declarations.accountSettings(ACCOUNT).orElseThrow();
    assertEquals(
        new Attribute(
            "restrict_create_platform_apikey",
            42,
            new HclValue.Text("RESTRICTED"),
            new SourceLine("terraform/terraform.tfvars", 2)),
        settings.attribute("restrict_create_platform_apikey").orElseThrow());
  }

  @Test
  void theAccountSettingsKeepEveryArgumentWithItsLineAndTheirUserMfaBlocks() {
    Declaration settings = withoutState().accountSettings(ACCOUNT).orElseThrow();
    SourceLine main40 = new SourceLine("terraform/main.tf", 40);
    assertEquals(
        new Attribute("mfa", 40, new HclValue.Text("TOTP4ALL"), main40),
        settings.attributes().get("mfa"));
    assertEquals(
        List.of(
            "mfa",
            "restrict_create_service_id",
            "restrict_create_platform_apikey",
            "allowed_ip_addresses",
            "session_expiration_in_seconds"),
        List.copyOf(settings.attributes().keySet()));
    assertEquals(main40, settings.locationOf("mfa"));
    assertEquals(
        new SourceLine("terraform/main.tf", 39),
        settings.locationOf("restrict_user_list_visibility"));
    assertEquals(
        "192.0.2.0/24,198.51.100.7",
        settings.attribute("allowed_ip_addresses").orElseThrow().value().scalarText());
    assertEquals(
        new HclValue.Number(new BigDecimal("3600")),
        settings.attribute("session_expiration_in_seconds").orElseThrow().value());
    assertEquals(
        "3600",
        settings.attribute("session_expiration_in_seconds").orElseThrow().value().scalarText());
    assertEquals(
        List.of(
            new NestedBlock(
                "user_mfa",
                List.of(),
                45,
                48,
                Map.of(
                    "iam_id",
                        new Attribute(
                            "iam_id",
                            46,
                            new HclValue.Text("IBMid-550000AAAA"),
                            new SourceLine("terraform/main.tf", 46)),
                    "mfa",
                        new Attribute(
                            "mfa",
                            47,
                            new HclValue.Text("NONE"),
                            new SourceLine("terraform/main.tf", 47))),
                List.of())),
        settings.blocks("user_mfa"));
    NestedBlock dynamic = settings.blocks("dynamic").get(0);
    assertEquals(List.of("user_mfa"), dynamic.labels());
    assertEquals(49, dynamic.startLine());
    assertEquals(55, dynamic.endLine());
    assertEquals(
        new Attribute(
            "for_each",
            50,
            new HclValue.ListOf(List.of()),
            new SourceLine("terraform/variables.tf", 8)),
        dynamic.attribute("for_each").orElseThrow());
    assertEquals(
        new Attribute(
            "iam_id",
            52,
            new HclValue.Unresolved(
                "is the reference user_mfa.value, which iam-audit does not evaluate"),
            null),
        dynamic.blocks().get(0).attribute("iam_id").orElseThrow());
  }

  @Test
  void withTheStateEveryInstanceIsADeclarationWithItsId() {
    TerraformDeclarations declarations = withState("terraform.tfstate");
    assertEquals(
        List.of(
            "SERVICE_ID ibm_iam_service_id.deployer terraform/main.tf:4-8 name=ci-deployer id="
                + DEPLOYER_ID,
            "SERVICE_ID_API_KEY ibm_iam_service_api_key.deployer_key terraform/main.tf:10-15"
                + " name=ci-deployer-key id=ApiKey-22222222-0000-0000-0000-000000000000",
            "USER_API_KEY ibm_iam_api_key.admin terraform/main.tf:17-19 name=admin-key"
                + " id=ApiKey-33333333-0000-0000-0000-000000000000",
            "TRUSTED_PROFILE ibm_iam_trusted_profile.ops terraform/main.tf:21-27 name=ops-profile"
                + " id=Profile-44444444-0000-0000-0000-000000000000",
            "SERVICE_ID ibm_iam_service_id.per_team[\"alpha\"] terraform/main.tf:29-32 name=-"
                + " id=ServiceId-aaaaaaaa-0000-0000-0000-000000000000",
            "SERVICE_ID ibm_iam_service_id.per_team[\"beta\"] terraform/main.tf:29-32 name=-"
                + " id=ServiceId-bbbbbbbb-0000-0000-0000-000000000000",
            "SERVICE_ID ibm_iam_service_id.workers[0] terraform/main.tf:34-37 name=worker"
                + " id=ServiceId-00000000-0000-0000-0000-0000000000w0",
            "SERVICE_ID ibm_iam_service_id.workers[1] terraform/main.tf:34-37 name=worker"
                + " id=ServiceId-00000000-0000-0000-0000-0000000000w1",
            "ACCOUNT_SETTINGS ibm_iam_account_settings.settings terraform/main.tf:39-56 name=- id="
                + ACCOUNT,
            "SERVICE_ID module.team.ibm_iam_service_id.this terraform/modules/team/main.tf:9-11"
                + " name=team-svc id=ServiceId-55555555-0000-0000-0000-000000000000",
            "TRUSTED_PROFILE module.team.ibm_iam_trusted_profile.this"
                + " terraform/modules/team/main.tf:13-15 name=team-profile id=null",
            "SERVICE_ID_API_KEY module.team.ibm_iam_service_api_key.this"
                + " terraform/modules/team/main.tf:17-20 name=-"
                + " id=ApiKey-66666666-0000-0000-0000-000000000000"),
        summary(declarations));
    assertEquals(
        List.of(
            "state/terraform.tfstate: module.registry.ibm_iam_service_id.this is in the state but"
                + " no scanned .tf file declares it; findings on its identities cannot point at a"
                + " .tf line",
            NOT_LOCAL),
        declarations.notes());
  }

  @Test
  void terraformShowJsonGivesTheSameDeclarations() {
    TerraformDeclarations fromShow = withState("show.json");
    assertEquals(withState("terraform.tfstate").declarations(), fromShow.declarations());
    assertEquals(
        "state/show.json: module.registry.ibm_iam_service_id.this is in the state but no scanned"
            + " .tf file declares it; findings on its identities cannot point at a .tf line",
        fromShow.notes().get(0));
  }

  @Test
  void withTheStateLookupsGoByIdFirst() {
    TerraformDeclarations declarations = withState("terraform.tfstate");
    assertEquals(
        "ibm_iam_service_id.per_team[\"beta\"]",
        declarations
            .declarationOf(
                SERVICE_ID, "ServiceId-bbbbbbbb-0000-0000-0000-000000000000", "team-beta")
            .orElseThrow()
            .address());
    assertEquals(
        "ibm_iam_service_id.workers[1]",
        declarations
            .declarationOf(SERVICE_ID, "ServiceId-00000000-0000-0000-0000-0000000000w1", "worker")
            .orElseThrow()
            .address());
    // A second service ID called ci-deployer, made by hand: the state's ci-deployer is another one.
    assertEquals(
        Optional.empty(),
        declarations.declarationOf(SERVICE_ID, "ServiceId-by-hand", "ci-deployer"));
    assertFalse(declarations.isDeclared(SERVICE_ID, "ServiceId-by-hand", "ci-deployer"));
    // Applied from a module whose .tf is not in the repo: managed, but no line to point at.
    String registry = "ServiceId-77777777-0000-0000-0000-000000000000";
    assertEquals(
        Optional.empty(), declarations.declarationOf(SERVICE_ID, registry, "team-profile"));
    assertTrue(declarations.isDeclared(SERVICE_ID, registry, "from-the-registry"));
    // Not applied yet: the state has no instance, so its name still matches.
    assertEquals(
        "module.team.ibm_iam_trusted_profile.this",
        declarations
            .declarationOf(TRUSTED_PROFILE, "Profile-new", "team-profile")
            .orElseThrow()
            .address());
    assertEquals(
        "ibm_iam_account_settings.settings",
        declarations.accountSettings(ACCOUNT).orElseThrow().address());
    assertEquals(Optional.empty(), declarations.accountSettings("another-account"));
  }

  @Test
  void noSecretReachesADeclarationOrANote() {
    for (TerraformDeclarations declarations :
        List.of(withoutState(), withState("terraform.tfstate"), withState("show.json"))) {
      String everything = declarations.declarations() + " " + declarations.notes();
      assertFalse(everything.contains(TerraformStateTest.SECRET), everything);
      assertFalse(everything.contains("tf-literal-secret"), everything);
    }
    Declaration key =
        withoutState().declarationOf(SERVICE_ID_API_KEY, null, "ci-deployer-key").orElseThrow();
    assertEquals(
        new Attribute(
            "apikey",
            13,
            new HclValue.Unresolved("is a secret, which iam-audit never reads"),
            null),
        key.attribute("apikey").orElseThrow());
  }

  @Test
  void aBrokenFileIsANoteAndTheOtherFilesAreStillRead() throws IOException {
    write("iam/good.tf", "resource \"ibm_iam_service_id\" \"ok\" {\n  name = \"ok\"\n}\n");
    write("iam/broken.tf", "resource \"ibm_iam_service_id\" \"lost\" {\n  name = \"lost\n}\n");
    TerraformDeclarations declarations = scanTemp();
    assertEquals(
        List.of("SERVICE_ID ibm_iam_service_id.ok iam/good.tf:1-3 name=ok id=null"),
        summary(declarations));
    assertEquals(
        List.of(
            "iam/broken.tf:2:10: not valid HCL: the string is not closed on its line; add the"
                + " closing \"; the declarations in this file are not read until it is fixed"),
        declarations.notes());
  }

  @Test
  void skipsDotTerraformAndHiddenFoldersAndHiddenFiles() throws IOException {
    write("main.tf", "resource \"ibm_iam_service_id\" \"a\" {\n  name = \"a\"\n}\n");
    write(
        ".terraform/modules/m/main.tf",
        "resource \"ibm_iam_service_id\" \"b\" {\n  name = \"b\"\n}\n");
    write(".git/x.tf", "not hcl at all {{{\n");
    write(".hidden.tf", "resource \"ibm_iam_service_id\" \"c\" {\n  name = \"c\"\n}\n");
    write("sub/.cache/y.tf", "resource \"ibm_iam_service_id\" \"d\" {\n  name = \"d\"\n}\n");
    TerraformDeclarations declarations = scanTemp();
    assertEquals(
        List.of("SERVICE_ID ibm_iam_service_id.a main.tf:1-3 name=a id=null"),
        summary(declarations));
    assertEquals(List.of(), declarations.notes());
  }

  @Test
  void theFixtureRepoHidesDeclarationsInSkippedFolders() {
    assertTrue(Files.isRegularFile(REPO.resolve("terraform/.terraform/modules/registry/main.tf")));
    assertTrue(Files.isRegularFile(REPO.resolve("terraform/.hidden/main.tf")));
    assertFalse(summary(withoutState()).toString().contains("copied-by-terraform-init"));
    assertFalse(summary(withoutState()).toString().contains("hidden"));
  }

  @Test
  void terraformJsonSyntaxIsANote() throws IOException {
    write("iam/main.tf.json", "{\"resource\": {}}");
    assertEquals(
        List.of(
            "iam/main.tf.json: Terraform's JSON syntax is not read; declarations in this file are"
                + " not seen, so write them in .tf files for findings to point at them"),
        scanTemp().notes());
  }

  @Test
  void aRootVariableWithoutValueIsNotGuessed() throws IOException {
    write(
        "main.tf",
        """
        variable "name" {}

        resource "ibm_iam_service_id" "x" {
          name = var.name
        }
        """);
    assertEquals(
        List.of(
            "main.tf:4: ibm_iam_service_id.x: the name comes from var.name, which has no default"
                + " and no tfvars file sets it (a -var, -var-file or TF_VAR_name value is not"
                + " seen), so it matches no service ID; give the Terraform state so it is matched"
                + " by id"),
        scanTemp().notes());
  }

  @Test
  void autoTfvarsOverrideTerraformTfvarsAndJsonIsRead() throws IOException {
    write(
        "main.tf",
        """
        variable "a" {
          default = "from-default"
        }
        variable "b" {
          default = "from-default"
        }
        resource "ibm_iam_service_id" "a" {
          name = var.a
        }
        resource "ibm_iam_trusted_profile" "b" {
          name = var.b
        }
        """);
    write("terraform.tfvars", "a = \"from-tfvars\"\nb = \"from-tfvars\"\n");
    write("x.auto.tfvars.json", "{\n  \"a\": \"from-auto-json\",\n  \"other\": [1]\n}\n");
    TerraformDeclarations declarations = scanTemp();
    assertEquals(
        new Attribute(
            "name",
            8,
            new HclValue.Text("from-auto-json"),
            new SourceLine("x.auto.tfvars.json", 2)),
        declarations
            .declarationOf(SERVICE_ID, null, "from-auto-json")
            .orElseThrow()
            .attribute("name")
            .orElseThrow());
    assertEquals(
        new SourceLine("terraform.tfvars", 2),
        declarations
            .declarationOf(TRUSTED_PROFILE, null, "from-tfvars")
            .orElseThrow()
            .attribute("name")
            .orElseThrow()
            .valueAt());
  }

  @Test
  void aBrokenTfvarsFileLeavesTheRootsVariablesUnresolved() throws IOException {
    write(
        "main.tf",
        "variable \"a\" {\n  default = \"x\"\n}\nresource \"ibm_iam_service_id\" \"a\" {\n"
            + "  name = var.a\n}\n");
    write("terraform.tfvars", "a = \"unclosed\n");
    assertEquals(
        List.of(
            "main.tf:5: ibm_iam_service_id.a: the name comes from var.a, and a tfvars file of ."
                + " could not be read, so it matches no service ID; give the Terraform state so it"
                + " is matched by id",
            "terraform.tfvars:1:5: not valid HCL: the string is not closed on its line; add the"
                + " closing \"; the declarations in this file are not read until it is fixed"),
        scanTemp().notes());
  }

  @Test
  void aModuleInputFromAnUnsetVariableNamesTheWholeChain() throws IOException {
    write(
        "root/main.tf",
        """
        variable "team" {}
        module "team" {
          source = "../modules/team"
          name   = var.team
        }
        """);
    write(
        "modules/team/main.tf",
        """
        variable "name" {}
        resource "ibm_iam_service_id" "this" {
          name = var.name
        }
        """);
    assertEquals(
        List.of(
            "modules/team/main.tf:3: module.team.ibm_iam_service_id.this: the name comes from"
                + " var.name, which module.team (root/main.tf:4) sets to a value that comes from"
                + " var.team, which has no default and no tfvars file sets it (a -var, -var-file or"
                + " TF_VAR_team value is not seen), so it matches no service ID; give the Terraform"
                + " state so it is matched by id"),
        scanTemp().notes());
  }

  @Test
  void aModuleInputLeftOutFallsBackToTheModulesDefaultOrIsNoted() throws IOException {
    write("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n");
    write(
        "m/main.tf",
        """
        variable "name" {}
        resource "ibm_iam_service_id" "this" {
          name = var.name
        }
        resource "ibm_iam_trusted_profile" "this" {
          name = var.undeclared
        }
        """);
    assertEquals(
        List.of(
            "m/main.tf:3: module.m.ibm_iam_service_id.this: the name comes from var.name, which has"
                + " no default and module.m (main.tf:1) does not set it, so it matches no service"
                + " ID; give the Terraform state so it is matched by id",
            "m/main.tf:6: module.m.ibm_iam_trusted_profile.this: the name comes from"
                + " var.undeclared, which no variable block of m declares, so it matches no trusted"
                + " profile; give the Terraform state so it is matched by id"),
        scanTemp().notes());
  }

  @Test
  void moduleCallsThatCannotBeFollowedAreNoted() throws IOException {
    write(
        "main.tf",
        """
        module "missing" {
          source = "./nowhere"
        }
        module "loop" {
          source = "./loop"
        }
        module "computed" {
          source = "${path.module}/x"
        }
        """);
    write("loop/main.tf", "module \"again\" {\n  source = \"../loop\"\n}\n");
    assertEquals(
        List.of(
            "loop/main.tf:1: module.loop.module.again: the module calls itself through its callers;"
                + " the call is not followed",
            "main.tf:1: module.missing: its source directory holds no .tf file in the scanned"
                + " directory, so the resources it declares are not read",
            "main.tf:7: module.computed: the module's source is not a local path (./ or ../), so"
                + " the resources it declares are not read; identities it manages are matched only"
                + " through the Terraform state, and findings on them cannot point at a .tf line"),
        scanTemp().notes());
  }

  @Test
  void aNameTwoDeclarationsShareMatchesNeither() throws IOException {
    write(
        "main.tf",
        """
        resource "ibm_iam_service_id" "a" {
          name = "shared"
        }
        resource "ibm_iam_service_id" "b" {
          name = "shared"
        }
        resource "ibm_iam_service_id" "c" {
        }
        """);
    TerraformDeclarations declarations = scanTemp();
    assertEquals(Optional.empty(), declarations.declarationOf(SERVICE_ID, "ServiceId-x", "shared"));
    assertTrue(declarations.isDeclared(SERVICE_ID, "ServiceId-x", "shared"));
    assertEquals(
        List.of(
            "main.tf:1: ibm_iam_service_id.a (main.tf:1), ibm_iam_service_id.b (main.tf:4) all"
                + " declare the service ID name 'shared', so findings on an identity of that name"
                + " point at none of them; give the Terraform state to match them by id",
            "main.tf:7: ibm_iam_service_id.c has no name argument, so it matches no service ID;"
                + " give the Terraform state so it is matched by id"),
        declarations.notes());
  }

  @Test
  void overrideFilesAreNotedNotMerged() throws IOException {
    write("main.tf", "resource \"ibm_iam_service_id\" \"a\" {\n  name = \"a\"\n}\n");
    write("main_override.tf", "resource \"ibm_iam_service_id\" \"a\" {\n  name = \"b\"\n}\n");
    TerraformDeclarations declarations = scanTemp();
    assertEquals(
        List.of("SERVICE_ID ibm_iam_service_id.a main.tf:1-3 name=a id=null"),
        summary(declarations));
    assertEquals(
        List.of(
            "main_override.tf:1: ibm_iam_service_id.a: override files are not merged with the block"
                + " they override; the values iam-audit reads for it may not be the ones Terraform"
                + " applies"),
        declarations.notes());
  }

  @Test
  void oneAddressInTwoRootModulesIsNotGuessedFromTheState() throws IOException {
    String block = "resource \"ibm_iam_service_id\" \"ci\" {\n  name = \"ci\"\n}\n";
    write("envs/dev/main.tf", block);
    write("envs/prod/main.tf", block);
    write(
        "state.json",
        """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "ibm_iam_service_id.ci", "mode": "managed", "type": "ibm_iam_service_id", "name": "ci",
           "values": {"id": "ServiceId-ci", "apikey": "FAKE-SECRET-x"}}]}}}
        """);
    TerraformDeclarations declarations =
        TerraformDeclarations.load(
            dir.resolve("envs"), dir, List.of(), dir.resolve("state.json"), "state.json");
    assertEquals(List.of(), declarations.declarations());
    assertEquals(Optional.empty(), declarations.declarationOf(SERVICE_ID, "ServiceId-ci", "ci"));
    assertTrue(declarations.isDeclared(SERVICE_ID, "ServiceId-ci", "ci"));
    assertEquals(
        List.of(
            "state.json: ibm_iam_service_id.ci is declared in several root modules (envs/dev,"
                + " envs/prod); scan only the root module the state belongs to, so findings can"
                + " point at its block"),
        declarations.notes());
  }

  @Test
  void severalAccountSettingsWithoutStateMatchNoAccount() throws IOException {
    write("a/main.tf", "resource \"ibm_iam_account_settings\" \"s\" {\n  mfa = \"TOTP\"\n}\n");
    write("b/main.tf", "resource \"ibm_iam_account_settings\" \"s\" {\n  mfa = \"NONE\"\n}\n");
    TerraformDeclarations declarations = scanTemp();
    assertTrue(declarations.declaresAccountSettings());
    assertEquals(Optional.empty(), declarations.accountSettings("acc"));
    assertEquals(
        List.of(
            "a/main.tf:1: ibm_iam_account_settings.s (a/main.tf:1), ibm_iam_account_settings.s"
                + " (b/main.tf:1) all declare account settings, and nothing tells which account"
                + " each is for; give the Terraform state to match them by account id"),
        declarations.notes());
  }

  @Test
  void anEmptyStateAndAnInstanceWithoutIdAreNoted() throws IOException {
    write("main.tf", "resource \"ibm_iam_service_id\" \"s\" {\n  name = \"s\"\n}\n");
    write("empty.json", "{\"format_version\": \"1.0\"}");
    assertEquals(
        List.of(
            "empty.json: the state holds no resources; run terraform show -json in the root"
                + " module's directory after terraform init, against the state the pipeline"
                + " applies"),
        TerraformDeclarations.load(dir, dir, List.of(), dir.resolve("empty.json"), "empty.json")
            .notes());
    write(
        "noid.tfstate",
        "{\"version\": 4, \"resources\": [{\"mode\": \"managed\", \"type\": \"ibm_iam_service_id\","
            + " \"name\": \"s\", \"instances\": [{\"attributes\": {}}]}]}");
    TerraformDeclarations declarations =
        TerraformDeclarations.load(
            dir, dir, List.of(), dir.resolve("noid.tfstate"), "noid.tfstate");
    assertEquals(
        List.of(
            "noid.tfstate: ibm_iam_service_id.s has no id in the state; it is matched by name, if"
                + " at all"),
        declarations.notes());
    assertEquals(
        "ibm_iam_service_id.s",
        declarations.declarationOf(SERVICE_ID, "ServiceId-s", "s").orElseThrow().address());
  }

  @Test
  void aDirectoryThatIsMissingOrAFileIsAUsageError() throws IOException {
    assertEquals(
        "missing: directory not found; name the directory that holds the .tf files, or none to turn"
            + " Terraform off",
        assertThrows(
                UsageException.class,
                () ->
                    TerraformDeclarations.load(dir.resolve("missing"), dir, List.of(), null, null))
            .getMessage());
    write("main.tf", "");
    assertEquals(
        "main.tf: is a file; name the directory that holds the .tf files",
        assertThrows(
                UsageException.class,
                () ->
                    TerraformDeclarations.load(dir.resolve("main.tf"), dir, List.of(), null, null))
            .getMessage());
  }

  @Test
  void noneDeclaresNothing() {
    TerraformDeclarations none = TerraformDeclarations.none();
    assertEquals(List.of(), none.declarations());
    assertEquals(List.of(), none.notes());
    assertFalse(none.declaresAccountSettings());
    assertFalse(none.isDeclared(SERVICE_ID, "ServiceId-x", "x"));
    assertEquals(Optional.empty(), none.accountSettings("acc"));
    assertFalse(none.enabled());
    assertEquals("No Terraform read: turned off", none.summary());
  }

  @Test
  void withoutStateEveryNoteThatMayHideADeclarationIsAGap() {
    assertEquals(
        List.of(
            "terraform/main.tf:31: ibm_iam_service_id.per_team: the name is an interpolated string,"
                + " which iam-audit does not evaluate, so it matches no service ID; give the"
                + " Terraform state so it is matched by id",
            NOT_LOCAL,
            "terraform/modules/team/main.tf:18: module.team.ibm_iam_service_api_key.this: the name"
                + " is an interpolated string, which iam-audit does not evaluate, so it matches no"
                + " service-ID API key; give the Terraform state so it is matched by id"),
        withoutState().gaps());
  }

  @Test
  void withAStateNothingIsHiddenThatTheStateDoesNotList() {
    TerraformDeclarations declarations = withState("terraform.tfstate");
    assertTrue(declarations.hasState());
    assertEquals("state/terraform.tfstate", declarations.stateName());
    assertEquals(List.of(), declarations.gaps());
  }

  @Test
  void aBrokenFileOrAJsonFileIsAGapWithoutStateOnly() throws IOException {
    write("main.tf", "resource \"ibm_iam_service_id\" \"s\" {\n  name = \"s\"\n");
    write("other.tf.json", "{}");
    write(
        "state.json",
        "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [{\"address\":"
            + " \"ibm_iam_service_id.s\", \"mode\": \"managed\", \"type\": \"ibm_iam_service_id\","
            + " \"name\": \"s\", \"values\": {\"id\": \"ServiceId-s\"}}]}}}");
    List<String> notes =
        List.of(
            "main.tf:1:35: not valid HCL: the block opened here is not closed; add its closing"
                + " }; the declarations in this file are not read until it is fixed",
            "other.tf.json: Terraform's JSON syntax is not read; declarations in this file are not"
                + " seen, so write them in .tf files for findings to point at them");
    assertEquals(notes, scanTemp().gaps());
    TerraformDeclarations withState =
        TerraformDeclarations.load(dir, dir, List.of(), dir.resolve("state.json"), "state.json");
    assertEquals(List.of(), withState.gaps());
    assertTrue(withState.isDeclared(SERVICE_ID, "ServiceId-s", null));
  }

  @Test
  void anEmptyStateIsAGapEvenWithAState() throws IOException {
    write("empty.json", "{\"format_version\": \"1.0\"}");
    assertEquals(
        List.of(
            "empty.json: the state holds no resources; run terraform show -json in the root"
                + " module's directory after terraform init, against the state the pipeline"
                + " applies"),
        TerraformDeclarations.load(dir, dir, List.of(), dir.resolve("empty.json"), "empty.json")
            .gaps());
  }

  @Test
  void theSummarySaysWhatWasReadAndWhereTheAccountSettingsAre() {
    assertEquals(
        "Read 4 Terraform files under terraform: 9 declarations of IAM identities, account settings"
            + " at terraform/main.tf:39",
        withoutState().summary());
    assertEquals(
        "Read 4 Terraform files under terraform: 11 declarations of IAM identities, account"
            + " settings at terraform/main.tf:39; the state state/show.json gives 10 of them their"
            + " ids",
        withState("show.json").summary());
  }

  @Test
  void theSummaryOfADirectoryWithoutTerraformSaysSo() throws IOException {
    assertEquals("No Terraform files under .", scanTemp().summary());
    write("main.tf", "resource \"ibm_iam_api_key\" \"k\" {\n  name = \"k\"\n}\n");
    assertEquals(
        "Read 1 Terraform file under .: 1 declaration of an IAM identity, no account settings",
        scanTemp().summary());
    write(
        "state.json",
        "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [{\"address\":"
            + " \"ibm_iam_service_id.s\", \"mode\": \"managed\", \"type\": \"ibm_iam_service_id\","
            + " \"name\": \"s\", \"values\": {\"id\": \"ServiceId-s\"}}]}}}");
    Files.delete(dir.resolve("main.tf"));
    assertEquals(
        "No Terraform files under .; the state state.json names 1 resource",
        TerraformDeclarations.load(dir, dir, List.of(), dir.resolve("state.json"), "state.json")
            .summary());
  }

  @Test
  void skippedDirectoriesAreNotScanned() throws IOException {
    write("main.tf", "resource \"ibm_iam_service_id\" \"s\" {\n  name = \"s\"\n}\n");
    write("target/copy/main.tf", "resource \"ibm_iam_service_id\" \"s\" {\n  name = \"s\"\n}\n");
    write(
        "iam-audit-report/demo/terraform/main.tf",
        "resource \"ibm_iam_service_id\" \"d\" {\n  name = \"d\"\n}\n");
    TerraformDeclarations declarations =
        TerraformDeclarations.load(
            dir, dir, List.of(dir.resolve("target"), dir.resolve("iam-audit-report")), null, null);
    assertEquals(
        List.of("main.tf:1"),
        declarations.declarations().stream().map(d -> d.location().toString()).toList());
    assertEquals(List.of(), declarations.notes());
    assertEquals(
        "Read 1 Terraform file under .: 1 declaration of an IAM identity, no account settings",
        declarations.summary());
  }

  @Test
  void theScannedDirectoryItselfIsReadEvenWhenSkipped() throws IOException {
    write(
        "iam-audit-report/demo/terraform/main.tf",
        "resource \"ibm_iam_service_id\" \"d\" {\n  name = \"d\"\n}\n");
    TerraformDeclarations declarations =
        TerraformDeclarations.load(
            dir.resolve("iam-audit-report/demo/terraform"),
            dir,
            List.of(dir.resolve("iam-audit-report")),
            null,
            null);
    assertEquals("iam-audit-report/demo/terraform", declarations.dir());
    assertEquals(1, declarations.declarations().size());
  }
}
