package dev.iamaudit.policy;

import dev.iamaudit.failure.UsageException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/** Typed reads from {@link YamlNode}s whose failures name {@code file:line:column} and the fix. */
public final class Nodes {
  private Nodes() {}

  static YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping mapping) {
      return mapping;
    }
    throw new UsageException(
        node.position()
            + ": "
            + what
            + " must be a mapping of keys to values, found "
            + kindOf(node));
  }

  static YamlNode.Sequence sequence(YamlNode node, String what) {
    if (node instanceof YamlNode.Sequence sequence) {
      return sequence;
    }
    throw new UsageException(
        node.position() + ": " + what + " must be a list, found " + kindOf(node));
  }

  static String text(YamlNode node, String key) {
    if (node instanceof YamlNode.Scalar scalar) {
      if (scalar.text() != null && !scalar.text().isBlank()) {
        return scalar.text();
      }
      throw new UsageException(
          node.position() + ": '" + key + "' is empty; write the value after the colon");
    }
    throw new UsageException(
        node.position() + ": '" + key + "' must be a text value, found " + kindOf(node));
  }

  /** The most a number of days may be: beyond, days turned into hours or dates would overflow. */
  static final long MAX_DAYS = 36_500;

  /** A number of days, from {@code min} to {@link #MAX_DAYS}. */
  static long days(YamlNode node, String key, long min) {
    String text = text(node, key);
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= MAX_DAYS) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the fix
    }
    throw new UsageException(
        node.position()
            + ": '"
            + key
            + "' must be a whole number from "
            + min
            + " to "
            + MAX_DAYS
            + " (100 years), found '"
            + text
            + "'");
  }

  static long number(YamlNode node, String key, long min) {
    String text = text(node, key);
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the fix
    }
    throw new UsageException(
        node.position()
            + ": '"
            + key
            + "' must be a whole number of at least "
            + min
            + ", found '"
            + text
            + "'");
  }

  static boolean bool(YamlNode node, String key) {
    String text = text(node, key);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new UsageException(
              node.position() + ": '" + key + "' must be true or false, found '" + text + "'");
    };
  }

  /** Refuses any key of the mapping that is not allowed, suggesting the closest allowed one. */
  static void onlyKeys(YamlNode.Mapping mapping, Collection<String> allowed, String where) {
    for (Map.Entry<String, YamlNode.Entry> entry : mapping.asMap().entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw new UsageException(
            entry.getValue().keyPosition()
                + ": unknown key '"
                + entry.getKey()
                + "' in "
                + where
                + suggestion(entry.getKey(), allowed)
                + "; allowed keys: "
                + String.join(", ", allowed));
      }
    }
  }

  /**
   * For values where a near miss may mean the opposite ('severe' is one letter from 'never'), only
   * a difference of case is pointed out.
   */
  static String caseHint(String word, Collection<String> allowed) {
    return allowed.stream()
        .filter(word::equalsIgnoreCase)
        .findFirst()
        .map(exact -> "; write it in lower case: '" + exact + "'")
        .orElse("");
  }

  /**
   * "; did you mean 'maxDays'?" when one allowed word is a likely typo of {@code word}, else "".
   */
  public static String suggestion(String word, Collection<String> allowed) {
    return allowed.stream()
        .min(
            Comparator.comparingInt(
                candidate -> distance(word.toLowerCase(), candidate.toLowerCase())))
        .filter(
            best ->
                distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, word.length() / 4))
        .map(best -> "; did you mean '" + best + "'?")
        .orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String kindOf(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar && scalar.text() == null) {
      return "nothing";
    }
    return node.kind();
  }
}
