package dev.iamaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamaudit.TestClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String ACCOUNT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  static final String KEY = "sample-fixture-key";
  static final String GRACE = "IBMid-550000AAAA";

  private final TestClock clock = new TestClock(NOW);
  private final List<Simulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Simulator::close);
  }

  static SimulatedAccount sample() throws URISyntaxException {
    return SimulatedAccount.read(
        Path.of(SimulatorTest.class.getResource("sample-account.json").toURI()), NOW);
  }

  private Simulator start(SimulatedAccount account, SimulatorOptions options) {
    Simulator simulator = Simulator.start(account, clock, options);
    started.add(simulator);
    return simulator;
  }

  private Http client(SimulatorOptions options) throws URISyntaxException {
    return new Http(start(sample(), options).baseUrl());
  }

  private Http loggedIn() throws URISyntaxException {
    return client(SimulatorOptions.DEFAULTS).login(KEY);
  }

  @Test
  void bindsToLoopbackOnly() throws URISyntaxException {
    Simulator simulator = start(sample(), SimulatorOptions.DEFAULTS);

    assertTrue(simulator.address().getAddress().isLoopbackAddress());
    assertEquals(
        "http://127.0.0.1:" + simulator.address().getPort(), simulator.baseUrl().toString());
  }

  @Test
  void tradesAKnownApiKeyForAJwtShapedBearerToken() throws Exception {
    Http.Answer answer = client(SimulatorOptions.DEFAULTS).tokenRequest(KEY);

    assertEquals(200, answer.code());
    JsonNode body = answer.json();
    assertEquals(
        List.of(
            "access_token",
            "refresh_token",
            "ims_user_id",
            "token_type",
            "expires_in",
            "expiration",
            "scope"),
        fieldNames(body));
    assertEquals("not_supported", body.get("refresh_token").asText());
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(3600, body.get("expires_in").asLong());
    assertEquals(NOW.getEpochSecond() + 3600, body.get("expiration").asLong());
    assertEquals("ibm openid", body.get("scope").asText());
    assertTrue(body.get("ims_user_id").isNumber());
    String[] jwt = body.get("access_token").asText().split("\\.");
    assertEquals(3, jwt.length);
    JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[0]));
    assertEquals("HS256", header.get("alg").asText());
    JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[1]));
    assertEquals(GRACE, payload.get("iam_id").asText());
    assertEquals(ACCOUNT, payload.get("account").get("bss").asText());
    assertEquals(NOW.getEpochSecond(), payload.get("iat").asLong());
    assertEquals(NOW.getEpochSecond() + 3600, payload.get("exp").asLong());
  }

  @Test
  void refusesAnUnknownApiKeyWithIbmsErrorBody() throws Exception {
    Http.Answer answer = client(SimulatorOptions.DEFAULTS).tokenRequest("no-such-key");

    assertEquals(400, answer.code());
    JsonNode body = answer.json();
    assertEquals(List.of("context", "errorCode", "errorMessage", "errorDetails"), fieldNames(body));
    assertEquals("BXNIM0415E", body.get("errorCode").asText());
    assertEquals("Provided API key could not be found.", body.get("errorMessage").asText());
    assertEquals("incoming.Identity_Token", body.get("context").get("requestType").asText());
    assertEquals("22.11.2026 10:00:00:000 UTC", body.get("context").get("startTime").asText());
    assertFalse(answer.body().contains("no-such-key"));
  }

  @Test
  void protectedEndpointsWantABearerToken() throws Exception {
    Http http = client(SimulatorOptions.DEFAULTS);

    Http.Answer missing = http.getWithoutToken("/v1/profiles?account_id=" + ACCOUNT);
    Http.Answer forged =
        http.getWithAuthorization("/v1/profiles?account_id=" + ACCOUNT, "Bearer a.b.c");

    assertEquals(401, missing.code());
    JsonNode body = missing.json();
    assertEquals(List.of("errors", "trace", "status_code"), fieldNames(body));
    assertEquals("unauthorized", body.get("errors").get(0).get("code").asText());
    assertEquals("BXNIM0308E", body.get("errors").get(0).get("message_code").asText());
    assertEquals(
        "No authorization header found", body.get("errors").get(0).get("message").asText());
    assertEquals("401", body.get("status_code").asText());
    assertEquals(missing.headers().get("Transaction-Id"), body.get("trace").asText());
    assertEquals(401, forged.code());
    assertEquals("BXNIM0307E", forged.json().get("errors").get(0).get("message_code").asText());
  }

  @Test
  void tokensExpireByTheSimulatorsClock() throws Exception {
    Http http = loggedIn();
    assertEquals(200, http.get("/v1/profiles?account_id=" + ACCOUNT).code());

    clock.advance(Duration.ofSeconds(3600));

    assertEquals(401, http.get("/v1/profiles?account_id=" + ACCOUNT).code());
  }

  @Test
  void aNewReportAnswers202Then204WhileBeingGeneratedThen200() throws Exception {
    Http http = loggedIn();
    String base = "/v1/activity/accounts/" + ACCOUNT + "/report";

    assertEquals(404, http.get(base + "/latest").code());
    Http.Answer created = http.post(base + "?type=inactive&duration=720");
    assertEquals(202, created.code());
    String reference = created.json().get("reference").asText();
    assertTrue(
        reference.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        reference);

    Http.Answer first = http.get(base + "/" + reference);
    Http.Answer second = http.get(base + "/" + reference);
    Http.Answer ready = http.get(base + "/" + reference);
    Http.Answer latest = http.get(base + "/latest");

    assertEquals(204, first.code());
    assertEquals("", first.body());
    assertEquals(204, second.code());
    assertEquals(200, ready.code());
    assertEquals(reference, ready.json().get("reference").asText());
    assertEquals(200, latest.code());
    assertEquals(ready.body(), latest.body());
  }

  @Test
  void aReportIsBuiltInTheTimeItsAccountsSizeTakes() throws Exception {
    SimulatedAccount account = sample();
    long identities =
        account.users().size()
            + account.serviceIds().size()
            + account.profiles().size()
            + account.apiKeys().size();
    Http http =
        new Http(
                start(
                        account,
                        new SimulatorOptions(
                            0,
                            0,
                            2,
                            List.of(),
                            new SimulatorOptions.BuildTime(
                                Duration.ofSeconds(10), Duration.ofSeconds(500))))
                    .baseUrl())
            .login(KEY);
    String reports = "/v1/activity/accounts/" + ACCOUNT + "/report";
    String mfaReports = "/v1/mfa/accounts/" + ACCOUNT + "/report";
    String reference =
        http.post(reports + "?type=inactive&duration=720").json().get("reference").asText();
    String mfa = http.post(mfaReports + "?type=mfa_status").json().get("reference").asText();
    Duration build = Duration.ofSeconds(10).plusMillis(500 * identities);
    Duration mfaBuild = Duration.ofSeconds(10).plusMillis(500 * account.users().size());

    List<Integer> codes = new ArrayList<>();
    List<Integer> mfaCodes = new ArrayList<>();
    for (Duration at :
        List.of(Duration.ZERO, mfaBuild.minusMillis(1), mfaBuild, build.minusMillis(1), build)) {
      clock.advance(at.minus(Duration.between(NOW, clock.instant())));
      codes.add(http.get(reports + "/" + reference).code());
      mfaCodes.add(http.get(mfaReports + "/" + mfa).code());
    }

    assertEquals(List.of(204, 204, 204, 204, 200), codes);
    assertEquals(List.of(204, 204, 200, 200, 200), mfaCodes);
  }

  @Test
  void holdsAnswersForTheLatencySideBySideNotOneThreadEach() throws Exception {
    // More requests than the simulator has threads: all wait out their latency at once, none holds
    // a thread.
    int requests = 20;
    List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    List<Runnable> held = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch allHeld = new CountDownLatch(requests);
    Simulator simulator =
        Simulator.start(
            sample(),
            clock,
            new SimulatorOptions(0, 50, 2, List.of()),
            (delay, send) -> {
              delays.add(delay);
              held.add(send);
              allHeld.countDown();
            });
    started.add(simulator);
    ExecutorService clients = Executors.newFixedThreadPool(requests);
    try {
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        codes.add(clients.submit(() -> new Http(simulator.baseUrl()).tokenRequest(KEY).code()));
      }

      assertTrue(allHeld.await(10, TimeUnit.SECONDS), "held " + held.size());
      assertEquals(List.of(), codes.stream().filter(Future::isDone).toList());
      assertTrue(
          delays.stream()
              .allMatch(
                  delay ->
                      delay.compareTo(Duration.ZERO) > 0
                          && delay.compareTo(Duration.ofMillis(50)) <= 0),
          delays.toString());
      List.copyOf(held).forEach(Runnable::run);

      for (Future<Integer> code : codes) {
        assertEquals(200, code.get(10, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void anUnknownReportReferenceIs404() throws Exception {
    Http.Answer answer = loggedIn().get("/v1/activity/accounts/" + ACCOUNT + "/report/test123");

    assertEquals(404, answer.code());
    JsonNode error = answer.json().get("errors").get(0);
    assertEquals("not_found", error.get("code").asText());
    assertEquals("BXNIM0102E", error.get("message_code").asText());
    assertEquals("404", answer.json().get("status_code").asText());
  }

  @Test
  void theReportListsOnlyIdentitiesInactiveForTheDuration() throws Exception {
    JsonNode report = report(loggedIn(), "720");

    assertEquals(
        List.of(
            "created_by",
            "reference",
            "report_duration",
            "report_start_time",
            "report_end_time",
            "users",
            "apikeys",
            "serviceids",
            "profiles"),
        fieldNames(report));
    assertEquals(GRACE, report.get("created_by").asText());
    assertEquals("720", report.get("report_duration").asText());
    assertEquals("2026-10-23T10:00:00:000+0000", report.get("report_start_time").asText());
    assertEquals("2026-11-22T10:00:00:000+0000", report.get("report_end_time").asText());
    assertEquals(
        """
        [{"iam_id":"IBMid-550000BBBB","name":"Hiroshi Sato","username":"hiroshi.sato@example.com"}]\
        """,
        report.get("users").toString());
    assertEquals(
        """
        [{"id":"ApiKey-aaaaaaaa-0000-0000-0000-000000000002","name":"backup-key","type":"serviceid",\
        "serviceid":{"id":"ServiceId-11111111-2222-3333-4444-555555555555","name":"backup-runner"},\
        "last_authn":"2026-05-06T10:00:00:000+0000"}]\
        """,
        report.get("apikeys").toString());
    assertEquals("[]", report.get("serviceids").toString());
    assertEquals(
        """
        [{"id":"Profile-99999999-8888-7777-6666-555555555555","name":"cluster-reader"}]\
        """,
        report.get("profiles").toString());
  }

  @Test
  void aReportOfDurationZeroListsEveryIdentity() throws Exception {
    JsonNode report = report(loggedIn(), "0");

    assertEquals(2, report.get("users").size());
    assertEquals(
        """
        {"iam_id":"IBMid-550000AAAA","name":"Grace Hopper","username":"grace.hopper@example.com",\
        "email":"grace.hopper@example.com","last_authn":"2026-11-12T10:00:00:000+0000"}\
        """,
        report.get("users").get(0).toString());
    assertEquals(
        """
        {"id":"ApiKey-aaaaaaaa-0000-0000-0000-000000000001","name":"grace-cli","type":"user",\
        "user":{"iam_id":"IBMid-550000AAAA","name":"Grace Hopper","username":"grace.hopper@example.com",\
        "email":"grace.hopper@example.com"},"last_authn":"2026-11-12T10:00:00:000+0000"}\
        """,
        report.get("apikeys").get(0).toString());
    assertEquals(2, report.get("apikeys").size());
    assertEquals(1, report.get("serviceids").size());
    assertEquals(1, report.get("profiles").size());
  }

  @Test
  void aReportIsAsOfItsTriggerEvenWhenFetchedLater() throws Exception {
    Http http = loggedIn();
    String base = "/v1/activity/accounts/" + ACCOUNT + "/report";
    String reference =
        http.post(base + "?type=inactive&duration=24").json().get("reference").asText();

    clock.advance(Duration.ofMinutes(30));
    http.get(base + "/" + reference);
    http.get(base + "/" + reference);
    JsonNode report = http.get(base + "/" + reference).json();

    assertEquals("2026-11-22T10:00:00:000+0000", report.get("report_end_time").asText());
  }

  @Test
  void rejectsABadDuration() throws Exception {
    Http.Answer answer =
        loggedIn().post("/v1/activity/accounts/" + ACCOUNT + "/report?duration=thirty");

    assertEquals(400, answer.code());
    assertEquals(
        "Validation of property 'duration' with value 'thirty' failed. Give a number of hours.",
        answer.json().get("errors").get(0).get("details").asText());
  }

  @Test
  void pagesApiKeysWithAbsoluteNextLinksCarryingAPageToken() {
    Simulator simulator = start(manyKeys(250), SimulatorOptions.DEFAULTS);
    Http http = new Http(simulator.baseUrl()).login("bulk-key");
    String firstUrl =
        simulator.baseUrl()
            + "/v1/apikeys?account_id="
            + ACCOUNT
            + "&scope=account&type=user&pagesize=100";

    List<JsonNode> pages = new ArrayList<>();
    String next = firstUrl;
    while (next != null) {
      JsonNode page = http.get(next).json();
      pages.add(page);
      next = page.has("next") ? page.get("next").asText() : null;
    }

    assertEquals(3, pages.size());
    assertEquals(
        List.of(100, 100, 50), pages.stream().map(page -> page.get("apikeys").size()).toList());
    assertEquals(
        List.of(0, 100, 200), pages.stream().map(page -> page.get("offset").asInt()).toList());
    assertEquals(
        List.of("context", "offset", "limit", "first", "next", "apikeys"),
        fieldNames(pages.get(0)));
    assertEquals(100, pages.get(0).get("limit").asInt());
    pages.forEach(page -> assertEquals(firstUrl, page.get("first").asText()));
    HttpUrl nextUrl = HttpUrl.get(pages.get(0).get("next").asText());
    assertEquals(
        simulator.baseUrl().toString(),
        nextUrl.scheme() + "://" + nextUrl.host() + ":" + nextUrl.port());
    assertEquals("/v1/apikeys", nextUrl.encodedPath());
    assertEquals("user", nextUrl.queryParameter("type"));
    assertTrue(nextUrl.queryParameter("pagetoken") != null);
    assertFalse(pages.get(2).has("next"));
    assertEquals(firstUrl, pages.get(1).get("previous").asText());
    Set<String> ids = new TreeSet<>();
    pages.forEach(page -> page.get("apikeys").forEach(key -> ids.add(key.get("id").asText())));
    assertEquals(250, ids.size());
  }

  @Test
  void pagesUsersWithRelativeNextUrls() {
    Simulator simulator = start(manyKeys(250), SimulatorOptions.DEFAULTS);
    Http http = new Http(simulator.baseUrl()).login("bulk-key");

    JsonNode first = http.get("/v2/accounts/" + ACCOUNT + "/users?limit=100").json();
    String nextUrl = first.get("next_url").asText();
    JsonNode second = http.get(nextUrl).json();
    JsonNode third = http.get(second.get("next_url").asText()).json();

    assertEquals(
        List.of("total_results", "limit", "first_url", "next_url", "resources"), fieldNames(first));
    assertEquals(250, first.get("total_results").asInt());
    assertEquals("/v2/accounts/" + ACCOUNT + "/users?limit=100", first.get("first_url").asText());
    assertTrue(nextUrl.startsWith("/v2/accounts/" + ACCOUNT + "/users?limit=100&_start="), nextUrl);
    assertEquals(
        List.of(100, 100, 50),
        List.of(first, second, third).stream().map(page -> page.get("resources").size()).toList());
    assertFalse(third.has("next_url"));
    assertEquals(
        List.of(
            "id",
            "iam_id",
            "realm",
            "user_id",
            "firstname",
            "lastname",
            "state",
            "email",
            "account_id",
            "added_on"),
        fieldNames(first.get("resources").get(0)));
  }

  @Test
  void listsApiKeysInIbmsShapeOmittingAbsentOptionalFields() throws Exception {
    JsonNode keys =
        loggedIn()
            .get("/v1/apikeys?account_id=" + ACCOUNT + "&scope=account&unknown=ignored")
            .json()
            .get("apikeys");

    assertEquals(2, keys.size());
    assertEquals(
        """
        {"id":"ApiKey-aaaaaaaa-0000-0000-0000-000000000001",\
        "entity_tag":"%s",\
        "crn":"crn:v1:bluemix:public:iam-identity::a/0f1e2d3c4b5a69788796a5b4c3d2e1f0::apikey:\
        ApiKey-aaaaaaaa-0000-0000-0000-000000000001",\
        "locked":false,"disabled":false,"created_at":"2024-06-01T12:00+0000","created_by":"IBMid-550000AAAA",\
        "modified_at":"2024-06-01T12:00+0000","name":"grace-cli","iam_id":"IBMid-550000AAAA",\
        "account_id":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","action_when_leaked":"disable"}\
        """
            .formatted(keys.get(0).get("entity_tag").asText()),
        keys.get(0).toString());
    assertTrue(keys.get(0).get("entity_tag").asText().matches("1-[0-9a-f]{32}"));
    assertEquals("Used by the backup job", keys.get(1).get("description").asText());
    assertTrue(keys.get(1).get("locked").asBoolean());
  }

  @Test
  void filtersApiKeysByTypeAndDefaultsToTheCallersOwnKeys() throws Exception {
    Http http = loggedIn();

    JsonNode serviceKeys =
        http.get("/v1/apikeys?account_id=" + ACCOUNT + "&scope=account&type=serviceid").json();
    JsonNode ownKeys = http.get("/v1/apikeys").json();

    assertEquals(1, serviceKeys.get("apikeys").size());
    assertEquals("backup-key", serviceKeys.get("apikeys").get(0).get("name").asText());
    assertEquals(1, ownKeys.get("apikeys").size());
    assertEquals("grace-cli", ownKeys.get("apikeys").get(0).get("name").asText());
  }

  @Test
  void showsAKeysActivityOnlyWhenAsked() throws Exception {
    Http http = loggedIn();
    String path = "/v1/apikeys/ApiKey-aaaaaaaa-0000-0000-0000-000000000002";

    JsonNode plain = http.get(path).json();
    JsonNode withActivity = http.get(path + "?include_activity=true").json();
    Http.Answer missing = http.get("/v1/apikeys/ApiKey-nope?include_activity=true");

    assertFalse(plain.has("activity"));
    assertEquals(
        """
        {"last_authn":"2026-05-06T10:00:00:000+0000","authn_count":9000}\
        """,
        withActivity.get("activity").toString());
    assertEquals("none", withActivity.get("action_when_leaked").asText());
    assertEquals(404, missing.code());
    assertEquals(
        "Object type ApiKey with id ApiKey-nope not found",
        missing.json().get("errors").get(0).get("details").asText());
  }

  @Test
  void listsServiceIdsAtTheSdksTrailingSlashPathAndProfiles() throws Exception {
    Http http = loggedIn();

    JsonNode services = http.get("/v1/serviceids/?account_id=" + ACCOUNT + "&pagesize=100").json();
    JsonNode profiles = http.get("/v1/profiles?account_id=" + ACCOUNT).json();
    Http.Answer noAccount = http.get("/v1/serviceids/");

    assertEquals(
        List.of(
            "id",
            "iam_id",
            "entity_tag",
            "crn",
            "locked",
            "created_at",
            "modified_at",
            "account_id",
            "name",
            "description"),
        fieldNames(services.get("serviceids").get(0)));
    assertEquals(
        "iam-ServiceId-11111111-2222-3333-4444-555555555555",
        services.get("serviceids").get(0).get("iam_id").asText());
    assertEquals(
        List.of(
            "id", "entity_tag", "crn", "name", "created_at", "modified_at", "iam_id", "account_id"),
        fieldNames(profiles.get("profiles").get(0)));
    assertEquals(20, profiles.get("limit").asInt());
    assertEquals(400, noAccount.code());
  }

  @Test
  void servesTheIdentitySettingsAsStrings() throws Exception {
    JsonNode settings = loggedIn().get("/v1/accounts/" + ACCOUNT + "/settings/identity").json();

    assertEquals("RESTRICTED", settings.get("restrict_create_service_id").asText());
    assertEquals("RESTRICTED", settings.get("restrict_create_platform_apikey").asText());
    assertEquals("TOTP4ALL", settings.get("mfa").asText());
    assertEquals("NOT_SET", settings.get("session_expiration_in_seconds").asText());
    assertEquals("3600", settings.get("system_access_token_expiration_in_seconds").asText());
    assertTrue(settings.get("system_refresh_token_expiration_in_seconds").isTextual());
    for (String required :
        List.of(
            "account_id",
            "entity_tag",
            "allowed_ip_addresses",
            "session_invalidation_in_seconds",
            "max_sessions_per_identity",
            "restrict_user_list_visibility",
            "user_mfa",
            "restrict_user_domains")) {
      assertTrue(settings.has(required), required);
    }
  }

  @Test
  void anotherAccountIsForbidden() throws Exception {
    Http http = loggedIn();
    String other = "ffffffffffffffffffffffffffffffff";

    assertEquals(403, http.get("/v1/accounts/" + other + "/settings/identity").code());
    assertEquals(403, http.get("/v1/apikeys?account_id=" + other + "&scope=account").code());
    assertEquals(403, http.post("/v1/activity/accounts/" + other + "/report").code());
    Http.Answer users = http.get("/v2/accounts/" + other + "/users");
    assertEquals(403, users.code());
    assertEquals(403, users.json().get("status_code").asInt());
  }

  @Test
  void aKeyWithoutTheRoleForTheMfaReportOrTheEffectiveSettingsGets403() {
    SimulatedAccount account =
        DemoAccount.create(
            clock,
            new SimulatedAccount.Login(
                "limited-key", DemoAccount.ADMIN, List.of("mfa-report", "effective-settings")));
    Http http = new Http(start(account, SimulatorOptions.DEFAULTS).baseUrl()).login("limited-key");
    String id = DemoAccount.ACCOUNT_ID;

    Http.Answer report = http.post("/v1/mfa/accounts/" + id + "/report?type=mfa_status");
    Http.Answer effective = http.get("/v1/accounts/" + id + "/effective_settings/identity");

    assertEquals(403, report.code());
    assertEquals("BXNIM0513E", report.json().at("/errors/0/message_code").asText());
    assertEquals(403, effective.code());
    assertEquals(200, http.get("/v1/accounts/" + id + "/settings/identity").code());
    assertEquals(
        202,
        http.post("/v1/activity/accounts/" + id + "/report?type=inactive&duration=720").code());
  }

  @Test
  void refusesALoginThatNamesAnEndpointItCannotRefuse() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SimulatedAccount.Login("k", "IBMid-1", List.of("apikeys")));
    assertEquals(
        "login IBMid-1 refuses 'apikeys'; refusable are mfa-report, effective-settings",
        e.getMessage());
  }

  @Test
  void namesTheExemptedUsersOnlyWhenAskedToResolveThem() {
    Http http =
        new Http(start(DemoAccount.create(clock), SimulatorOptions.DEFAULTS).baseUrl())
            .login(DemoAccount.API_KEY.reveal());
    String path = "/v1/accounts/" + DemoAccount.ACCOUNT_ID + "/settings/identity";

    JsonNode plain = http.get(path).json().at("/user_mfa/0");
    JsonNode resolved = http.get(path + "?resolve_user_mfa=true").json().at("/user_mfa/0");

    assertEquals(List.of("iam_id", "mfa"), fieldNames(plain));
    assertEquals(List.of("iam_id", "mfa", "name", "userName", "email"), fieldNames(resolved));
    assertEquals("Bruno Schmidt", resolved.get("name").asText());
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertEquals(404, loggedIn().get("/v1/nothing-here").code());
  }

  @Test
  void injectsA429WithRetryAfterOnEveryNthRequest() throws Exception {
    Http http =
        client(new SimulatorOptions(0, 0, 2, Fault.parseAll("429:every=2:retry-after=7:/v1/")));
    http.login(KEY);

    Http.Answer first = http.get("/v1/profiles?account_id=" + ACCOUNT);
    Http.Answer second = http.get("/v1/profiles?account_id=" + ACCOUNT);
    Http.Answer third = http.get("/v1/profiles?account_id=" + ACCOUNT);

    assertEquals(List.of(200, 429, 200), List.of(first.code(), second.code(), third.code()));
    assertEquals("7", second.headers().get("Retry-After"));
    assertEquals("too_many_requests", second.json().get("errors").get(0).get("code").asText());
  }

  @Test
  void injectsServerErrorsOnTheFirstRequests() throws Exception {
    Http http = client(new SimulatorOptions(0, 0, 2, Fault.parseAll("5xx:first=2")));

    List<Integer> codes =
        IntStream.range(0, 3).mapToObj(i -> http.tokenRequest(KEY).code()).toList();

    assertEquals(List.of(503, 503, 200), codes);
  }

  @Test
  void truncatesBodiesUnderAPathPrefix() throws Exception {
    Http http = client(new SimulatorOptions(0, 0, 2, Fault.parseAll("malformed:/v1/apikeys")));
    http.login(KEY);

    Http.Answer broken = http.get("/v1/apikeys?account_id=" + ACCOUNT + "&scope=account");
    Http.Answer intact = http.get("/v1/profiles?account_id=" + ACCOUNT);

    assertEquals(200, broken.code());
    assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(broken.body()));
    assertTrue(broken.body().startsWith("{\"context\":"), broken.body());
    assertEquals(1, intact.json().get("profiles").size());
  }

  private static JsonNode report(Http http, String duration) {
    String base = "/v1/activity/accounts/" + ACCOUNT + "/report";
    String reference =
        http.post(base + "?type=inactive&duration=" + duration).json().get("reference").asText();
    Http.Answer answer;
    do {
      answer = http.get(base + "/" + reference);
    } while (answer.code() == 204);
    assertEquals(200, answer.code());
    return answer.json();
  }

  static SimulatedAccount manyKeys(int count) {
    List<SimulatedAccount.User> users = new ArrayList<>();
    List<SimulatedAccount.ApiKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String iamId = "IBMid-%010d".formatted(i);
      users.add(
          new SimulatedAccount.User(
              iamId,
              "user" + i + "@example.com",
              "User",
              Integer.toString(i),
              "user" + i + "@example.com",
              null,
              NOW.minus(Duration.ofDays(10)),
              null,
              null));
      keys.add(
          new SimulatedAccount.ApiKey(
              "ApiKey-%08d".formatted(i),
              "key-" + i,
              null,
              iamId,
              null,
              NOW.minus(Duration.ofDays(5)),
              null,
              null,
              null,
              false,
              false,
              null));
    }
    return new SimulatedAccount(
        ACCOUNT,
        List.of(new SimulatedAccount.Login("bulk-key", users.get(0).iamId())),
        users,
        List.of(),
        List.of(),
        List.of(),
        keys,
        null);
  }

  private static List<String> fieldNames(JsonNode node) {
    return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
        .toList();
  }
}
