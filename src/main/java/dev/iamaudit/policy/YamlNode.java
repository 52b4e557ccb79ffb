package dev.iamaudit.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line and column, so that validation messages
 * can point at {@code file:line:column}. Jackson's own trees drop positions.
 */
sealed interface YamlNode {
  FilePosition position();

  /** A human word for the node's kind, used in "expected a list, found a mapping". */
  String kind();

  record Scalar(String text, FilePosition position) implements YamlNode {
    @Override
    public String kind() {
      return "a value";
    }
  }

  record Sequence(List<YamlNode> items, FilePosition position) implements YamlNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A mapping, keys in file order; each value remembers where its key stood. */
  record Mapping(LinkedHashMap<String, Entry> entries, FilePosition position) implements YamlNode {
    @Override
    public String kind() {
      return "a mapping";
    }

    Map<String, Entry> asMap() {
      return entries;
    }
  }

  record Entry(String key, FilePosition keyPosition, YamlNode value) {}
}
