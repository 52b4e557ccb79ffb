package dev.iamaudit.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one of the user's YAML files into a {@link YamlNode} tree, refusing duplicate keys and
 * aliases.
 *
 * <p>The file is read as bytes first, at most {@link #MAX_BYTES} of them, so a huge file (or {@code
 * /dev/zero}) is refused before the YAML parser sees it; and no line may be longer than {@link
 * #MAX_LINE_BYTES}: SnakeYAML copies the rest of a line each time it reads on within it, so the
 * time a line costs grows with its square, and a 20 MB comment took over a minute.
 */
final class YamlReader {
  static final int MAX_BYTES = 3 * 1024 * 1024;
  static final int MAX_LINE_BYTES = 64 * 1024;

  /**
   * An empty value is null, as in YAML, also where the parser would return an empty text: a key
   * whose every entry is commented out ({@code rules:} followed by comments only) holds nothing.
   */
  private static final YAMLFactory YAML;

  static {
    LoaderOptions options = new LoaderOptions();
    // Characters are never more than bytes, so the byte limit is the one that applies.
    options.setCodePointLimit(MAX_BYTES);
    YAML =
        YAMLFactory.builder()
            .loaderOptions(options)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
  }

  private final String displayName;

  YamlReader(String displayName) {
    this.displayName = displayName;
  }

  /**
   * @return the document's root, or null for an empty document (only comments)
   */
  YamlNode read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException(displayName + ": is a directory; name the YAML file itself");
    }
    byte[] bytes = readBounded(file);
    checkLines(bytes);
    try (JsonParser parser = YAML.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      YamlNode root = readNode(parser);
      if (parser.nextToken() != null) {
        throw new UsageException(
            position(parser.currentTokenLocation())
                + ": only one YAML document is allowed; remove the second '---' section");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new UsageException(notYaml(e));
    } catch (IOException e) {
      throw new UsageException(displayName + ": cannot be read: " + e.getMessage());
    }
  }

  private byte[] readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new UsageException(
            displayName
                + ": the file is larger than 3 MiB ("
                + String.format(Locale.ROOT, "%,d", MAX_BYTES)
                + " bytes), the most a policy or allowlist may be; "
                + "remove what it does not need, such as expired entries or long comments");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new UsageException(displayName + ": file not found; check the path or create the file");
    } catch (IOException e) {
      throw new UsageException(displayName + ": cannot be read: " + e.getMessage());
    }
  }

  private void checkLines(byte[] bytes) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i - start > MAX_LINE_BYTES) {
          throw new UsageException(
              displayName
                  + ":"
                  + line
                  + ": line "
                  + line
                  + " is "
                  + String.format(Locale.ROOT, "%,d", i - start)
                  + " bytes long, more than the "
                  + String.format(Locale.ROOT, "%,d", MAX_LINE_BYTES)
                  + " a line may be; break it up or remove it");
        }
        line++;
        start = i + 1;
      }
    }
  }

  private YamlNode readNode(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    FilePosition at = position(p.currentTokenLocation());
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new UsageException(
          at
              + ": YAML aliases (*"
              + p.getText()
              + ") are not supported; write the value out "
              + "in full");
    }
    if (token == JsonToken.START_OBJECT) {
      LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        FilePosition keyAt = position(p.currentTokenLocation());
        p.nextToken();
        YamlNode value = readNode(p);
        YamlNode.Entry earlier = entries.get(key);
        if (earlier != null) {
          throw new UsageException(
              keyAt
                  + ": duplicate key '"
                  + key
                  + "' (first at line "
                  + earlier.keyPosition().line()
                  + "); keep only one of them");
        }
        entries.put(key, new YamlNode.Entry(key, keyAt, value));
      }
      return new YamlNode.Mapping(entries, at);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(readNode(p));
      }
      return new YamlNode.Sequence(items, at);
    }
    return new YamlNode.Scalar(token == JsonToken.VALUE_NULL ? null : p.getText(), at);
  }

  private FilePosition position(JsonLocation location) {
    return new FilePosition(
        displayName, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /**
   * Where the YAML parser found the problem and what it is. Jackson's own location is that of the
   * last token it returned, which for a tab or an unclosed bracket is a line or more before the
   * mistake.
   */
  private String notYaml(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml
        && yaml.getProblemMark() != null
        && yaml.getProblem() != null) {
      Mark mark = yaml.getProblemMark();
      FilePosition at = new FilePosition(displayName, mark.getLine() + 1, mark.getColumn() + 1);
      return at
          + ": not valid YAML: "
          + (yaml.getProblem().contains("(TAB)")
              ? "a tab character; YAML indents with spaces only, so replace the tab with spaces"
              : yaml.getProblem() + "; fix the indentation or quoting there");
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? displayName : position(at).toString();
    return where
        + ": not valid YAML: "
        + firstLine(e.getOriginalMessage())
        + "; fix the indentation or quoting there";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
