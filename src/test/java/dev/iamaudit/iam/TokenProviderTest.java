package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.ACCOUNT;
import static dev.iamaudit.iam.IbmFixtures.API_KEY;
import static dev.iamaudit.iam.IbmServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenProviderTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();

  TokenProviderTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  private TokenProvider tokens() {
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            endpoints,
            new RetryPolicy(() -> 0L),
            new RecordingSleeper(clock),
            clock,
            new Redactor(),
            listener);
    IamSettings settings =
        new IamSettings(
            server.uri(),
            server.uri(),
            new Secret(API_KEY),
            "environment variable IBMCLOUD_API_KEY",
            "new",
            Duration.ofMinutes(10),
            null,
            TestOptionNames.INSTANCE);
    return new TokenProvider(http, settings, clock, new Redactor());
  }

  @Test
  void exchangesTheKeyForATokenAndReadsTheAccountFromIt() {
    TokenProvider tokens = tokens();

    assertEquals(IbmFixtures.jwt(ACCOUNT), tokens.token().reveal());
    assertEquals(ACCOUNT, tokens.accountId());
    RecordedRequest request = server.requests("POST /identity/token").get(0);
    assertEquals("application/json", request.getHeaders().get("Accept"));
    assertEquals("application/x-www-form-urlencoded", request.getHeaders().get("Content-Type"));
    assertEquals(
        "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=" + API_KEY,
        request.getBody().utf8());
    assertEquals(null, request.getHeaders().get("Authorization"));
  }

  @Test
  void refreshesOnce80PercentOfTheLifetimeHasPassed() {
    server.on(
        "POST /identity/token",
        json(200, IbmFixtures.tokenBody("first.e30.sig", 3600)),
        json(200, IbmFixtures.tokenBody("second.e30.sig", 3600)));
    TokenProvider tokens = tokens();

    assertEquals("first.e30.sig", tokens.token().reveal());
    clock.advance(Duration.ofSeconds(2879));
    assertEquals("first.e30.sig", tokens.token().reveal());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("second.e30.sig", tokens.token().reveal());
    assertEquals(2, server.requests("POST /identity/token").size());
  }

  @Test
  void aRefusedKeyNamesIbmsReasonAndWhereTheKeyCameFromButNotTheKey() {
    server.on("POST /identity/token", json(400, IbmFixtures.wrongKey()));

    DataException e = assertThrows(DataException.class, () -> tokens().token());

    assertEquals(
        "IAM refused the API key: BXNIM0415E Provided API key could not be found. Check the key in "
            + "environment variable IBMCLOUD_API_KEY",
        e.getMessage());
    assertEquals(3, e.exitCode());
    assertFalse(e.getMessage().contains(API_KEY));
    assertFalse(String.join("\n", listener.lines).contains(API_KEY));
  }

  @Test
  void aRefusalWithoutIbmsErrorBodyGivesTheStatus() {
    server.on("POST /identity/token", IbmServer.status(401));

    DataException e = assertThrows(DataException.class, () -> tokens().token());

    assertEquals(
        "IAM refused the API key (HTTP 401). Check the key in environment variable"
            + " IBMCLOUD_API_KEY",
        e.getMessage());
  }

  @Test
  void aTokenWithoutAnAccountAsksForTheAccountId() {
    server.on("POST /identity/token", json(200, IbmFixtures.tokenBody("e30.e30.sig", 3600)));

    DataException e = assertThrows(DataException.class, () -> tokens().accountId());

    assertEquals(
        "The access token from IAM names no account (account.bss in its payload); pass the account"
            + " id with <account id>",
        e.getMessage());
  }
}
