package dev.iamaudit.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file the YAML fuzz tests rewrite for each input, since the loaders read files. */
final class FuzzFiles {
  private FuzzFiles() {}

  static Path file(String name) {
    try {
      Path dir = Files.createTempDirectory("iam-audit-fuzz");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(name);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
