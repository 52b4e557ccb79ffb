package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;

class CharScratchTest {
  private static String copied(CharScratch scratch, CharSequence text) {
    return new String(scratch.copy(text), 0, text.length());
  }

  @Test
  void copiesAnyTextAndGrowsForLongText() {
    CharScratch scratch = new CharScratch(4);
    assertEquals("ab", copied(scratch, "ab"));
    assertEquals("Zoë \uD83D\uDE00", copied(scratch, new StringBuilder("Zoë \uD83D\uDE00")));
    String longer = "x".repeat(1_000) + "end";
    assertEquals(longer, copied(scratch, CharBuffer.wrap(longer)));
    assertEquals("cd", copied(scratch, "cd"));
  }
}
