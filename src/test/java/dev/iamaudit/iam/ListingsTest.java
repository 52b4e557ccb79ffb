package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmFixtures.SERVICE_IAM_ID;
import static dev.iamaudit.iam.IbmFixtures.USER_IAM_ID;
import static dev.iamaudit.iam.IbmServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.iam.Pager.Listing;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListingsTest {
  private static final String USERS = "GET /v2/accounts/" + ACCOUNT + "/users";

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final IbmServer server = new IbmServer();
  private final List<String> warnings = new ArrayList<>();

  ListingsTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private Listings listings() {
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            endpoints,
            new RetryPolicy(() -> 0L),
            new RecordingSleeper(clock),
            clock,
            new Redactor(),
            new RecordingListener());
    return new Listings(http, ACCOUNT, new PullProgress(clock, AuditListener.SILENT));
  }

  private static String key(int n) {
    return IbmFixtures.apiKey(
        "ApiKey-" + n, "key-" + n, USER_IAM_ID, "2022-07-26T13:00+0000", "none");
  }

  @Test
  void followsTheFullUrlNextLinkByItsPageTokenAndResendsTheFilters() {
    server.on(
        "GET /v1/apikeys",
        json(200, IbmFixtures.apiKeyPage("T2", key(1), key(2))),
        json(200, IbmFixtures.apiKeyPage("T3", key(3))),
        json(200, IbmFixtures.apiKeyPage(null, key(4))));

    Listing<ApiKey> keys = listings().apiKeys(KeyOwner.Kind.USER, null, ids -> {});

    assertEquals(
        List.of("ApiKey-1", "ApiKey-2", "ApiKey-3", "ApiKey-4"),
        keys.items().stream().map(ApiKey::id).toList());
    assertEquals(3, keys.pages());
    String filters = "account_id=" + ACCOUNT + "&scope=account&type=user&pagesize=100";
    assertEquals(
        List.of(filters, filters + "&pagetoken=T2", filters + "&pagetoken=T3"),
        server.requests("GET /v1/apikeys").stream().map(r -> r.getUrl().query()).toList());
    assertEquals(
        new ApiKey(
            "ApiKey-1",
            "key-1",
            USER_IAM_ID,
            KeyOwner.user(USER_IAM_ID),
            Instant.parse("2022-07-26T13:00:00Z"),
            USER_IAM_ID,
            false,
            false,
            null,
            "none",
            Activity.UNKNOWN,
            null),
        keys.items().get(0));
  }

  @Test
  void handsOnEachPagesKeysAndTellsTheProgressAsPagesComeIn() {
    server.on(
        "GET /v1/apikeys",
        json(200, IbmFixtures.apiKeyPage("T2", key(1), key(2))),
        json(200, IbmFixtures.apiKeyPage("T3", key(3))),
        json(200, IbmFixtures.apiKeyPage(null, key(4))));
    RecordingListener listener = new RecordingListener();
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    Listings listings =
        new Listings(
            new IamHttp(
                new OkHttpClient(),
                endpoints,
                new RetryPolicy(() -> 0L),
                new RecordingSleeper(clock),
                clock,
                new Redactor(),
                listener),
            ACCOUNT,
            new PullProgress(clock, listener));
    List<List<String>> pages = new ArrayList<>();

    listings.apiKeys(
        KeyOwner.Kind.USER,
        null,
        ids -> {
          pages.add(ids);
          clock.advance(Duration.ofSeconds(1));
        });

    assertEquals(
        List.of(List.of("ApiKey-1", "ApiKey-2"), List.of("ApiKey-3"), List.of("ApiKey-4")), pages);
    assertEquals(
        List.of("Fetched so far: 2 pages, 3 identities", "Fetched so far: 3 pages, 4 identities"),
        listener.of("progress"));
  }

  @Test
  void listsServiceIdKeysWithTheirOwnType() {
    server.on(
        "GET /v1/apikeys",
        json(
            200,
            IbmFixtures.apiKeyPage(
                null,
                IbmFixtures.apiKey(
                    "ApiKey-9", "deployer", SERVICE_IAM_ID, "2023-03-01T00:00+0000", "disable"))));

    ApiKey key = listings().apiKeys(KeyOwner.Kind.SERVICEID, null, ids -> {}).items().get(0);

    assertEquals(
        "type=serviceid", server.requests("GET /v1/apikeys").get(0).getUrl().query().split("&")[2]);
    assertEquals(KeyOwner.Kind.SERVICEID, key.owner().kind());
    assertEquals(SERVICE_IAM_ID, key.iamId());
    assertEquals(null, key.owner().id());
  }

  @Test
  void followsRelativeAndAbsoluteNextUrlsOfUsersByTheirStartToken() {
    server.on(
        USERS,
        json(
            200,
            IbmFixtures.userPage(
                "/v2/accounts/" + ACCOUNT + "/users?limit=100&_start=S2",
                IbmFixtures.user(
                    "IBMid-1", "Ada", "Lovelace", "ada@example.com", "2021-03-04T05:06:07.000Z"))),
        json(
            200,
            IbmFixtures.userPage(
                "https://user-management.cloud.ibm.com/v2/accounts/" + ACCOUNT + "/users?_start=S3",
                IbmFixtures.user("IBMid-2", "Alan", "Turing", "alan@example.com", "2022-01-01"))),
        json(
            200,
            IbmFixtures.userPage(
                null,
                IbmFixtures.user(
                    "IBMid-3", "Grace", "Hopper", "grace@example.com", "2023-05-06T07:08+0000"))));

    Listing<User> users = listings().users(warnings::add);

    assertEquals(
        List.of("limit=100", "limit=100&_start=S2", "limit=100&_start=S3"),
        server.requests(USERS).stream()
            .map(RecordedRequest::getUrl)
            .map(url -> url.query())
            .toList());
    assertEquals(3, users.pages());
    assertEquals(
        new User(
            "IBMid-1",
            "Ada Lovelace",
            "ada@example.com",
            "ada@example.com",
            "ACTIVE",
            Instant.parse("2021-03-04T05:06:07Z"),
            Activity.UNKNOWN),
        users.items().get(0));
  }

  @Test
  void
      aPendingInvitationWithoutAnIamIdIsNamedByItsProfileIdAndAnUnnamableEntryIsLeftOutWithAWarning() {
    server.on(
        USERS,
        json(
            200,
            IbmFixtures.userPage(
                null,
                IbmFixtures.user(
                    "IBMid-1", "Ada", "Lovelace", "ada@example.com", "2021-03-04T05:06:07.000Z"),
                IbmFixtures.invitation(
                    "3c0e5a1b9f2d4e6a8b7c9d0e1f2a3b4c",
                    "new.hire@example.com",
                    "2025-11-01T09:00:00Z"),
                "{\"realm\":\"IBMid\",\"state\":\"PROCESSING\",\"account_id\":\""
                    + ACCOUNT
                    + "\"}")));

    Listing<User> users = listings().users(warnings::add);

    assertEquals(
        List.of(
            new User(
                "IBMid-1",
                "Ada Lovelace",
                "ada@example.com",
                "ada@example.com",
                "ACTIVE",
                Instant.parse("2021-03-04T05:06:07Z"),
                Activity.UNKNOWN),
            new User(
                "3c0e5a1b9f2d4e6a8b7c9d0e1f2a3b4c",
                null,
                null,
                "new.hire@example.com",
                "new.hire@example.com",
                "PENDING",
                Instant.parse("2025-11-01T09:00:00Z"),
                Activity.UNKNOWN)),
        users.items());
    assertEquals(
        List.of(
            "User Management's answer to GET /v2/accounts/"
                + ACCOUNT
                + "/users lists a user without "
                + "iam_id, id or user_id (state PROCESSING); it is left out of the audit"),
        warnings);
  }

  @Test
  void readsWhetherAKeyIsDisabledAndWhenItExpires() {
    server.on(
        "GET /v1/apikeys",
        json(
            200,
            IbmFixtures.apiKeyPage(
                null,
                IbmFixtures.apiKey(
                    "ApiKey-1", "old", USER_IAM_ID, "2022-07-26T13:00+0000", "none", true, null),
                IbmFixtures.apiKey(
                    "ApiKey-2",
                    "temp",
                    USER_IAM_ID,
                    "2025-07-26T13:00+0000",
                    "none",
                    false,
                    "2025-12-31T23:59+0000"))));

    List<ApiKey> keys = listings().apiKeys(KeyOwner.Kind.USER, null, ids -> {}).items();

    assertEquals(List.of(true, false), keys.stream().map(ApiKey::disabled).toList());
    assertEquals(
        Arrays.asList(null, Instant.parse("2025-12-31T23:59:00Z")),
        keys.stream().map(ApiKey::expiresAt).toList());
  }

  @Test
  void listsTheServiceIdGroupsAndAGroupsServiceIdsAndKeysByItsId() {
    server
        .on(
            "GET /v1/serviceid_groups",
            json(
                200,
                IbmFixtures.serviceIdGroups(
                    IbmFixtures.serviceIdGroup("ServiceIdGroup-1", "payments"),
                    IbmFixtures.serviceIdGroup("ServiceIdGroup-2", "data"))))
        .on("GET /v1/serviceids/", json(200, IbmFixtures.serviceIdPage()))
        .on("GET /v1/apikeys", json(200, IbmFixtures.apiKeyPage(null)));

    Listings listings = listings();
    List<Listings.ServiceIdGroup> groups = listings.serviceIdGroups();
    listings.serviceIds("ServiceIdGroup-1");
    listings.apiKeys(KeyOwner.Kind.SERVICEID, "ServiceIdGroup-1", ids -> {});

    assertEquals(
        List.of(
            new Listings.ServiceIdGroup("ServiceIdGroup-1", "payments"),
            new Listings.ServiceIdGroup("ServiceIdGroup-2", "data")),
        groups);
    assertEquals(
        "account_id=" + ACCOUNT,
        server.requests("GET /v1/serviceid_groups").get(0).getUrl().query());
    assertEquals(
        "account_id=" + ACCOUNT + "&pagesize=100&group_id=ServiceIdGroup-1",
        server.requests("GET /v1/serviceids/").get(0).getUrl().query());
    assertEquals(
        "account_id="
            + ACCOUNT
            + "&scope=account&type=serviceid&pagesize=100&group_id=ServiceIdGroup-1",
        server.requests("GET /v1/apikeys").get(0).getUrl().query());
  }

  @Test
  void aNextLinkWithoutItsTokenIsADataError() {
    server.on(
        USERS, json(200, IbmFixtures.userPage("/v2/accounts/" + ACCOUNT + "/users?limit=100")));

    DataException e = assertThrows(DataException.class, () -> listings().users(warnings::add));

    assertEquals(
        "The next-page link of GET /v2/accounts/"
            + ACCOUNT
            + "/users has no _start; report it to IBM if "
            + "it persists",
        e.getMessage());
  }

  @Test
  void listsServiceIdsAtThePathWithTheTrailingSlash() {
    server.on(
        "GET /v1/serviceids/",
        json(
            200,
            IbmFixtures.serviceIdPage(IbmFixtures.serviceId(IbmFixtures.SERVICE_ID, "deployer"))));

    ServiceId serviceId = listings().serviceIds().items().get(0);

    assertEquals(
        new ServiceId(
            IbmFixtures.SERVICE_ID,
            SERVICE_IAM_ID,
            "deployer",
            Instant.parse("2023-01-05T10:00:00Z"),
            false,
            Activity.UNKNOWN),
        serviceId);
    assertEquals(
        "account_id=" + ACCOUNT + "&pagesize=100",
        server.requests("GET /v1/serviceids/").get(0).getUrl().query());
  }

  @Test
  void stopsWhenIbmSendsTheSameNextPageAgain() {
    server.on("GET /v1/apikeys", json(200, IbmFixtures.apiKeyPage("T2", key(1))));

    DataException e =
        assertThrows(
            DataException.class, () -> listings().apiKeys(KeyOwner.Kind.USER, null, ids -> {}));

    assertEquals(
        "IAM sent the same next page twice for GET /v1/apikeys; stopped to avoid an endless loop."
            + " Try again later",
        e.getMessage());
    assertEquals(2, server.requests("GET /v1/apikeys").size());
  }
}
