package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --demo}: the built-in account audited with the Terraform folder written beside its policy.
 */
class DemoAuditTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final String DEMO = "iam-audit-report/demo/";
  private static final String MAIN = DEMO + "terraform/main.tf:";
  private static final String PIPELINE = DEMO + "terraform/modules/pipeline/main.tf:";

  @TempDir Path dir;

  @Test
  void findingsSitOnTheTerraformThatDeclaresTheirIdentityAndTheSettingsDrift() throws IOException {
    StringWriter out = new StringWriter();
    Environment environment = new Environment(Map.of(), dir, CLOCK, sleep -> {}, false);
    assertEquals(
        1,
        Main.run(
            environment,
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "--demo",
            "--format",
            "json,sarif"));

    assertTrue(
        out.toString()
            .contains(
                "\n"
                    + "Policy: iam-audit-report/demo/iam-audit.yml (4 rules differ from the"
                    + " defaults)\n"
                    + "Allowlist: iam-audit-report/demo/iam-allowlist.yml (3 entries)\n"
                    + "Read 2 Terraform files under iam-audit-report/demo/terraform: 12"
                    + " declarations of IAM identities, account settings at "
                    + MAIN
                    + "3\n"),
        out.toString());
    JsonNode json =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.json").toFile());
    List<String> findings = new ArrayList<>();
    json.at("/findings")
        .forEach(
            f ->
                findings.add(
                    f.at("/rule").asText()
                        + " "
                        + f.at("/entity/name").asText()
                        + " @ "
                        + f.at("/location/file").asText()
                        + ":"
                        + f.at("/location/line").asInt()
                        + (f.at("/location/endLine").asInt() > f.at("/location/line").asInt()
                            ? "-" + f.at("/location/endLine").asInt()
                            : "")));
    assertEquals(
        List.of(
            "apikey-inactive ci-deployer @ " + DEMO + "iam-allowlist.yml:2",
            "apikey-inactive reporting-nightly @ " + MAIN + "12-15",
            "apikey-inactive settlement-batch @ " + MAIN + "35-38",
            "apikey-never-used terraform-bootstrap @ " + DEMO + "iam-audit.yml:1",
            "apikey-orphaned gone-user-scripts @ " + DEMO + "iam-audit.yml:1",
            "user-mfa-not-enrolled Dana Rossi @ " + DEMO + "iam-audit.yml:1",
            "account-apikey-creation-unrestricted null @ " + MAIN + "3-6",
            "account-settings-drift null @ " + MAIN + "5",
            "allowlist-expired allowlist entry id=Profile-1d1e0000-0000-4000-8000-000000000001 @ "
                + DEMO
                + "iam-allowlist.yml:7",
            "apikey-high-usage shared-deploy-key @ " + PIPELINE + "11-14",
            "apikey-too-old billing-export @ " + MAIN + "22-25",
            "apikey-too-old reporting-nightly @ " + MAIN + "12-15",
            "apikey-too-old settlement-batch @ " + MAIN + "35-38",
            "profile-inactive ops-readonly @ " + MAIN + "40-42",
            "serviceid-inactive old-crm-integration @ " + DEMO + "iam-audit.yml:1",
            "serviceid-inactive legacy-batch @ " + MAIN + "8-10",
            "serviceid-inactive payments-settlement @ " + MAIN + "31-33",
            "user-inactive Chen Nakamura @ " + DEMO + "iam-audit.yml:1",
            "user-inactive Dana Rossi @ " + DEMO + "iam-audit.yml:1",
            "user-mfa-exempt Bruno Schmidt @ " + DEMO + "iam-audit.yml:1",
            "account-ip-allowlist-unset null @ " + MAIN + "3-6",
            "account-serviceid-creation-unrestricted null @ " + MAIN + "5",
            "account-user-list-visible null @ " + MAIN + "3-6",
            "allowlist-unused allowlist entry name=sandbox-*, type=apikey @ "
                + DEMO
                + "iam-allowlist.yml:12",
            "apikey-leak-action-none docs-publisher @ " + PIPELINE + "16-19",
            "apikey-no-expiry billing-export @ " + MAIN + "22-25",
            "apikey-no-expiry reporting-nightly @ " + MAIN + "12-15",
            "apikey-no-expiry settlement-batch @ " + MAIN + "35-38",
            "identity-unmanaged search-indexer-bootstrap @ " + DEMO + "iam-audit.yml:7",
            "identity-unmanaged legacy-export @ " + DEMO + "iam-audit.yml:7",
            "identity-unmanaged Zoë's deploy, prod @ " + DEMO + "iam-audit.yml:7",
            "identity-unmanaged deploy-2024 @ " + DEMO + "iam-audit.yml:7",
            "identity-unmanaged old-crm-integration @ " + DEMO + "iam-audit.yml:7",
            "user-invitation-stale Fabio Ricci @ " + DEMO + "iam-audit.yml:1",
            "user-invitation-stale grace.kim@example.com @ " + DEMO + "iam-audit.yml:1",
            "user-multiple-apikeys Bruno Schmidt @ " + DEMO + "iam-audit.yml:1"),
        findings);

    JsonNode sarif =
        new ObjectMapper().readTree(dir.resolve("iam-audit-report/iam-audit.sarif").toFile());
    sarif
        .at("/runs/0/results")
        .forEach(
            result ->
                assertTrue(
                    Files.isRegularFile(
                        dir.resolve(
                            result
                                .at("/locations/0/physicalLocation/artifactLocation/uri")
                                .asText()))));
  }
}
