package dev.iamaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedStringsTest {
  private final SharedStrings shared = new SharedStrings();

  private String get(String text) {
    // Text in the middle of a larger buffer, as Jackson hands it over.
    char[] buffer = ("[" + text + "]").toCharArray();
    return shared.get(new CharWindow().set(buffer, 1, text.length()));
  }

  @Test
  void theSameTextIsTheSameString() {
    String first = get("IBMid-100000");
    assertEquals("IBMid-100000", first);
    assertSame(first, get("IBMid-100000"));
    assertSame(first, get(new String("IBMid-100000")));
  }

  @Test
  void differentTextsAreDifferentStrings() {
    assertEquals("svc 1", get("svc 1"));
    assertEquals("svc 10", get("svc 10"));
    assertEquals("svc", get("svc"));
    assertEquals("", get(""));
    assertSame(get(""), get(""));
  }

  @Test
  void textsWithTheSameHashAreEachReadRight() {
    assertEquals("Aa".hashCode(), "BB".hashCode());
    assertEquals("Aa", get("Aa"));
    String bb = get("BB");
    assertEquals("BB", bb);
    assertSame(bb, get("BB"));
    assertEquals("Aa", get("Aa"));
  }

  @Test
  void nonAsciiTextIsKeptWhole() {
    String accented = get("J\u00f6rg");
    String emoji = get("\ud83d\ude00 ops");
    assertEquals("J\u00f6rg", accented);
    assertEquals("\ud83d\ude00 ops", emoji);
    assertSame(accented, get("J\u00f6rg"));
    assertNotSame(accented, get("Jorg"));
    assertEquals("\ud83d\ude00 ops".hashCode(), emoji.hashCode());
  }

  /**
   * A report of millions of distinct texts is read in the memory of a few thousand: older texts
   * give way.
   */
  @Test
  void keepsRecentTextsAndLetsOlderOnesGo() {
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      firsts.add(get("ServiceId-" + i));
    }
    assertSame(firsts.get(19_999), get("ServiceId-19999"));
    int kept = 0;
    for (int i = 19_999; i >= 0; i--) {
      String again = get("ServiceId-" + i);
      assertEquals("ServiceId-" + i, again);
      kept += firsts.get(i) == again ? 1 : 0;
    }
    assertTrue(kept > 0 && kept <= 4096, kept + " kept");
  }
}
