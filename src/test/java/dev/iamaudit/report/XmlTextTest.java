package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class XmlTextTest {
  /** Line breaks, a tab, a control character, a non-character and both halves of a surrogate pair. */
  private static final char[] TRICKY = {'a', ' ', '\r', '\n', '\t', '\u0001', '\uFFFE', '\uD83D', '\uDE00', 'é'};

  private static String random(Random random) {
    char[] text = new char[random.nextInt(12)];
    for (int i = 0; i < text.length; i++) {
      text[i] = TRICKY[random.nextInt(TRICKY.length)];
    }
    return new String(text);
  }

  @Test
  void bufferedTextIsCleanedLikeStrings() {
    Random random = new Random(42);
    for (int run = 0; run < 20_000; run++) {
      String text = random(random);
      char[] buffer = (text + "unused tail").toCharArray();
      XmlText.content(buffer, text.length());
      assertEquals(XmlText.content(text), new String(buffer, 0, text.length()), text);
      buffer = (text + "unused tail").toCharArray();
      assertEquals(XmlText.attribute(text), new String(buffer, 0, XmlText.attribute(buffer, text.length())), text);
    }
  }
}
