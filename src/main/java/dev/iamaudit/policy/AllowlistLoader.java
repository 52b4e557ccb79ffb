package dev.iamaudit.policy;

import dev.iamaudit.Counted;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.IdentityType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code iam-allowlist.yml} strictly. Every entry needs a {@code match}, a {@code reason} and
 * an {@code expires} date no later than {@code allowlistMaxDays} from today; two entries may not
 * cover the same identities for the same rules.
 */
public final class AllowlistLoader {
  /** The keys of an entry and of its {@code match}, in the order the schema lists them. */
  public static final List<String> ENTRY_KEYS =
      List.of("match", "rules", "reason", "owner", "expires");

  public static final List<String> MATCH_KEYS = List.of("id", "iamId", "name", "type");

  /** The most bytes an allowlist may hold: a larger one is refused before it is parsed. */
  public static final int MAX_BYTES = YamlReader.MAX_BYTES;

  private final Set<String> ruleIds;
  private final LocalDate today;
  private final int maxDays;

  /**
   * @param ruleIds the rules an entry may name
   * @param today the day expiry limits are measured from
   * @param maxDays the policy's {@code allowlistMaxDays}
   */
  public AllowlistLoader(Collection<String> ruleIds, LocalDate today, int maxDays) {
    this.ruleIds = new LinkedHashSet<>(ruleIds);
    this.today = today;
    this.maxDays = maxDays;
  }

  public Allowlist load(Path file, String displayName) {
    YamlNode root = new YamlReader(displayName).read(file);
    if (root == null) {
      return new Allowlist(List.of(), displayName);
    }
    YamlNode.Sequence items = Nodes.sequence(root, "the allowlist");
    List<AllowlistEntry> entries = new ArrayList<>();
    for (YamlNode item : items.items()) {
      AllowlistEntry entry = readEntry(item, entries.size() + 1);
      for (int i = 0; i < entries.size(); i++) {
        AllowlistEntry earlier = entries.get(i);
        if (earlier.match().equals(entry.match()) && overlap(earlier.rules(), entry.rules())) {
          throw new UsageException(
              entry.position()
                  + ": entry "
                  + (entries.size() + 1)
                  + " duplicates entry "
                  + (i + 1)
                  + " (line "
                  + earlier.position().line()
                  + "): both match "
                  + entry.match()
                  + " for the same rules; merge them into one entry");
        }
      }
      entries.add(entry);
    }
    return new Allowlist(entries, displayName);
  }

  private static boolean overlap(Set<String> a, Set<String> b) {
    return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
  }

  private AllowlistEntry readEntry(YamlNode node, int number) {
    String what = "allowlist entry " + number;
    YamlNode.Mapping entry = Nodes.mapping(node, what);
    Nodes.onlyKeys(entry, ENTRY_KEYS, what);
    Map<String, YamlNode.Entry> keys = entry.asMap();
    FilePosition at = entry.position();
    if (!keys.containsKey("match")) {
      throw new UsageException(
          at + ": " + what + " has no 'match'; add match: { id: ... } (or iamId, name, type)");
    }
    YamlNode matchNode = keys.get("match").value();
    Match match = readMatch(matchNode, what);
    Set<String> rules = keys.containsKey("rules") ? readRules(keys.get("rules").value()) : Set.of();
    requireNamedIdentities(match, rules, matchNode.position(), what);
    if (!keys.containsKey("reason")) {
      throw new UsageException(
          at
              + ": "
              + what
              + " has no 'reason'; add reason: \"why this exception is"
              + " accepted\"");
    }
    String reason = Nodes.text(keys.get("reason").value(), "reason");
    String owner =
        keys.containsKey("owner") ? Nodes.text(keys.get("owner").value(), "owner") : null;
    if (!keys.containsKey("expires")) {
      throw new UsageException(
          at
              + ": "
              + what
              + " has no 'expires'; add expires: "
              + today.plusDays(90)
              + " (a date at most "
              + maxDays
              + " days from today)");
    }
    LocalDate expires = readExpires(keys.get("expires").value());
    return new AllowlistEntry(match, rules, reason, owner, expires, at);
  }

  private Match readMatch(YamlNode node, String what) {
    YamlNode.Mapping match = Nodes.mapping(node, "'match' of " + what);
    Nodes.onlyKeys(match, MATCH_KEYS, "'match' of " + what);
    Map<String, YamlNode.Entry> keys = match.asMap();
    if (keys.isEmpty()) {
      throw new UsageException(
          match.position()
              + ": 'match' of "
              + what
              + " is empty; give at least one of id, iamId, name, type");
    }
    IdentityType type = null;
    if (keys.containsKey("type")) {
      YamlNode typeNode = keys.get("type").value();
      String text = Nodes.text(typeNode, "type");
      try {
        type = IdentityType.fromId(text);
      } catch (IllegalArgumentException e) {
        List<String> types = Arrays.stream(IdentityType.values()).map(IdentityType::id).toList();
        throw new UsageException(
            typeNode.position()
                + ": type must be one of "
                + String.join(", ", types)
                + ", found '"
                + text
                + "'"
                + Nodes.caseHint(text, types));
      }
    }
    return new Match(optional(keys, "id"), optional(keys, "iamId"), optional(keys, "name"), type);
  }

  /**
   * An entry that names no identity (a type alone, a name glob of wildcards) would accept every
   * finding of its rules without a word; turning a rule off for everyone belongs in the policy,
   * where reviewers see it.
   */
  private static void requireNamedIdentities(
      Match match, Set<String> rules, FilePosition at, String what) {
    if (match.id() != null
        || match.iamId() != null
        || (match.name() != null && hasLetterOrDigit(match.name()))) {
      return;
    }
    String every =
        match.type() == null
            ? "identity"
            : switch (match.type()) {
              case USER -> "user";
              case APIKEY -> "API key";
              case SERVICEID -> "service ID";
              case PROFILE -> "trusted profile";
              case ACCOUNT -> "account finding";
            };
    String why =
        match.name() == null
            ? "it gives only a type"
            : "its name glob '" + match.name() + "' has no letters or digits";
    String rule = rules.isEmpty() ? "apikey-inactive" : rules.iterator().next();
    throw new UsageException(
        at
            + ": "
            + what
            + " accepts every "
            + every
            + ": "
            + why
            + ". Name the identities by id, iamId or a name glob with letters or digits, such as"
            + " sandbox-*; to stop judging a rule for everyone, disable it in the policy instead:"
            + " rules: { "
            + rule
            + ": { enabled: false } }");
  }

  private static boolean hasLetterOrDigit(String glob) {
    return glob.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String optional(Map<String, YamlNode.Entry> keys, String key) {
    return keys.containsKey(key) ? Nodes.text(keys.get(key).value(), key) : null;
  }

  private Set<String> readRules(YamlNode node) {
    YamlNode.Sequence list = Nodes.sequence(node, "'rules'");
    if (list.items().isEmpty()) {
      throw new UsageException(
          node.position()
              + ": 'rules' is empty; name the rules the entry accepts, or leave "
              + "'rules' out to accept every rule");
    }
    Set<String> rules = new LinkedHashSet<>();
    for (YamlNode item : list.items()) {
      String id = Nodes.text(item, "rules");
      if (!ruleIds.contains(id)) {
        throw new UsageException(
            item.position()
                + ": unknown rule '"
                + id
                + "'"
                + Nodes.suggestion(id, ruleIds)
                + "; known rules: "
                + String.join(", ", ruleIds));
      }
      rules.add(id);
    }
    return rules;
  }

  private LocalDate readExpires(YamlNode node) {
    String text = Nodes.text(node, "expires");
    LocalDate expires;
    try {
      expires = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new UsageException(
          node.position()
              + ": expires '"
              + text
              + "' is not a date; write it as YYYY-MM-DD, e.g. expires: "
              + today.plusDays(90));
    }
    LocalDate latest = today.plusDays(maxDays);
    if (expires.isAfter(latest)) {
      throw new UsageException(
          node.position()
              + ": expires "
              + expires
              + " is more than "
              + Counted.of(maxDays, "day")
              + " from today ("
              + today
              + "); set a date on or before "
              + latest
              + " or raise allowlistMaxDays in the policy");
    }
    return expires;
  }
}
