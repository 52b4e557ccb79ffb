package dev.iamaudit.governance;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.policy.Allowlist;
import dev.iamaudit.policy.AllowlistLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Adds lines to the end of an allowlist and leaves every byte before them as it was: the comments,
 * blank lines and order people gave the file are theirs, and a reviewer's diff shows only what was
 * added. The whole new file is written beside the old one and read back as the audit reads it
 * before it takes the old one's place in one step, so the allowlist is never half written and never
 * left unreadable.
 */
final class AllowlistAppender {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final String shown;

  /**
   * @param file the allowlist the audit read
   * @param shown its name as the audit showed it
   */
  AllowlistAppender(Path file, String shown) {
    this.file = file;
    this.shown = shown;
  }

  /**
   * Creates {@code file} holding only {@code text}.
   *
   * @return false when it exists already
   */
  static boolean create(Path file, String text) {
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (NoSuchFileException e) {
      throw new UsageException(
          "Could not create "
              + file
              + ": its directory does not exist; create it, or name an"
              + " allowlist in an existing directory");
    } catch (IOException e) {
      throw new UsageException(
          "Could not create "
              + file
              + ": "
              + e.getMessage()
              + "; check the directory's"
              + " permissions",
          e);
    }
  }

  /**
   * Appends {@code lines}, indented as the list's entries are, with the file's own line ends.
   *
   * @param current the allowlist as the audit read it from this file
   * @param added how many entries {@code lines} hold
   * @param loader reads the new file back as the audit will
   */
  void append(List<String> lines, Allowlist current, int added, AllowlistLoader loader) {
    Path target = realPath();
    byte[] before = read(target);
    String text = new String(before, StandardCharsets.UTF_8);
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    String indent = " ".repeat(indentation(text, current));
    StringBuilder addition = new StringBuilder();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      addition.append(eol);
    }
    if (!text.isBlank() && !text.endsWith(eol + eol)) {
      addition.append(eol);
    }
    lines.forEach(line -> addition.append(line.isEmpty() ? "" : indent + line).append(eol));
    byte[] more = addition.toString().getBytes(StandardCharsets.UTF_8);
    if ((long) before.length + more.length > AllowlistLoader.MAX_BYTES) {
      throw new UsageException(
          "Could not add the entries to "
              + shown
              + ", which is left as it was: with them it"
              + " would hold "
              + String.format(Locale.ROOT, "%,d", (long) before.length + more.length)
              + " bytes, more"
              + " than the "
              + String.format(Locale.ROOT, "%,d", AllowlistLoader.MAX_BYTES)
              + " an allowlist may. Accept a few rules at a time (a policy for the baseline that"
              + " enables only them), or fewer, broader entries by hand (iamId, name globs)");
    }
    byte[] after = Arrays.copyOf(before, before.length + more.length);
    System.arraycopy(more, 0, after, before.length, more.length);

    Path temp =
        target.resolveSibling(
            "."
                + target.getFileName()
                + "."
                + HexFormat.of().toHexDigits(RANDOM.nextLong())
                + ".tmp");
    try {
      try {
        // CREATE_NEW fails on anything already there, a symbolic link included, instead of writing
        // through it.
        Files.write(
            temp,
            after,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
        keepPermissions(target, temp);
      } catch (IOException e) {
        throw cannotWrite(e);
      }
      readBack(temp, current.entries().size() + added, loader);
      if (!Arrays.equals(before, read(target))) {
        throw new UsageException(
            shown
                + " changed while baseline was adding to it, so nothing was added; run"
                + " baseline again");
      }
      move(temp, target);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // A leftover temporary file costs nothing but space; the allowlist itself is whole either
        // way.
      }
    }
  }

  /**
   * The file a symbolic link points at, so that the link stays and the file it names gets the
   * entries.
   */
  private Path realPath() {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw new UsageException(shown + ": cannot be read: " + e.getMessage());
    }
  }

  private byte[] read(Path target) {
    try {
      return Files.readAllBytes(target);
    } catch (IOException e) {
      throw new UsageException(shown + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * How far the list's dashes stand in from the left margin, so that the new entries continue the
   * same list: the first entry's line tells; an empty list starts at the margin.
   */
  private static int indentation(String text, Allowlist current) {
    if (current.entries().isEmpty()) {
      return 0;
    }
    int line = current.entries().get(0).position().line();
    String first = text.lines().skip(line - 1).findFirst().orElse("").replace("\ufeff", "");
    int spaces = 0;
    while (spaces < first.length() && first.charAt(spaces) == ' ') {
      spaces++;
    }
    return first.startsWith("-", spaces) ? spaces : 0;
  }

  private static void keepPermissions(Path from, Path to) throws IOException {
    if (Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    }
  }

  /**
   * Reads the new file as the audit will; anything but the old entries and the new ones leaves the
   * old file.
   */
  private void readBack(Path temp, int expected, AllowlistLoader loader) {
    Allowlist read;
    try {
      read = loader.load(temp, shown);
    } catch (UsageException e) {
      throw new UsageException(
          "Could not add the entries to "
              + shown
              + ", which is left as it was: with them"
              + " appended it would not load ("
              + e.getMessage()
              + "). Baseline appends a block list ('- match: ...')"
              + " at the end of the file; write the file's entries that way",
          e);
    }
    if (read.entries().size() != expected) {
      throw new UsageException(
          "Could not add the entries to "
              + shown
              + ", which is left as it was: with them"
              + " appended it would hold "
              + read.entries().size()
              + " entries instead of "
              + expected
              + ". Baseline appends a block list ('- match: ...') at the end of the file; write the"
              + " file's entries that way");
    }
  }

  /**
   * Renaming replaces the old file in one step: a reader sees the old file or the new one, never a
   * part.
   */
  private void move(Path from, Path to) {
    try {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  private UsageException cannotWrite(IOException e) {
    return new UsageException(
        "Could not write "
            + shown
            + ": "
            + e.getMessage()
            + "; check the permissions of its"
            + " directory",
        e);
  }
}
