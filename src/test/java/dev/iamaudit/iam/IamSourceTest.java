package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmFixtures.API_KEY;
import static dev.iamaudit.iam.IbmFixtures.SERVICE_IAM_ID;
import static dev.iamaudit.iam.IbmFixtures.SERVICE_ID;
import static dev.iamaudit.iam.IbmFixtures.USER_IAM_ID;
import static dev.iamaudit.iam.IbmServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.failure.AuditFailure;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.MfaEnrollment;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.source.DataRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IamSourceTest {
  private static final String REPORTS = "/v1/activity/accounts/" + ACCOUNT + "/report";
  private static final String TOKEN = IbmFixtures.jwt(ACCOUNT);

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();

  IamSourceTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private IamSource source(URI iam, URI userManagement) {
    return new IamSource(
        new IamSettings(
            iam,
            userManagement,
            new Secret(API_KEY),
            "environment variable IBMCLOUD_API_KEY",
            "new",
            Duration.ofMinutes(10),
            null,
            TestOptionNames.INSTANCE),
        clock,
        sleeper,
        () -> 0L,
        4);
  }

  private Inventory load(String account, Set<DataSet> needs) {
    return source(server.uri(), server.uri())
        .load(account, new DataRequest(needs, OptionalLong.of(720), 24), listener);
  }

  private static final String GROUP = "ServiceIdGroup-0a1b2c3d-0000-4000-8000-000000000001";
  private static final String GROUP_SERVICE_ID = "ServiceId-99999999-0000-4000-8000-00000000000b";
  private static final String MFA_REPORTS = "/v1/mfa/accounts/" + ACCOUNT + "/report";

  /**
   * An account of today's IBM Cloud: a service ID group besides the default one, with a service ID
   * and a key the report lists as inactive; a template enforcing MFA; one member not enrolled for
   * it.
   */
  private void scriptWholeAccount() {
    server
        .on("POST " + REPORTS, json(202, "{\"reference\":\"r-1\"}"))
        .on(
            "GET " + REPORTS + "/r-1",
            IbmServer.status(204),
            json(
                200,
                IbmFixtures.report(
                    "r-1",
                    720,
                    "2025-12-31T23:00:00:000+0000",
                    "",
                    "{\"id\":\"ApiKey-s\",\"name\":\"ci\",\"type\":\"serviceid\","
                        + "\"serviceid\":{\"id\":\""
                        + SERVICE_ID
                        + "\",\"name\":\"deployer\"}},{\"id\":\"ApiKey-g\","
                        + "\"name\":\"batch\",\"type\":\"serviceid\",\"serviceid\":{\"id\":\""
                        + GROUP_SERVICE_ID
                        + "\",\"name\":\"settlement\"},\"last_authn\":\"2025-06-01T10:00:00:000+0000\"}",
                    "",
                    "")))
        .on(
            "GET /v1/serviceid_groups",
            json(200, IbmFixtures.serviceIdGroups(IbmFixtures.serviceIdGroup(GROUP, "payments"))))
        .on(
            "GET /v1/apikeys ?type=serviceid",
            json(
                200,
                IbmFixtures.apiKeyPage(
                    null,
                    IbmFixtures.apiKey(
                        "ApiKey-s", "ci", SERVICE_IAM_ID, "2023-03-01T00:00+0000", "none"))))
        .on(
            "GET /v1/apikeys ?group_id=" + GROUP,
            json(
                200,
                IbmFixtures.apiKeyPage(
                    null,
                    IbmFixtures.apiKey(
                        "ApiKey-g",
                        "batch",
                        "iam-" + GROUP_SERVICE_ID,
                        "2024-02-01T08:00+0000",
                        "disable"))))
        .on(
            "GET /v1/apikeys ?type=user",
            json(
                200,
                IbmFixtures.apiKeyPage(
                    null,
                    IbmFixtures.apiKey(
                        "ApiKey-u", "laptop", USER_IAM_ID, "2024-03-01T00:00+0000", "disable"))))
        .on(
            "GET /v1/serviceids/",
            json(200, IbmFixtures.serviceIdPage(IbmFixtures.serviceId(SERVICE_ID, "deployer"))))
        .on(
            "GET /v1/serviceids/ ?group_id=" + GROUP,
            json(
                200,
                IbmFixtures.serviceIdPage(IbmFixtures.serviceId(GROUP_SERVICE_ID, "settlement"))))
        .on(
            "GET /v1/profiles",
            json(200, IbmFixtures.profilePage(IbmFixtures.profile("Profile-1", "ops"))))
        .on(
            "GET /v2/accounts/" + ACCOUNT + "/users",
            json(
                200,
                IbmFixtures.userPage(
                    null,
                    IbmFixtures.user(
                        USER_IAM_ID, "Jane", "Doe", "jane@example.com", "2021-01-01T00:00+0000"))))
        .on(
            "GET /v1/accounts/" + ACCOUNT + "/effective_settings/identity",
            json(
                200,
                IbmFixtures.effectiveSettings(
                    "TOTP4ALL",
                    "",
                    IbmFixtures.template("AccountSettingsTemplate-1", 3, "baseline", "TOTP4ALL"))))
        .on("POST " + MFA_REPORTS, json(202, "{\"reference\":\"m-1\"}"))
        .on(
            "GET " + MFA_REPORTS + "/m-1",
            IbmServer.status(204),
            json(
                200,
                IbmFixtures.mfaReport(
                    "m-1",
                    IbmFixtures.mfaUser(
                        USER_IAM_ID, "Jane Doe", "jane@example.com", "TOTP4ALL", false))))
        .on(
            "GET /v1/apikeys/ApiKey-s",
            json(200, "{\"id\":\"ApiKey-s\",\"activity\":{\"authn_count\":0}}"))
        .on(
            "GET /v1/apikeys/ApiKey-g",
            json(200, "{\"id\":\"ApiKey-g\",\"activity\":{\"authn_count\":7}}"))
        .on(
            "GET /v1/apikeys/ApiKey-u",
            json(
                200,
                "{\"id\":\"ApiKey-u\",\"activity\":{\"authn_count\":42,"
                    + "\"last_authn\":\"2025-12-31T10:00:00:000+0000\"}}"));
  }

  @Test
  void pullsEveryDataSetWithTheTokenOnlyOnApiCalls() {
    scriptWholeAccount();

    Inventory inventory = load(null, EnumSet.allOf(DataSet.class));

    assertEquals(ACCOUNT, inventory.accountId());
    assertEquals(EnumSet.allOf(DataSet.class), inventory.available());
    assertEquals(clock.instant(), inventory.asOf());
    ApiKey serviceKey = inventory.apiKeys().get(1);
    assertEquals(
        List.of(SERVICE_ID, "deployer", 0L, Activity.NEVER),
        List.of(
            serviceKey.owner().id(),
            serviceKey.owner().name(),
            serviceKey.authnCount(),
            serviceKey.activity()));
    ApiKey userKey = inventory.apiKeys().get(0);
    assertEquals(
        List.of("Jane Doe", 42L, Activity.RECENT, "disable"),
        List.of(
            userKey.owner().name(),
            userKey.authnCount(),
            userKey.activity(),
            userKey.actionWhenLeaked()));
    assertEquals("TOTP4ALL", inventory.settings().mfa());
    assertEquals(
        List.of("Jane Doe"), inventory.mfaEnrollments().stream().map(MfaEnrollment::name).toList());
    assertEquals(1, server.requests("POST /identity/token").size());
    for (RecordedRequest request : server.requests) {
      boolean tokenCall = request.getUrl().encodedPath().equals("/identity/token");
      assertEquals(
          tokenCall ? null : "Bearer " + TOKEN,
          request.getHeaders().get("Authorization"),
          request.getRequestLine());
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "Triggered activity report r-1 over 720 hours",
                "Fetched activity report r-1: 2 inactive identities over 720 hours, as of"
                    + " 2025-12-31 23:00:00 UTC",
                "Fetched 1 service ID group",
                "Fetched 3 API keys (3 pages)",
                "Fetched 2 service IDs (2 pages)",
                "Fetched 1 trusted profile (1 page)",
                "Fetched 1 user (1 page)",
                "Fetched the account identity settings in force (enterprise settings template"
                    + " 'baseline' (AccountSettingsTemplate-1, version 3))",
                "Triggered MFA enrollment report m-1",
                "Fetched MFA enrollment report m-1: 1 user, 1 not enrolled as required",
                "Fetched the activity details of 3 API keys",
                "Pulled account " + ACCOUNT + " in 4.0 s")),
        // How many calls overlapped depends on thread scheduling; that they were counted is what
        // matters here. The
        // test clock moves only by the two reports' polls.
        new TreeSet<>(
            listener.of("info").stream()
                .map(line -> line.replaceFirst(" \\(at most [1-3] calls? at once\\)$", ""))
                .toList()));
    assertSecretsAbsent(listener.lines);
  }

  @Test
  void listsTheServiceIdsAndKeysOfEveryGroupAndDatesTheReportsEntriesForThem() {
    scriptWholeAccount();

    Inventory inventory = load(null, Set.of(DataSet.REPORT, DataSet.API_KEYS, DataSet.SERVICE_IDS));

    assertEquals(
        List.of(
            "account_id="
                + ACCOUNT
                + "&scope=account&type=serviceid&pagesize=100&group_id="
                + GROUP),
        server.requests("GET /v1/apikeys").stream()
            .map(r -> r.getUrl().query())
            .filter(query -> query.contains("group_id"))
            .toList());
    assertEquals(
        List.of(
            "account_id=" + ACCOUNT + "&pagesize=100",
            "account_id=" + ACCOUNT + "&pagesize=100&group_id=" + GROUP),
        server.requests("GET /v1/serviceids/").stream()
            .map(r -> r.getUrl().query())
            .sorted()
            .toList());
    assertEquals(
        List.of(SERVICE_ID, GROUP_SERVICE_ID),
        inventory.serviceIds().stream().map(ServiceId::id).toList());
    ApiKey grouped =
        inventory.apiKeys().stream()
            .filter(key -> key.id().equals("ApiKey-g"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(
            Instant.parse("2024-02-01T08:00:00Z"),
            "settlement",
            GROUP_SERVICE_ID,
            new Activity(Activity.Kind.INACTIVE, Instant.parse("2025-06-01T10:00:00Z"))),
        List.of(
            grouped.createdAt(), grouped.owner().name(), grouped.owner().id(), grouped.activity()));
  }

  @Test
  void aGroupListedAgainUnderItsIdCountsEachServiceIdAndKeyOnce() {
    scriptWholeAccount();
    server
        .on(
            "GET /v1/serviceid_groups",
            json(
                200,
                IbmFixtures.serviceIdGroups(
                    IbmFixtures.serviceIdGroup("ServiceIdGroup-default", "Default"),
                    IbmFixtures.serviceIdGroup(GROUP, "payments"))))
        .on(
            "GET /v1/apikeys ?group_id=ServiceIdGroup-default",
            json(
                200,
                IbmFixtures.apiKeyPage(
                    null,
                    IbmFixtures.apiKey(
                        "ApiKey-s", "ci", SERVICE_IAM_ID, "2023-03-01T00:00+0000", "none"))))
        .on(
            "GET /v1/serviceids/ ?group_id=ServiceIdGroup-default",
            json(200, IbmFixtures.serviceIdPage(IbmFixtures.serviceId(SERVICE_ID, "deployer"))));

    Inventory inventory = load(null, Set.of(DataSet.API_KEYS, DataSet.SERVICE_IDS));

    assertEquals(
        List.of("ApiKey-u", "ApiKey-s", "ApiKey-g"),
        inventory.apiKeys().stream().map(ApiKey::id).toList());
    assertEquals(
        List.of(SERVICE_ID, GROUP_SERVICE_ID),
        inventory.serviceIds().stream().map(ServiceId::id).toList());
  }

  @Test
  void startsEveryIndependentListingAtOnceHoweverManyGroupsThereAre() {
    // Ten groups make 25 listings: the server holds each one's first page until all 25 are in,
    // which only
    // happens if none waits for another to finish.
    int groups = 10;
    int listings = 5 + 2 * groups;
    CountDownLatch allIn = new CountDownLatch(listings);
    String[] groupItems =
        IntStream.range(0, groups)
            .mapToObj(g -> IbmFixtures.serviceIdGroup("ServiceIdGroup-" + g, "team-" + g))
            .toArray(String[]::new);
    server.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            server.requests.add(request);
            String path = request.getUrl().encodedPath();
            if (path.equals("/identity/token")) {
              return json(200, IbmFixtures.tokenBody(TOKEN, 3600));
            }
            if (path.equals("/v1/serviceid_groups")) {
              return json(200, IbmFixtures.serviceIdGroups(groupItems));
            }
            allIn.countDown();
            if (!allIn.await(10, TimeUnit.SECONDS)) {
              return json(
                  500,
                  "{\"errorCode\":\"TEST500\",\"errorMessage\":\"only "
                      + (listings - allIn.getCount())
                      + " listings came in together\"}");
            }
            return switch (path) {
              case "/v1/apikeys" -> json(200, IbmFixtures.apiKeyPage(null));
              case "/v1/serviceids/" -> json(200, IbmFixtures.serviceIdPage());
              case "/v1/profiles" -> json(200, IbmFixtures.profilePage());
              default -> json(200, IbmFixtures.userPage(null));
            };
          }
        });

    Inventory inventory =
        load(null, Set.of(DataSet.API_KEYS, DataSet.SERVICE_IDS, DataSet.PROFILES, DataSet.USERS));

    assertEquals(
        Set.of(DataSet.API_KEYS, DataSet.SERVICE_IDS, DataSet.PROFILES, DataSet.USERS),
        inventory.available());
    assertEquals(0, allIn.getCount());
    assertEquals(
        List.of(
            "Fetched 10 service ID groups",
            "Fetched 0 API keys (12 pages)",
            "Fetched 0 service IDs (11 pages)",
            "Fetched 0 trusted profiles (1 page)",
            "Fetched 0 users (1 page)",
            "Pulled account " + ACCOUNT + " in 0.0 s"),
        listener.of("info"));
  }

  @Test
  void asksForAKeysActivityAsSoonAsAPageNamesItWhileTheListingGoesOn() {
    // The second page is held until the first page's key has had its activity call: the calls do
    // not wait for the
    // listing to end.
    CountDownLatch firstKeyAsked = new CountDownLatch(1);
    server.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            server.requests.add(request);
            String path = request.getUrl().encodedPath();
            String query = request.getUrl().query() == null ? "" : request.getUrl().query();
            if (path.equals("/identity/token")) {
              return json(200, IbmFixtures.tokenBody(TOKEN, 3600));
            }
            if (path.startsWith("/v1/apikeys/")) {
              String id = request.getUrl().pathSegments().get(2);
              if (id.equals("ApiKey-1")) {
                firstKeyAsked.countDown();
              }
              return json(
                  200,
                  "{\"id\":\"" + id + "\",\"activity\":{\"authn_count\":" + id.substring(7) + "}}");
            }
            if (query.contains("type=serviceid") || path.equals("/v1/serviceid_groups")) {
              return path.equals("/v1/serviceid_groups")
                  ? json(200, IbmFixtures.serviceIdGroups())
                  : json(200, IbmFixtures.apiKeyPage(null));
            }
            if (!query.contains("pagetoken")) {
              return json(
                  200,
                  IbmFixtures.apiKeyPage(
                      "T2",
                      IbmFixtures.apiKey(
                          "ApiKey-1", "laptop", USER_IAM_ID, "2024-03-01T00:00+0000", "disable")));
            }
            if (!firstKeyAsked.await(10, TimeUnit.SECONDS)) {
              return json(
                  500,
                  "{\"errorCode\":\"TEST500\",\"errorMessage\":\"page 2 asked before key 1\"}");
            }
            return json(
                200,
                IbmFixtures.apiKeyPage(
                    null,
                    IbmFixtures.apiKey(
                        "ApiKey-2", "ci", USER_IAM_ID, "2024-03-02T00:00+0000", "disable")));
          }
        });

    Inventory inventory = load(null, Set.of(DataSet.API_KEYS, DataSet.KEY_ACTIVITY));

    assertEquals(List.of(1L, 2L), inventory.apiKeys().stream().map(ApiKey::authnCount).toList());
    assertEquals(
        List.of("Fetched 0 service ID groups", "Fetched 2 API keys (3 pages)"),
        listener.of("info").subList(0, 2));
  }

  @Test
  void saysWhenIamAskedThePerKeyCallsToSlowDown() {
    server
        .on("GET /v1/serviceid_groups", json(200, IbmFixtures.serviceIdGroups()))
        .on("GET /v1/apikeys ?type=serviceid", json(200, IbmFixtures.apiKeyPage(null)))
        .on(
            "GET /v1/apikeys ?type=user",
            json(
                200,
                IbmFixtures.apiKeyPage(
                    null,
                    IbmFixtures.apiKey(
                        "ApiKey-u", "laptop", USER_IAM_ID, "2024-03-01T00:00+0000", "disable"))))
        .on(
            "GET /v1/apikeys/ApiKey-u",
            new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build(),
            json(200, "{\"id\":\"ApiKey-u\",\"activity\":{\"authn_count\":42}}"));

    Inventory inventory = load(null, Set.of(DataSet.API_KEYS, DataSet.KEY_ACTIVITY));

    assertEquals(42L, inventory.apiKeys().get(0).authnCount());
    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps);
    assertEquals(
        List.of(
            "Fetched 0 service ID groups",
            "Fetched 1 API key (2 pages)",
            "Fetched the activity details of 1 API key (at most 1 call at once; IAM asked to slow"
                + " down 1 time)",
            "Pulled account " + ACCOUNT + " in 2.0 s"),
        listener.of("info"));
  }

  @Test
  void anMfaReportTheKeyMayNotMakeLeavesItUnavailableWithTheRoleAndTheAuditGoesOn() {
    scriptWholeAccount();
    server.on(
        "POST " + MFA_REPORTS,
        json(
            403,
            "{\"errors\":[{\"code\":\"forbidden\",\"message_code\":\"BXNIM0513E\",\"message\":\"You"
                + " are not authorized to perform this action.\"}],\"trace\":\"t-1\","
                + "\"status_code\":\"403\"}"));

    Inventory inventory = load(null, Set.of(DataSet.MFA_REPORT, DataSet.SETTINGS));

    assertEquals(Set.of(DataSet.SETTINGS), inventory.available());
    assertEquals(
        Map.of(
            DataSet.MFA_REPORT,
            "which IAM refused with 403 to POST "
                + MFA_REPORTS
                + " (forbidden You are not authorized to perform this action.): grant the API key"
                + " the Administrator role on the IAM Identity Service, which IBM requires to"
                + " generate and view the report"),
        inventory.unavailable());
    assertEquals(List.of(), server.requests("GET " + MFA_REPORTS + "/m-1"));
  }

  @Test
  void callsOnlyTheEndpointsTheRulesNeed() {
    server.on(
        "GET /v1/accounts/" + ACCOUNT + "/effective_settings/identity",
        json(200, IbmFixtures.effectiveSettings("NONE", "", null)));

    Inventory inventory = load(null, Set.of(DataSet.SETTINGS));

    assertEquals(
        List.of(
            "POST /identity/token", "GET /v1/accounts/" + ACCOUNT + "/effective_settings/identity"),
        server.paths());
    assertEquals(Set.of(DataSet.SETTINGS), inventory.available());
    assertEquals(null, inventory.report());
  }

  @Test
  void anAccountOtherThanTheKeysIsAuditedWithAWarning() {
    String other = "ffffffffffffffffffffffffffffffff";
    String forbidden =
        "{\"errors\":[{\"code\":\"forbidden\",\"message\":\"You are not authorized to perform this "
            + "action.\"}],\"status_code\":\"403\"}";
    server
        .on("GET /v1/accounts/" + other + "/effective_settings/identity", json(403, forbidden))
        .on("GET /v1/accounts/" + other + "/settings/identity", json(403, forbidden));

    assertThrows(DataException.class, () -> load(other, Set.of(DataSet.SETTINGS)));

    assertEquals(
        List.of(
            "The account to audit, "
                + other
                + ", is not the account of the API key in environment "
                + "variable IBMCLOUD_API_KEY ("
                + ACCOUNT
                + "); IAM answers a token's calls about another account with 403, "
                + "so expect that, or audit with a key created in "
                + other,
            "Judging the account's own identity settings: "
                + "IAM answered 403 to GET /v1/accounts/"
                + other
                + "/effective_settings/identity (forbidden You are not authorized to perform this"
                + " action.), so an enterprise settings template may enforce stricter values; grant"
                + " the API key the Administrator role on the IAM Identity Service (IBM documents"
                + " no narrower role for the effective settings)"),
        listener.of("warn"));
  }

  @Test
  void theKeysOwnAccountGivenExplicitlyIsNotWarnedAbout() {
    server.on(
        "GET /v1/accounts/" + ACCOUNT + "/effective_settings/identity",
        json(200, IbmFixtures.effectiveSettings("NONE", "", null)));

    load(ACCOUNT, Set.of(DataSet.SETTINGS));

    assertEquals(List.of(), listener.of("warn"));
  }

  @Test
  void aTokenWithoutAnAccountIsFineWhenTheAccountIsGiven() {
    server
        .on("POST /identity/token", json(200, IbmFixtures.tokenBody("e30.e30.sig", 3600)))
        .on(
            "GET /v1/accounts/" + ACCOUNT + "/effective_settings/identity",
            json(200, IbmFixtures.effectiveSettings("NONE", "", null)));

    Inventory inventory = load(ACCOUNT, Set.of(DataSet.SETTINGS));

    assertEquals(Set.of(DataSet.SETTINGS), inventory.available());
    assertEquals(List.of(), listener.of("warn"));
  }

  @Test
  void aRefusedKeyStopsTheRunWithoutShowingTheKey() {
    server.on("POST /identity/token", json(400, IbmFixtures.wrongKey()));

    DataException e =
        assertThrows(DataException.class, () -> load("given-account", Set.of(DataSet.PROFILES)));

    assertEquals(
        "IAM refused the API key: BXNIM0415E Provided API key could not be found. Check the key in "
            + "environment variable IBMCLOUD_API_KEY",
        e.getMessage());
    assertEquals(3, e.exitCode());
    assertSecretsAbsent(List.of(e.getMessage()));
    assertSecretsAbsent(listener.lines);
  }

  @Test
  void neitherKeyNorTokenAppearsWhenIbmEchoesThemOrServersFail() {
    server
        .on(
            "GET /v1/profiles",
            json(
                401,
                "{\"errorCode\":\"BXNIM0407E\",\"errorMessage\":\"Token "
                    + TOKEN
                    + " for key "
                    + API_KEY
                    + " is invalid.\"}"))
        .on("GET /v1/serviceids/", IbmServer.status(503));

    AuditFailure e =
        assertThrows(
            AuditFailure.class, () -> load(null, Set.of(DataSet.PROFILES, DataSet.SERVICE_IDS)));

    assertSecretsAbsent(List.of(e.getMessage()));
    assertSecretsAbsent(listener.lines);
  }

  @Test
  void refusesPlainHttpOutsideLoopback() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> source(URI.create("http://example.com"), server.uri()));

    assertEquals(
        "Refusing http://example.com: plain http would send the API key and tokens unencrypted and"
            + " is allowed only on loopback (127.0.0.1, localhost, ::1); use https://example.com",
        e.getMessage());
  }

  private static void assertSecretsAbsent(List<String> texts) {
    String all = String.join("\n", texts);
    assertFalse(all.contains(API_KEY), all);
    assertFalse(all.contains(TOKEN), all);
    assertFalse(all.contains(TOKEN.substring(TOKEN.lastIndexOf('.') + 1)), all);
  }
}
