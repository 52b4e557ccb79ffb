package dev.iamaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedAccountTest {
  private static final Instant NOW = SimulatorTest.NOW;

  @TempDir Path dir;

  @Test
  void readsAFixtureWithAbsoluteAndRelativeTimes() throws URISyntaxException {
    SimulatedAccount account = SimulatorTest.sample();

    assertEquals("0f1e2d3c4b5a69788796a5b4c3d2e1f0", account.accountId());
    SimulatedAccount.User grace = account.users().get(0);
    assertEquals(Instant.parse("2023-03-01T09:00:00Z"), grace.addedOn());
    assertEquals(NOW.minus(Duration.ofDays(10)), grace.lastAuthn());
    SimulatedAccount.User hiroshi = account.users().get(1);
    assertNull(hiroshi.lastAuthn());
    assertEquals("ACTIVE", hiroshi.state());
    assertEquals(NOW.minus(Duration.ofHours(36)), account.serviceIds().get(0).lastAuthn());
    assertEquals(
        "iam-ServiceId-11111111-2222-3333-4444-555555555555", account.serviceIds().get(0).iamId());
    SimulatedAccount.ApiKey backup = account.apiKeys().get(1);
    assertTrue(backup.ownedByServiceId());
    assertTrue(backup.locked());
    assertEquals(9000L, backup.authnCount());
    assertEquals("RESTRICTED", account.settings().restrictCreateServiceId());
    assertEquals("NOT_RESTRICTED", account.settings().restrictUserListVisibility());
  }

  @Test
  void theDemoAccountsGroupsTemplatesExemptionsInvitationsAndRefusedLoginsSurviveTheFixtureFormat()
      throws Exception {
    SimulatedAccount demo =
        DemoAccount.create(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SimulatedAccount.Login("k", DemoAccount.ADMIN, List.of("mfa-report")));
    Path copy = Files.writeString(dir.resolve("demo.json"), demo.toJson());

    assertEquals(demo, SimulatedAccount.read(copy, NOW));
  }

  @Test
  void writesTheFixtureFormatItReads() throws Exception {
    SimulatedAccount account = SimulatorTest.sample();
    Path copy = Files.writeString(dir.resolve("copy.json"), account.toJson());

    assertEquals(account, SimulatedAccount.read(copy, NOW.plus(Duration.ofDays(1000))));
  }

  @Test
  void generatesTheSameAccountFromTheSameSeed() {
    String first = SimulatedAccount.generate(500, 42, NOW).toJson();
    String again = SimulatedAccount.generate(500, 42, NOW).toJson();
    String other = SimulatedAccount.generate(500, 43, NOW).toJson();

    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  @Test
  void generatesAnAccountOfTheRequestedSizeWithARealisticMix() {
    SimulatedAccount account = SimulatedAccount.generate(1000, 7, NOW);

    int total =
        account.users().size()
            + account.serviceIds().size()
            + account.profiles().size()
            + account.apiKeys().size();
    assertEquals(1000, total);
    assertEquals(100, account.users().size());
    assertEquals(750, account.apiKeys().size());
    long never = account.apiKeys().stream().filter(key -> key.lastAuthn() == null).count();
    long recent =
        account.apiKeys().stream()
            .filter(
                key ->
                    key.lastAuthn() != null
                        && key.lastAuthn().isAfter(NOW.minus(Duration.ofDays(30))))
            .count();
    long stale =
        account.apiKeys().stream()
            .filter(
                key ->
                    key.lastAuthn() != null
                        && key.lastAuthn().isBefore(NOW.minus(Duration.ofDays(90))))
            .count();
    assertTrue(never > 75 && never < 225, "never used: " + never);
    assertTrue(recent > 300, "recent: " + recent);
    assertTrue(stale > 75, "stale: " + stale);
    assertTrue(account.apiKeys().stream().anyMatch(key -> key.description() == null));
    assertTrue(account.apiKeys().stream().anyMatch(key -> "none".equals(key.actionWhenLeaked())));
    assertTrue(
        account.apiKeys().stream()
            .allMatch(
                key ->
                    key.lastAuthn() == null
                        || !key.lastAuthn().isBefore(key.createdAt())
                            && !key.lastAuthn().isAfter(NOW)));
    assertEquals(
        List.of("payments", "data-platform"),
        account.serviceIdGroups().stream().map(SimulatedAccount.ServiceIdGroup::name).toList());
    assertEquals(
        24, account.serviceIds().stream().filter(service -> service.groupId() != null).count());
  }

  @Test
  void aFixtureWithAnUnknownFieldNamesFileLineAndColumn() throws IOException {
    Path fixture =
        Files.writeString(
            dir.resolve("bad.json"),
            """
            {"accountId": "abc",
             "logins": [{"apiKey": "k", "iamId": "IBMid-1"}],
             "colour": "blue"}
            """);

    UsageException e =
        assertThrows(UsageException.class, () -> SimulatedAccount.read(fixture, NOW));

    assertTrue(e.getMessage().startsWith("Fixture " + fixture + ":3:"), e.getMessage());
    assertTrue(e.getMessage().contains("Unrecognized field \"colour\""), e.getMessage());
  }

  @Test
  void aFixtureWithABadTimeSaysWhichFormsWork() throws IOException {
    Path fixture =
        Files.writeString(
            dir.resolve("bad.json"),
            """
            {"accountId": "abc", "logins": [{"apiKey": "k", "iamId": "IBMid-1"}],
             "users": [{"iamId": "IBMid-1", "userId": "u", "addedOn": "last tuesday"}]}
            """);

    UsageException e =
        assertThrows(UsageException.class, () -> SimulatedAccount.read(fixture, NOW));

    assertTrue(
        e.getMessage()
            .contains(
                "'last tuesday' is neither an ISO-8601 instant such as 2025-01-31T12:00:00Z"
                    + " nor a relative time such as '200 days ago'"),
        e.getMessage());
  }

  @Test
  void aFixtureThatBreaksTheModelSaysWhy() throws IOException {
    Path fixture =
        Files.writeString(
            dir.resolve("bad.json"),
            """
            {"accountId": "abc", "logins": [{"apiKey": "k", "iamId": "IBMid-1"}],
             "apiKeys": [{"id": "ApiKey-1", "name": "n", "iamId": "iam-ServiceId-gone", "createdAt": "1 day ago"}]}
            """);

    UsageException e =
        assertThrows(UsageException.class, () -> SimulatedAccount.read(fixture, NOW));

    assertEquals(
        "Fixture "
            + fixture
            + ":2:103 is not a valid simulated account: API key ApiKey-1 belongs to "
            + "iam-ServiceId-gone, which is not a service ID of the account",
        e.getMessage());
  }

  @Test
  void aMissingFixtureIsAUsageError() {
    Path missing = dir.resolve("nope.json");

    UsageException e =
        assertThrows(UsageException.class, () -> SimulatedAccount.read(missing, NOW));

    assertEquals(
        "Fixture " + missing + " does not exist; name an existing JSON file", e.getMessage());
  }

  @Test
  void rejectsDuplicateIdsAndAnAccountNobodyCanLogInto() {
    SimulatedAccount.User user =
        new SimulatedAccount.User("IBMid-1", "u", null, null, null, null, NOW, null, null);
    List<SimulatedAccount.Login> logins = List.of(new SimulatedAccount.Login("k", "IBMid-1"));

    IllegalArgumentException duplicate =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SimulatedAccount(
                    "a", logins, List.of(user, user), null, null, null, null, null));
    IllegalArgumentException noLogin =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SimulatedAccount("a", List.of(), List.of(user), null, null, null, null, null));

    assertEquals("duplicate identity id IBMid-1", duplicate.getMessage());
    assertEquals("account a needs at least one login (an API key value)", noLogin.getMessage());
  }

  @Test
  void aLoginNeverPrintsItsKey() {
    assertEquals(
        "Login[iamId=IBMid-1]", new SimulatedAccount.Login("secret-value", "IBMid-1").toString());
  }
}
