package dev.iamaudit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's own version, as Maven filtered it into {@code version.properties} at build time. */
public final class ToolVersion {
  private static final String RESOURCE = "/dev/iamaudit/version.properties";

  private ToolVersion() {}

  /** The project version, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
  public static String get() {
    try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the build; rebuild with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException(
            RESOURCE + " was not filtered by Maven; rebuild with Maven");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
