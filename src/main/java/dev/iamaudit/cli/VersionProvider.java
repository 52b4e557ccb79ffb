package dev.iamaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the project version Maven filtered into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/iamaudit/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {"iam-audit " + properties.getProperty("version", "unknown")};
  }
}
