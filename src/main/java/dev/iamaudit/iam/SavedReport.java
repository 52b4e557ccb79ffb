package dev.iamaudit.iam;

import dev.iamaudit.OptionNames;
import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The raw report bytes as fetched, held in a temporary file beside the file they are saved to until
 * the report is accepted, then moved into place in one step: a refused or half-read report never
 * lands there.
 */
final class SavedReport implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final String setting;

  private SavedReport(Path target, Path temp, String setting) {
    this.target = target;
    this.temp = temp;
    this.setting = setting;
  }

  static SavedReport copy(InputStream body, Path target, OptionNames options) {
    String setting = options.name(OptionNames.Setting.SAVE_REPORT);
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    try (InputStream in = body) {
      Files.createDirectories(absolute.getParent());
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      return new SavedReport(absolute, temp, setting);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UsageException(
          "Could not save the activity report to "
              + target
              + ": "
              + e.getMessage()
              + "; check the path "
              + setting
              + " names",
          e);
    }
  }

  Path file() {
    return temp;
  }

  void keep() {
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UsageException(
          "Could not save the activity report to "
              + target
              + ": "
              + e.getMessage()
              + "; check the path "
              + setting
              + " names",
          e);
    }
  }

  /** Drops the temporary file unless {@link #keep()} moved it. */
  @Override
  public void close() {
    deleteQuietly(temp);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
