package dev.iamaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.SourceChoice;
import dev.iamaudit.TestOptionNames;
import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.User;
import dev.iamaudit.rules.RuleContext;
import dev.iamaudit.source.DataRequest;
import dev.iamaudit.source.DefaultFiles;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSourceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void servesTheDemoAccountUntilClosedAndPointsTheAuditAtTheFilesItWrote() {
    List<String> info = new ArrayList<>();
    AuditListener listener =
        new AuditListener() {
          @Override
          public void info(String message) {
            info.add(message);
          }
        };
    List<String> accounts = new ArrayList<>();
    List<String> users = new ArrayList<>();
    AccountSink sink =
        new AccountSink() {
          @Override
          public void begin(RuleContext context) {
            accounts.add(context.accountId());
          }

          @Override
          public void accept(Identity identity) {
            if (identity instanceof User user) {
              users.add(user.iamId());
            }
          }
        };
    URI served;
    try (DemoSource source =
        DemoSource.start(
            new SourceChoice.Demo("new", Duration.ofMinutes(1), null),
            dir.resolve("demo"),
            TestOptionNames.INSTANCE,
            CLOCK,
            duration -> {},
            listener)) {
      String first = info.get(0);
      assertTrue(
          first.startsWith(
              "Demo: auditing the built-in simulated account served at http://127.0.0.1:"),
          first);
      served = URI.create(first.substring(first.lastIndexOf(' ') + 1));
      assertEquals(
          new DefaultFiles(
              dir.resolve("demo/iam-audit.yml"),
              dir.resolve("demo/iam-allowlist.yml"),
              dir.resolve("demo/terraform")),
          source.defaultFiles(dir.resolve("repository")));
      assertTrue(Files.isRegularFile(dir.resolve("demo/iam-audit.yml")));
      assertTrue(Files.isRegularFile(dir.resolve("demo/iam-allowlist.yml")));
      assertTrue(Files.isRegularFile(dir.resolve("demo/terraform/main.tf")));

      source.read(
          null, new DataRequest(Set.of(DataSet.USERS), OptionalLong.empty(), 24), listener, sink);
    }

    assertEquals(List.of(DemoAccount.ACCOUNT_ID), accounts);
    assertEquals(
        DemoAccount.create(CLOCK).users().stream()
            .map(SimulatedAccount.User::iamId)
            .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
            .toList(),
        users.stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList());
    assertThrows(
        UncheckedIOException.class,
        () -> new Http(served).tokenRequest(DemoAccount.API_KEY.reveal()));
  }
}
