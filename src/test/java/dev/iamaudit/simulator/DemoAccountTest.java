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

  @TempDir
  Path dir;

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

    Policy policy = new PolicyLoader(Rules.specs()).load(governance.resolve("iam-audit.yml"), "iam-audit.yml");

    assertEquals(dir.resolve("demo"), governance);
    assertEquals(FailOn.parse("medium"), policy.failOn());
    RuleConfig highUsage = policy.rule("apikey-high-usage");
    assertTrue(highUsage.enabled());
    assertEquals(DemoAccount.HIGH_USAGE_THRESHOLD, highUsage.param("maxAuthnCount"));
    assertTrue(DemoAccount.HIGH_USAGE_COUNT > highUsage.param("maxAuthnCount"));
    assertTrue(policy.rule("identity-unmanaged").enabled());
  }

  @Test
  void theTerraformFolderDeclaresMostIdentitiesAndStricterSettings() {
    Path governance = DemoAccount.writeGovernanceFiles(dir, TODAY);

    TerraformDeclarations terraform = TerraformDeclarations.load(governance.resolve(DemoAccount.TERRAFORM), dir,
        List.of(), null, null);

    assertEquals(List.of(), terraform.notes());
    assertEquals("Read 2 Terraform files under terraform: 10 declarations of IAM identities, account settings at"
        + " terraform/main.tf:3", terraform.summary());
    assertEquals("TOTP4ALL", terraform.accountSettings(ACCOUNT).orElseThrow().attribute("mfa").orElseThrow().value()
        .scalarText());
    assertTrue(terraform.isDeclared(DeclarationKind.SERVICE_ID, null, "deploy-prod"));
    assertFalse(terraform.isDeclared(DeclarationKind.SERVICE_ID, null, "old-crm-integration"));
  }

  @Test
  void theAllowlistHasOneValidOneExpiredAndOneUnmatchedEntry() {
    Path governance = DemoAccount.writeGovernanceFiles(dir, TODAY);
    Policy policy = new PolicyLoader(Rules.specs()).load(governance.resolve("iam-audit.yml"), "iam-audit.yml");

    Allowlist allowlist = new AllowlistLoader(Rules.all().stream().map(RuleDescriptor::id).toList(), TODAY,
        policy.allowlistMaxDays()).load(governance.resolve("iam-allowlist.yml"), "iam-allowlist.yml");

    List<AllowlistEntry> entries = allowlist.entries();
    assertEquals(3, entries.size());
    assertEquals(List.of(entries.get(1)), entries.stream().filter(entry -> entry.expiredOn(TODAY)).toList());
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
    assertTrue(DemoAccount.create(Clock.fixed(NOW, ZoneOffset.UTC)).apiKeys().stream()
        .noneMatch(key -> key.name().startsWith("sandbox-")));
  }

  @Test
  void aNinetyDayReportListsTheIdleIdentities() {
    JsonNode report = report("2160");

    assertEquals(Set.of(DemoAccount.INACTIVE_USER, DemoAccount.NEVER_LOGGED_IN, DemoAccount.NEW_USER),
        ids(report.get("users"), "iam_id"));
    assertEquals(Set.of(DemoAccount.STALE_KEY, DemoAccount.STALE_SERVICE_KEY, DemoAccount.NEVER_USED_KEY,
        DemoAccount.NEW_UNUSED_KEY), ids(report.get("apikeys"), "id"));
    assertEquals(Set.of("legacy-batch", "old-crm-integration", "search-indexer"),
        ids(report.get("serviceids"), "name"));
    assertEquals(Set.of(DemoAccount.IDLE_PROFILE), ids(report.get("profiles"), "id"));
  }

  @Test
  void listsTheOrphanedKeyWhoseOwnerIsNoMember() {
    Set<String> members = ids(http.get("/v2/accounts/" + ACCOUNT + "/users").json().get("resources"), "iam_id");
    JsonNode keys = http.get("/v1/apikeys?account_id=" + ACCOUNT + "&scope=account&type=user&pagesize=100").json()
        .get("apikeys");

    Set<String> orphaned = new TreeSet<>();
    keys.forEach(key -> {
      if (!members.contains(key.get("iam_id").asText())) {
        orphaned.add(key.get("id").asText());
      }
    });
    assertEquals(Set.of(DemoAccount.ORPHANED_KEY), orphaned);
  }

  @Test
  void servesTheRiskySettingsAndTheBusyKeysCount() {
    JsonNode settings = http.get("/v1/accounts/" + ACCOUNT + "/settings/identity").json();
    JsonNode busy = http.get("/v1/apikeys/" + DemoAccount.BUSY_KEY + "?include_activity=true").json();
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
    String reference = http.post(base + "?type=inactive&duration=" + hours).json().get("reference").asText();
    Http.Answer answer;
    do {
      answer = http.get(base + "/" + reference);
    } while (answer.code() == 204);
    return answer.json();
  }

  private static Set<String> ids(JsonNode array, String field) {
    Set<String> ids = new TreeSet<>();
    array.forEach(item -> ids.add(item.get(field).asText()));
    return ids;
  }
}
