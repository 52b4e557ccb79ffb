package dev.iamaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CharWindowTest {
  private final char[] buffer = "[J\u00f6rg \ud83d\ude00]".toCharArray();

  @Test
  void showsOnlyItsRange() {
    CharWindow window = new CharWindow().set(buffer, 1, 7);
    assertEquals(7, window.length());
    assertEquals('J', window.charAt(0));
    assertEquals('\ude00', window.charAt(6));
    assertEquals("J\u00f6rg \ud83d\ude00", window.toString());
    assertEquals("\u00f6rg", window.subSequence(1, 4).toString());
    assertThrows(IndexOutOfBoundsException.class, () -> window.charAt(7));
    assertThrows(IndexOutOfBoundsException.class, () -> window.charAt(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> window.subSequence(2, 8));
  }

  @Test
  void movesToTheNextValue() {
    CharWindow window = new CharWindow().set(buffer, 1, 7);
    assertEquals("rg", window.set(buffer, 3, 2).toString());
    assertEquals("", window.set(buffer, 9, 0).toString());
    assertThrows(IndexOutOfBoundsException.class, () -> window.set(buffer, 8, 2));
  }
}
