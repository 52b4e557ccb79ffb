package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmServer.json;
import static dev.iamaudit.iam.IbmServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.TestClock;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IamHttpTest {
  private static final String KEYS = "GET /v1/apikeys";
  private static final String OK = IbmFixtures.apiKeyPage(null);

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();

  IamHttpTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private Listings.ApiKeyPage get() {
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            endpoints,
            new RetryPolicy(() -> 0L),
            sleeper,
            clock,
            new Redactor(),
            listener);
    return http.getJson(endpoints.iam("v1/apikeys"), Listings.ApiKeyPage.class);
  }

  private static MockResponse withRetryAfter(int code, String retryAfter) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
  }

  @Test
  void retries429AfterTheSecondsRetryAfterAsks() {
    server.on(KEYS, withRetryAfter(429, "2"), json(200, OK));

    assertEquals(List.of(), get().apikeys());

    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps);
    assertEquals(
        List.of(
            "debug: GET /v1/apikeys 429 0 ms",
            "waiting: a retry of GET /v1/apikeys PT0S #1",
            "debug: GET /v1/apikeys 200 0 ms"),
        listener.lines);
  }

  @Test
  void honoursRetryAfterGivenAsAnHttpDate() {
    server.on(KEYS, withRetryAfter(503, "Thu, 01 Jan 2026 00:00:07 GMT"), json(200, OK));

    get();

    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps);
  }

  @Test
  void givesUpAfterFiveAttemptsWithExponentialBackoff() {
    server.on(KEYS, status(503));

    DataException e = assertThrows(DataException.class, this::get);

    assertEquals(
        "IAM answered 503 to GET /v1/apikeys after 5 attempts; IBM Cloud may be having problems,"
            + " try again later",
        e.getMessage());
    assertEquals(3, e.exitCode());
    assertEquals(5, server.requests(KEYS).size());
    assertEquals(
        List.of(
            Duration.ofMillis(750),
            Duration.ofMillis(1500),
            Duration.ofMillis(3000),
            Duration.ofMillis(6000)),
        sleeper.sleeps);
  }

  @Test
  void doesNotRetry501() {
    server.on(
        KEYS, json(501, "{\"errorCode\":\"BXNIM0501E\",\"errorMessage\":\"Not implemented.\"}"));

    DataException e = assertThrows(DataException.class, this::get);

    assertEquals(
        "IAM answered 501 to GET /v1/apikeys (BXNIM0501E Not implemented.); check the account id"
            + " and the service URLs, or try again later",
        e.getMessage());
    assertEquals(1, server.requests(KEYS).size());
    assertEquals(List.of(), sleeper.sleeps);
  }

  @Test
  void refusesToWaitLongerThanFiveMinutes() {
    server.on(KEYS, withRetryAfter(429, "3600"));

    DataException e = assertThrows(DataException.class, this::get);

    assertEquals(
        "IAM answered 429 to GET /v1/apikeys and asked to wait 3600 s before trying again; try"
            + " again later",
        e.getMessage());
  }

  @Test
  void retriesConnectFailuresThenNamesTheService() {
    server.close();

    DataException e = assertThrows(DataException.class, this::get);

    assertTrue(
        e.getMessage().startsWith("Could not reach IAM for GET /v1/apikeys after 5 attempts ("),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith("); check the network and the IAM URL, then try again"),
        e.getMessage());
    assertEquals(4, sleeper.sleeps.size());
  }

  @Test
  void malformedJsonNamesTheEndpointAndPositionOnly() {
    server.on(
        KEYS, json(200, "{\"apikeys\":[{\"id\":\"ApiKey-1\",\"apikey\":\"s3cr3t-value\" oops"));

    DataException e = assertThrows(DataException.class, this::get);

    assertEquals(
        "IAM's answer to GET /v1/apikeys is not valid JSON of the expected shape at line 1, column"
            + " 54; try again, and report it to IBM if it persists",
        e.getMessage());
  }

  @Test
  void forbiddenNamesTheMissingRole() {
    server.on(
        KEYS,
        json(
            403,
            "{\"errorCode\":\"BXNIM0513E\",\"errorMessage\":\"You are not authorized to "
                + "perform this action.\"}"));

    DataException e = assertThrows(DataException.class, this::get);

    assertEquals(
        "IAM answered 403 to GET /v1/apikeys (BXNIM0513E You are not authorized to perform this"
            + " action.): the API key lacks the Service Configuration Reader role on IAM Identity;"
            + " grant it in Manage > Access (IAM) and run again",
        e.getMessage());
  }

  @Test
  void forbiddenByUserManagementNamesItsViewerRole() {
    server.on("GET /v2/accounts/acc/users", json(403, "{}"));
    int port = server.server.getPort();
    IamEndpoints endpoints =
        new IamEndpoints(
            URI.create("http://127.0.0.1:" + port), URI.create("http://localhost:" + port));
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            endpoints,
            new RetryPolicy(() -> 0L),
            sleeper,
            clock,
            new Redactor(),
            listener);

    DataException e =
        assertThrows(
            DataException.class,
            () ->
                http.getJson(
                    endpoints.userManagement("v2/accounts/acc/users"), Listings.UserPage.class));

    assertEquals(
        "User Management answered 403 to GET /v2/accounts/acc/users: the API key lacks a Viewer"
            + " role on User Management; grant it in Manage > Access (IAM) and run again",
        e.getMessage());
  }
}
