package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountedTest {
  @Test
  void oneIsSingularAndEveryOtherCountPlural() {
    assertEquals("0 violations", Counted.of(0, "violation"));
    assertEquals("1 violation", Counted.of(1, "violation"));
    assertEquals("2 violations", Counted.of(2, "violation"));
  }

  @Test
  void anIrregularPluralIsGiven() {
    assertEquals("1 identity", Counted.of(1, "identity", "identities"));
    assertEquals("3 identities", Counted.of(3, "identity", "identities"));
    assertEquals("1 allowlist entry", Counted.of(1, "allowlist entry", "allowlist entries"));
    assertEquals("4 allowlist entries", Counted.of(4, "allowlist entry", "allowlist entries"));
  }

  @Test
  void largeCountsAreGroupedInThousandsWhateverTheLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("1,000 API keys", Counted.of(1000, "API key"));
      assertEquals("3,000,000 identities", Counted.of(3_000_000, "identity", "identities"));
      assertEquals("999 pages", Counted.of(999, "page"));
      assertEquals("12,345", Counted.number(12_345));
    } finally {
      Locale.setDefault(before);
    }
  }
}
