package dev.iamaudit.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLimitTest {
  private static final Duration FAST = Duration.ofMillis(50);

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  /** Sends as many calls as the limit allows, then IAM answers them all in {@code took}. */
  private static void roundTrip(CallLimit limit, Duration took) throws InterruptedException {
    List<CallLimit.Permit> calls = new ArrayList<>();
    for (int i = limit.limit(); i > 0; i--) {
      calls.add(limit.acquire());
    }
    calls.forEach(call -> call.answered(took));
    calls.forEach(CallLimit.Permit::close);
  }

  @Test
  void startsModestlyAndDoublesEveryRoundTripWhileAnswersAreFastAndFine()
      throws InterruptedException {
    CallLimit limit = new CallLimit(clock, sleeper);
    List<Integer> limits = new ArrayList<>(List.of(limit.limit()));
    for (int round = 0; round < 6; round++) {
      roundTrip(limit, FAST);
      limits.add(limit.limit());
    }

    assertEquals(List.of(8, 16, 32, 64, 128, 256, 256), limits);
    assertEquals(256, limit.mostInFlight());
    assertEquals(List.of(), sleeper.sleeps);
  }

  @Test
  void slowAnswersDoNotGrowIt() throws InterruptedException {
    CallLimit limit = new CallLimit(clock, sleeper, 4, 64);
    roundTrip(limit, FAST);

    roundTrip(limit, Duration.ofMillis(101));
    roundTrip(limit, Duration.ofMillis(100));

    assertEquals(List.of(16), List.of(limit.limit()));
  }

  @Test
  void answersWhileFewCallsAreOutDoNotGrowIt() throws InterruptedException {
    CallLimit limit = new CallLimit(clock, sleeper, 8, 64);
    for (int i = 0; i < 20; i++) {
      try (CallLimit.Permit call = limit.acquire()) {
        call.answered(FAST);
      }
    }

    assertEquals(8, limit.limit());
    assertEquals(1, limit.mostInFlight());
  }

  @Test
  void a429HalvesItOnceARoundTripAndHoldsNewCallsForTheWaitIamAskedFor()
      throws InterruptedException {
    CallLimit limit = new CallLimit(clock, sleeper, 8, 64);
    List<CallLimit.Permit> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(limit.acquire());
    }
    calls.get(0).throttled(Duration.ofSeconds(3));
    clock.advance(Duration.ofSeconds(1));
    calls.get(1).throttled(Duration.ofSeconds(3));
    calls.forEach(CallLimit.Permit::close);

    CallLimit.Permit next = limit.acquire();

    assertEquals(4, limit.limit());
    assertEquals(2, limit.throttled());
    // The second 429 came a second later and asked for the same 3 s: new calls wait until it has
    // passed.
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.sleeps);
    assertEquals(Instant.parse("2026-01-01T00:00:04Z"), clock.instant());
    next.throttled(Duration.ofSeconds(1));
    assertEquals(2, limit.limit());
  }

  @Test
  void takesTheWaitOnceEvenWhenTheSleeperLeavesTheClockAlone() throws InterruptedException {
    List<Duration> sleeps = new ArrayList<>();
    CallLimit limit = new CallLimit(clock, sleeps::add, 2, 64);
    try (CallLimit.Permit call = limit.acquire()) {
      call.throttled(Duration.ofSeconds(7));
    }

    limit.acquire().close();

    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
  }

  @Test
  void afterA429ItGrowsByOneCallARoundTrip() throws InterruptedException {
    CallLimit limit = new CallLimit(clock, sleeper, 8, 64);
    try (CallLimit.Permit call = limit.acquire()) {
      call.throttled(Duration.ZERO);
    }
    List<Integer> limits = new ArrayList<>(List.of(limit.limit()));
    for (int round = 0; round < 3; round++) {
      roundTrip(limit, FAST);
      limits.add(limit.limit());
    }

    assertEquals(List.of(4, 5, 6, 7), limits);
  }

  @Test
  void neverFallsBelowOneCall() throws InterruptedException {
    CallLimit limit = new CallLimit(clock, sleeper, 1, 64);
    try (CallLimit.Permit call = limit.acquire()) {
      call.throttled(Duration.ZERO);
    }

    assertEquals(1, limit.limit());
  }

  @Test
  void refusesALimitOutsideItsBounds() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CallLimit(clock, sleeper, 0, 4));

    assertEquals("a call limit needs 1 <= initial <= max, not 0 and 4", e.getMessage());
  }
}
