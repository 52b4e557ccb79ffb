package dev.iamaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitThrottleTest {
  @Test
  void firstWaitShowsThenAtMostEvery15Seconds() {
    TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
    WaitThrottle throttle = new WaitThrottle(clock);
    List<Long> shownAt = new ArrayList<>();
    for (long second = 0; second <= 40; second += 5) {
      if (throttle.due()) {
        shownAt.add(second);
      }
      clock.advance(Duration.ofSeconds(5));
    }
    assertEquals(List.of(0L, 15L, 30L), shownAt);
  }
}
