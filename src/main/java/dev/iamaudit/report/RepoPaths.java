package dev.iamaudit.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Finding locations as code-scanning tools want them: relative to the repository root, with forward
 * slashes. GitHub rejects a whole upload over an absolute or {@code https:} URI, so an absolute
 * path is cut down to its file name rather than passed on.
 */
final class RepoPaths {
  private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:/.*");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RepoPaths() {}

  /** {@code ./conf\iam-allowlist.yml} becomes {@code conf/iam-allowlist.yml}. */
  static String relative(String file) {
    String path = file.replace('\\', '/');
    if (path.startsWith("/") || WINDOWS_DRIVE.matcher(path).matches() || path.contains("://")) {
      path = path.substring(path.lastIndexOf('/') + 1);
    }
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    return path;
  }

  /**
   * The relative path as a URI reference: every byte outside the unreserved set and {@code /}
   * percent-encoded.
   */
  static String uri(String file) {
    StringBuilder uri = new StringBuilder();
    for (byte b : relative(file).getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
        uri.append(c);
      } else {
        uri.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return uri.toString();
  }
}
