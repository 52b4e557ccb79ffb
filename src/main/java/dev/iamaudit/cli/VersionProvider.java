package dev.iamaudit.cli;

import dev.iamaudit.report.ToolVersion;
import picocli.CommandLine;

/** {@code --version}: the project version Maven filtered into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"iam-audit " + ToolVersion.get()};
  }
}
