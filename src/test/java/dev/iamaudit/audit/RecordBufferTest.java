package dev.iamaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordBufferTest {
  /**
   * Any Java string comes back as it went in, half surrogate pairs too, which UTF-8 would turn into
   * '?'.
   */
  @Test
  void textsComeBackExactly() {
    List<String> texts =
        new ArrayList<>(
            Arrays.asList(
                null,
                "",
                "ApiKey-1",
                "Zoë",
                "日本語",
                "\ud83d\ude00",
                "half \ud83d pair",
                "\ude00 low first",
                "\u0000 nul",
                "x".repeat(100_000)));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = (char) random.nextInt(Character.MAX_VALUE + 1);
      }
      texts.add(new String(chars));
    }
    RecordBuffer buffer = new RecordBuffer(16);
    for (String text : texts) {
      buffer.writeText(text);
      buffer.writeVarint(text == null ? Long.MAX_VALUE : text.length());
    }
    RecordReader reader = new RecordReader().at(buffer.bytes(), 0);
    for (String text : texts) {
      assertEquals(text, reader.readText());
      assertEquals(text == null ? Long.MAX_VALUE : text.length(), reader.readVarint());
    }
    assertEquals(buffer.length(), reader.position());
  }

  @Test
  void aRecordKnowsItsLength() {
    RecordBuffer buffer = new RecordBuffer(4);
    buffer.writeByte(9);
    int start = buffer.reserveLength();
    buffer.writeText("payload");
    buffer.writeLength(start);
    assertEquals(4 + 8, Blocks.recordLength(buffer.bytes(), 1));
    RecordReader reader = new RecordReader().at(buffer.bytes(), 0);
    assertEquals(9, reader.readByte());
    reader.skip(4);
    assertEquals("payload", reader.readText());
  }
}
