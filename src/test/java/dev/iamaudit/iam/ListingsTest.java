package dev.iamaudit.iam;

import dev.iamaudit.TestClock;
import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmFixtures.SERVICE_IAM_ID;
import static dev.iamaudit.iam.IbmFixtures.USER_IAM_ID;
import static dev.iamaudit.iam.IbmServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.failure.DataException;
import dev.iamaudit.iam.Pager.Listing;
import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListingsTest {
  private static final String USERS = "GET /v2/accounts/" + ACCOUNT + "/users";

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final IbmServer server = new IbmServer();

  ListingsTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private Listings listings() {
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    IamHttp http = new IamHttp(new OkHttpClient(), endpoints, new RetryPolicy(() -> 0L),
        new RecordingSleeper(clock), clock, new Redactor(), new RecordingListener());
    return new Listings(http, ACCOUNT);
  }

  private static String key(int n) {
    return IbmFixtures.apiKey("ApiKey-" + n, "key-" + n, USER_IAM_ID, "2022-07-26T13:00+0000", "none");
  }

  @Test
  void followsTheFullUrlNextLinkByItsPageTokenAndResendsTheFilters() {
    server.on("GET /v1/apikeys", json(200, IbmFixtures.apiKeyPage("T2", key(1), key(2))),
        json(200, IbmFixtures.apiKeyPage("T3", key(3))), json(200, IbmFixtures.apiKeyPage(null, key(4))));

    Listing<ApiKey> keys = listings().apiKeys(KeyOwner.Kind.USER);

    assertEquals(List.of("ApiKey-1", "ApiKey-2", "ApiKey-3", "ApiKey-4"),
        keys.items().stream().map(ApiKey::id).toList());
    assertEquals(3, keys.pages());
    String filters = "account_id=" + ACCOUNT + "&scope=account&type=user&pagesize=100";
    assertEquals(List.of(filters, filters + "&pagetoken=T2", filters + "&pagetoken=T3"),
        server.requests("GET /v1/apikeys").stream().map(r -> r.getUrl().query()).toList());
    assertEquals(new ApiKey("ApiKey-1", "key-1", USER_IAM_ID, KeyOwner.user(USER_IAM_ID),
        Instant.parse("2022-07-26T13:00:00Z"), USER_IAM_ID, false, false, null, "none", Activity.UNKNOWN, null),
        keys.items().get(0));
  }

  @Test
  void listsServiceIdKeysWithTheirOwnType() {
    server.on("GET /v1/apikeys", json(200, IbmFixtures.apiKeyPage(null,
        IbmFixtures.apiKey("ApiKey-9", "deployer", SERVICE_IAM_ID, "2023-03-01T00:00+0000", "disable"))));

    ApiKey key = listings().apiKeys(KeyOwner.Kind.SERVICEID).items().get(0);

    assertEquals("type=serviceid", server.requests("GET /v1/apikeys").get(0).getUrl().query().split("&")[2]);
    assertEquals(KeyOwner.Kind.SERVICEID, key.owner().kind());
    assertEquals(SERVICE_IAM_ID, key.iamId());
    assertEquals(null, key.owner().id());
  }

  @Test
  void followsRelativeAndAbsoluteNextUrlsOfUsersByTheirStartToken() {
    server.on(USERS,
        json(200, IbmFixtures.userPage("/v2/accounts/" + ACCOUNT + "/users?limit=100&_start=S2",
            IbmFixtures.user("IBMid-1", "Ada", "Lovelace", "ada@example.com", "2021-03-04T05:06:07.000Z"))),
        json(200, IbmFixtures.userPage("https://user-management.cloud.ibm.com/v2/accounts/" + ACCOUNT
            + "/users?_start=S3", IbmFixtures.user("IBMid-2", "Alan", "Turing", "alan@example.com", "2022-01-01"))),
        json(200, IbmFixtures.userPage(null,
            IbmFixtures.user("IBMid-3", "Grace", "Hopper", "grace@example.com", "2023-05-06T07:08+0000"))));

    Listing<User> users = listings().users();

    assertEquals(List.of("limit=100", "limit=100&_start=S2", "limit=100&_start=S3"),
        server.requests(USERS).stream().map(RecordedRequest::getUrl).map(url -> url.query()).toList());
    assertEquals(3, users.pages());
    assertEquals(new User("IBMid-1", "Ada Lovelace", "ada@example.com", "ada@example.com", "ACTIVE",
        Instant.parse("2021-03-04T05:06:07Z"), Activity.UNKNOWN), users.items().get(0));
  }

  @Test
  void aNextLinkWithoutItsTokenIsADataError() {
    server.on(USERS, json(200, IbmFixtures.userPage("/v2/accounts/" + ACCOUNT + "/users?limit=100")));

    DataException e = assertThrows(DataException.class, () -> listings().users());

    assertEquals("The next-page link of GET /v2/accounts/" + ACCOUNT + "/users has no _start; report it to IBM if "
        + "it persists", e.getMessage());
  }

  @Test
  void listsServiceIdsAtThePathWithTheTrailingSlash() {
    server.on("GET /v1/serviceids/", json(200, IbmFixtures.serviceIdPage(
        IbmFixtures.serviceId(IbmFixtures.SERVICE_ID, "deployer"))));

    ServiceId serviceId = listings().serviceIds().items().get(0);

    assertEquals(new ServiceId(IbmFixtures.SERVICE_ID, SERVICE_IAM_ID, "deployer",
        Instant.parse("2023-01-05T10:00:00Z"), false, Activity.UNKNOWN), serviceId);
    assertEquals("account_id=" + ACCOUNT + "&pagesize=100",
        server.requests("GET /v1/serviceids/").get(0).getUrl().query());
  }

  @Test
  void readsTheAccountIdentitySettings() {
    server.on("GET /v1/accounts/" + ACCOUNT + "/settings/identity", json(200, IbmFixtures.settings()));

    assertEquals(new AccountSettings(ACCOUNT, "NOT_RESTRICTED", "RESTRICTED", "NONE"), listings().settings());
  }

  @Test
  void stopsWhenIbmSendsTheSameNextPageAgain() {
    server.on("GET /v1/apikeys", json(200, IbmFixtures.apiKeyPage("T2", key(1))));

    DataException e = assertThrows(DataException.class, () -> listings().apiKeys(KeyOwner.Kind.USER));

    assertEquals("IAM sent the same next page twice for GET /v1/apikeys; stopped to avoid an endless loop. Try "
        + "again later", e.getMessage());
    assertEquals(2, server.requests("GET /v1/apikeys").size());
  }
}
