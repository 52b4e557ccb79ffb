package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvRowTest {
  private static final String ALPHABET = "ab ,\"\r\n=+-@\t'é;";

  private static List<List<String>> parse(String csv) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows =
        mapper.readerForListOf(String.class).readValues(csv)) {
      return rows.readAll();
    }
  }

  /** What a spreadsheet should show: the text, defused when it would start a formula. */
  private static String shown(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  @Test
  void jacksonReadsBackEveryFieldAsWritten() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder csv = new StringBuilder();
    CsvRow row = new CsvRow(csv);
    List<List<String>> expected = new ArrayList<>();
    for (int r = 0; r < 2_000; r++) {
      List<String> fields = new ArrayList<>();
      for (int f = 0; f < 5; f++) {
        StringBuilder value = new StringBuilder();
        for (int length = random.nextInt(6); length > 0; length--) {
          value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        row.add(value);
        fields.add(shown(value.toString()));
      }
      row.end();
      expected.add(fields);
    }
    assertEquals(expected, parse(csv.toString()));
  }

  @Test
  void writesTimesFlagsAndCountsAsText() throws Exception {
    StringBuilder csv = new StringBuilder();
    new CsvRow(csv)
        .add(Instant.parse("2026-05-06T09:00:00Z"))
        .add(Boolean.TRUE)
        .add(-5L)
        .add((Long) null)
        .add((Instant) null)
        .add((Boolean) null)
        .blank()
        .add("x")
        .end();
    assertEquals("2026-05-06T09:00:00Z,true,'-5,,,,,x\r\n", csv.toString());
  }
}
