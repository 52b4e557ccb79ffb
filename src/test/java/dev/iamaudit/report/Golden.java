package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/dev/iamaudit/report/}, compared byte for byte after
 * the tool version is replaced by {@code 0.0.0-TEST} (as PMD does), so a release does not touch
 * them. Run the tests with {@code -Dgolden.update=true} to rewrite them after an intended change,
 * then review the diff.
 */
public final class Golden {
  static final String VERSION = "0.0.0-TEST";
  private static final Path DIRECTORY = Path.of("src/test/resources/dev/iamaudit/report");

  private Golden() {}

  static String normalise(String output) {
    return output.replace("\"" + ToolVersion.get() + "\"", "\"" + VERSION + "\"");
  }

  static void assertMatches(String fileName, String output) {
    assertFile(DIRECTORY.resolve(fileName), normalise(output));
  }

  /**
   * {@code actual} equals the content of {@code file}, which {@code -Dgolden.update=true} rewrites
   * first.
   */
  public static void assertFile(Path file, String actual) {
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
