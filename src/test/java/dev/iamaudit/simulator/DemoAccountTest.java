package dev.iamaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Match;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import dev.iamaudit.terraform.DeclarationKind;
import dev.iamaudit.terraform.TerraformDeclarations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAccountTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;

  @TempDir Path dir;

  private Simulator simulator;
  private Http http;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    simulator = Simulator.start(DemoAccount.create(clock), clock);
    http = new Http(simulator.baseUrl()).login(DemoAccount.API_KEY.reveal());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void thePolicyFailsOnMediumAndFlagsTheBusyKey() {
    Path governance = DemoAccount.writeGovernanceFiles(dir.resolve("demo"), TODAY);

    Policy policy =
        new PolicyLoader(Rules.specs()).load(governance.resolve("iam-audit.yml"), "iam-audit.yml");

    assertEquals(dir.resolve("demo"), governance);
    assertEquals(FailOn.parse("medium"), policy.failOn());
    RuleConfig highUsage = policy.rule("apikey-high-usage");
    assertTrue(highUsage.enabled());
    assertEquals(DemoAccount.HIGH_USAGE_THRESHOLD, highUsage.param("maxAuthnCount"));
    assertTrue(DemoAccount.HIGH_USAGE_COUNT > highUsage.param("maxAuthnCount"));
    assertEquals(
        List.of(),
        Rules.all().stream()
            .map(RuleDescriptor::id)
            .filter(rule -> !policy.rule(rule).enabled())
            .toList());
  }

  @Test
  void theTerraformFolderDeclaresMostIdentitiesAndStricterSettings() {
    Path governance = DemoAccount.writeGovernanceFiles(dir, TODAY);

    TerraformDeclarations terraform =
        TerraformDeclarations.load(
            governance.resolve(DemoAccount.TERRAFORM), dir, List.of(), null, null);

    assertEquals(List.of(), terraform.notes());
    assertEquals(
        "Read 2 Terraform files under terraform: 12 declarations of IAM identities, account"
            + " settings at terraform/main.tf:3",
        terraform.summary());
    assertEquals(
        "TOTP4ALL",
        terraform
            .accountSettings(ACCOUNT)
            .orElseThrow()
            .attribute("mfa")
            .orElseThrow()
            .value()
            .scalarText());
    assertTrue(terraform.isDeclared(DeclarationKind.SERVICE_ID, null, "deploy-prod"));
    assertFalse(terraform.isDeclared(DeclarationKind.SERVICE_ID, null, "old-crm-integration"));
  }

  @Test
  void theAllowlistHasOneValidOneExpiredAndOneUnmatchedEntry() {
    Path governance = DemoAccount.writeGovernanceFiles(dir, TODAY);
    Policy policy =
        new PolicyLoader(Rules.specs()).load(governance.resolve("iam-audit.yml"), "iam-audit.yml");

    Allowlist allowlist =
        new AllowlistLoader(
                Rules.all().stream().map(RuleDescriptor::id).toList(),
                TODAY,
                policy.allowlistMaxDays())
            .load(governance.resolve("iam-allowlist.yml"), "iam-allowlist.yml");

    List<AllowlistEntry> entries = allowlist.entries();
    assertEquals(3, entries.size());
    assertEquals(
        List.of(entries.get(1)), entries.stream().filter(entry -> entry.expiredOn(TODAY)).toList());
    AllowlistEntry valid = entries.get(0);
    assertEquals(new Match(DemoAccount.STALE_KEY, null, null, null), valid.match());
    assertEquals(Set.of("apikey-inactive"), valid.rules());
    assertEquals("platform-team@example.com", valid.owner());
    assertEquals(TODAY.plusDays(60), valid.expires());
    AllowlistEntry expired = entries.get(1);
    assertEquals(new Match(DemoAccount.IDLE_PROFILE, null, null, null), expired.match());
    assertEquals(TODAY.minusDays(10), expired.expires());
    AllowlistEntry unmatched = entries.get(2);
    assertEquals(new Match(null, null, "sandbox-*", IdentityType.APIKEY), unmatched.match());
    assertTrue(
        DemoAccount.create(Clock.fixed(NOW, ZoneOffset.UTC)).apiKeys().stream()
            .noneMatch(key -> key.name().startsWith("sandbox-")));
  }

  @Test
  void aNinetyDayReportListsTheIdleIdentities() {
    JsonNode report = report("2160");

    assertEquals(
        Set.of(
            DemoAccount.INACTIVE_USER,
            DemoAccount.NEVER_LOGGED_IN,
            DemoAccount.NEW_USER,
            DemoAccount.STALE_INVITATION),
        ids(report.get("users"), "iam_id"));
    assertEquals(
        Set.of(
            DemoAccount.STALE_KEY,
            DemoAccount.STALE_SERVICE_KEY,
            DemoAccount.NEVER_USED_KEY,
            DemoAccount.NEW_UNUSED_KEY,
            DemoAccount.DISABLED_KEY,
            DemoAccount.EXPIRED_KEY,
            DemoAccount.GROUP_KEY),
        ids(report.get("apikeys"), "id"));
    assertEquals(
        Set.of("legacy-batch", "old-crm-integration", "search-indexer", "payments-settlement"),
        ids(report.get("serviceids"), "name"));
    assertEquals(Set.of(DemoAccount.IDLE_PROFILE), ids(report.get("profiles"), "id"));
  }

  @Test
  void listsTheOrphanedKeyWhoseOwnerIsNoMember() {
    Set<String> members =
        ids(http.get("/v2/accounts/" + ACCOUNT + "/users").json().get("resources"), "iam_id");
    JsonNode keys =
        http.get("/v1/apikeys?account_id=" + ACCOUNT + "&scope=account&type=user&pagesize=100")
            .json()
            .get("apikeys");

    Set<String> orphaned = new TreeSet<>();
    keys.forEach(
        key -> {
          if (!members.contains(key.get("iam_id").asText())) {
            orphaned.add(key.get("id").asText());
          }
        });
    assertEquals(Set.of(DemoAccount.ORPHANED_KEY), orphaned);
  }

  @Test
  void servesTheRiskySettingsAndTheBusyKeysCount() {
    JsonNode settings = http.get("/v1/accounts/" + ACCOUNT + "/settings/identity").json();
    JsonNode busy =
        http.get("/v1/apikeys/" + DemoAccount.BUSY_KEY + "?include_activity=true").json();
    JsonNode leakNone = http.get("/v1/apikeys/" + DemoAccount.LEAK_NONE_KEY).json();
    JsonNode zoe = http.get("/v1/apikeys/" + DemoAccount.DEPLOY_KEY).json();

    assertEquals("NOT_RESTRICTED", settings.get("restrict_create_platform_apikey").asText());
    assertEquals("NOT_SET", settings.get("restrict_create_service_id").asText());
    assertEquals("NONE", settings.get("mfa").asText());
    assertEquals(DemoAccount.HIGH_USAGE_COUNT, busy.get("activity").get("authn_count").asLong());
    assertEquals("none", leakNone.get("action_when_leaked").asText());
    assertEquals("Zoë's deploy, prod", zoe.get("name").asText());
  }

  private JsonNode report(String hours) {
    String base = "/v1/activity/accounts/" + ACCOUNT + "/report";
    String reference =
        http.post(base + "?type=inactive&duration=" + hours).json().get("reference").asText();
    Http.Answer answer;
    do {
      answer = http.get(base + "/" + reference);
    } while (answer.code() == 204);
    return answer.json();
  }

  @Test
  void aServiceIdAndItsKeyOutsideTheDefaultGroupAreListedOnlyUnderTheirGroup() {
    JsonNode groups =
        http.get("/v1/serviceid_groups?account_id=" + ACCOUNT).json().get("serviceid_groups");
    String group = "&group_id=" + DemoAccount.PAYMENTS_GROUP;
    String serviceIds = "/v1/serviceids/?account_id=" + ACCOUNT + "&pagesize=100";
    String serviceKeys =
        "/v1/apikeys?account_id=" + ACCOUNT + "&scope=account&type=serviceid&pagesize=100";

    assertEquals(Set.of(DemoAccount.PAYMENTS_GROUP), ids(groups, "id"));
    assertFalse(
        ids(http.get(serviceIds).json().get("serviceids"), "id").contains(DemoAccount.SETTLEMENT));
    assertEquals(
        Set.of(DemoAccount.SETTLEMENT),
        ids(http.get(serviceIds + group).json().get("serviceids"), "id"));
    assertFalse(
        ids(http.get(serviceKeys).json().get("apikeys"), "id").contains(DemoAccount.GROUP_KEY));
    assertEquals(
        Set.of(DemoAccount.GROUP_KEY),
        ids(http.get(serviceKeys + group).json().get("apikeys"), "id"));
  }

  @Test
  void oneKeyIsDisabledAndOneExpired() {
    JsonNode disabled = http.get("/v1/apikeys/" + DemoAccount.DISABLED_KEY).json();
    JsonNode expired = http.get("/v1/apikeys/" + DemoAccount.EXPIRED_KEY).json();

    assertTrue(disabled.get("disabled").asBoolean());
    assertEquals(null, disabled.get("expires_at"));
    assertFalse(expired.get("disabled").asBoolean());
    assertEquals("2026-10-23T08:47+0000", expired.get("expires_at").asText());
  }

  @Test
  void aTemplateEnforcesTheMfaTheAccountItselfLeavesOffAndOneUserIsExempt() {
    JsonNode settings =
        http.get("/v1/accounts/" + ACCOUNT + "/effective_settings/identity?resolve_user_mfa=true")
            .json();

    assertEquals("TOTP4ALL", settings.at("/effective/mfa").asText());
    assertEquals("NONE", settings.at("/account/mfa").asText());
    assertEquals(
        "enterprise-baseline", settings.at("/assigned_templates/0/template_name").asText());
    assertEquals("TOTP4ALL", settings.at("/assigned_templates/0/mfa").asText());
    assertEquals(
        List.of(DemoAccount.BUILDER, "NONE_NO_ROPC", "bruno.schmidt@example.com"),
        List.of(
            settings.at("/effective/user_mfa/0/iam_id").asText(),
            settings.at("/effective/user_mfa/0/mfa").asText(),
            settings.at("/effective/user_mfa/0/userName").asText()));
  }

  @Test
  void theMfaReportFindsTheMemberWhoNeverEnrolledAndLeavesInvitationsOut() {
    String base = "/v1/mfa/accounts/" + ACCOUNT + "/report";
    String reference = http.post(base + "?type=mfa_status").json().get("reference").asText();
    Http.Answer answer;
    do {
      answer = http.get(base + "/" + reference);
    } while (answer.code() == 204);

    Set<String> failing = new TreeSet<>();
    answer
        .json()
        .get("users")
        .forEach(
            user -> {
              if (!user.at("/id_based_mfa/complies").asBoolean()) {
                failing.add(user.get("iam_id").asText());
              }
            });
    assertEquals(
        Set.of(
            DemoAccount.ADMIN,
            DemoAccount.BUILDER,
            DemoAccount.INACTIVE_USER,
            DemoAccount.NEVER_LOGGED_IN),
        ids(answer.json().get("users"), "iam_id"));
    assertEquals(Set.of(DemoAccount.NEVER_LOGGED_IN), failing);
  }

  @Test
  void anInvitationIsListedWithoutAnIamId() {
    JsonNode users = http.get("/v2/accounts/" + ACCOUNT + "/users").json().get("resources");

    List<JsonNode> invitation = new ArrayList<>();
    users.forEach(
        user -> {
          if (DemoAccount.INVITATION_WITHOUT_IAM_ID.equals(user.get("user_id").asText())) {
            invitation.add(user);
          }
        });
    assertEquals(1, invitation.size());
    assertEquals(null, invitation.get(0).get("iam_id"));
    assertEquals("PENDING", invitation.get(0).get("state").asText());
    assertEquals(32, invitation.get(0).get("id").asText().length());
  }

  private static Set<String> ids(JsonNode array, String field) {
    Set<String> ids = new TreeSet<>();
    array.forEach(item -> ids.add(item.path(field).asText()));
    return ids;
  }
}
