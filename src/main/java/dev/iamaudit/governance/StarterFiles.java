package dev.iamaudit.governance;

import dev.iamaudit.AuditRequest;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Policy;
import dev.iamaudit.policy.PolicyLoader;
import dev.iamaudit.policy.Preset;
import dev.iamaudit.rules.RuleDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code init} writes into a governance repo: a commented {@code iam-audit.yml} showing every
 * rule with its defaults, an {@code iam-allowlist.yml} holding only a commented example, and the
 * two JSON Schemas the files name on their first line. The schemas sit beside the files so that
 * editors check them offline, against the rules of the very version that wrote them.
 */
public final class StarterFiles {

  private final List<RuleDescriptor> rules;
  private final LocalDate today;
  private final String version;

  /**
   * @param rules the catalog
   * @param today the day the example allowlist entry's expiry is counted from
   * @param version the tool version whose defaults the policy writes out
   */
  public StarterFiles(List<RuleDescriptor> rules, LocalDate today, String version) {
    this.rules = List.copyOf(rules);
    this.today = today;
    this.version = version;
  }

  /**
   * The starter {@code iam-audit.yml}: the gate's settings at their defaults, and every rule's
   * defaults commented out, so that a preset, once named, is not overridden by a copy of the
   * defaults; the file changes nothing until edited.
   */
  public String policy() {
    StringBuilder out = new StringBuilder();
    out.append("# yaml-language-server: $schema=").append(Schemas.POLICY_FILE).append('\n');
    out.append("#\n");
    out.append("# iam-audit policy, from iam-audit ")
        .append(version)
        .append(". Every key is optional. A setting" + " commented out with '#'\n");
    out.append(
        "# and no space shows its default: remove the '#' to set it, and keep only what you change"
            + " (what the\n");
    out.append(
        "# rules say overrides a preset setting by setting). 'iam-audit rules ID' explains a rule,"
            + " and\n");
    out.append("# ").append(Schemas.POLICY_FILE).append(" lets an editor check this file.\n");
    out.append('\n');
    for (String key : PolicyLoader.TOP_KEYS) {
      out.append(policyLine(key));
    }
    return out.toString();
  }

  private String policyLine(String key) {
    return switch (key) {
      case "account" ->
          comment(
              "#account: a1b2c3d4e5f60718293a4b5c6d7e8f90",
              "the account to audit; default: the" + " API key's account");
      case "failOn" ->
          comment(
              "failOn: " + FailOn.DEFAULT.id(),
              "critical, high, medium, low: the lowest that"
                  + " fails the gate; never reports only");
      case "maxReportAgeHours" ->
          comment(
              "maxReportAgeHours: " + Policy.DEFAULT_MAX_REPORT_AGE_HOURS,
              "a 'latest' activity report older than this is refused");
      case "allowlistMaxDays" ->
          comment(
              "allowlistMaxDays: " + Policy.DEFAULT_ALLOWLIST_MAX_DAYS,
              "an allowlist entry may not expire later than this from today");
      case "preset" ->
          comment(
              "#preset: " + Preset.allIds().get(0),
              "a benchmark's settings to start from: " + String.join(", ", Preset.allIds()));
      case "rules" -> rulesSection();
      default ->
          throw new IllegalStateException(
              "The policy key '"
                  + key
                  + "' has no starter line; add one in "
                  + StarterFiles.class.getName());
    };
  }

  /** A top-level line with its comment, the comments aligned. */
  private static String comment(String line, String comment) {
    return line + " ".repeat(Math.max(1, 45 - line.length())) + "# " + comment + "\n";
  }

  private String rulesSection() {
    StringBuilder out = new StringBuilder("\nrules:\n");
    for (RuleDescriptor rule : rules) {
      out.append("  # ")
          .append(rule.title())
          .append(rule.spec().enabledByDefault() ? "" : " (off by default)")
          .append('\n');
      out.append("  #")
          .append(rule.id())
          .append(": ")
          .append(RuleText.policyValue(rule.spec()))
          .append('\n');
    }
    return out.toString();
  }

  /** The starter {@code iam-allowlist.yml}: no entry, only a commented example of one. */
  public String allowlist() {
    String types =
        Arrays.stream(IdentityType.values())
            .map(IdentityType::id)
            .collect(Collectors.joining(", "));
    return allowlistHeader()
        + "# No entry yet. An example (remove the leading '# ' to use it):\n"
        + "#\n"
        + "# - match: { id: ApiKey-7f3c0000-0000-0000-0000-000000000000 }  # id, iamId, name"
        + " (glob), type\n"
        + "#   rules: ["
        + rules.get(0).id()
        + "]  # optional: every rule when left out\n"
        + "#   reason: \"Disaster-recovery key, used only in quarterly drills\"\n"
        + "#   owner: secops@example.com  # optional\n"
        + "#   expires: "
        + today.plusDays(RuleText.EXAMPLE_EXPIRY_DAYS)
        + "  # the last day it applies\n"
        + "#\n"
        + "# type is one of "
        + types
        + "; name takes * and ? as wildcards.\n";
  }

  /**
   * The comment the starter allowlist opens with, which names the schema: also the start of an
   * allowlist that {@code baseline} creates.
   */
  public String allowlistHeader() {
    return "# yaml-language-server: $schema="
        + Schemas.ALLOWLIST_FILE
        + "\n"
        + "#\n"
        + "# iam-audit allowlist: findings accepted on purpose. An accepted finding stays in every"
        + " report as\n"
        + "# allowlisted and does not fail the gate. Each entry needs a match, a reason and an"
        + " expiry date at most\n"
        + "# allowlistMaxDays ("
        + Policy.DEFAULT_ALLOWLIST_MAX_DAYS
        + " by default) from today; each finding's"
        + " message names the match that accepts it.\n";
  }

  /**
   * Writes the four files into {@code dir}, creating it if needed.
   *
   * @return the files written
   * @throws UsageException when any of them exists (nothing is written then), or a file cannot be
   *     written
   */
  public List<Path> write(Path dir) {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve(AuditRequest.DEFAULT_POLICY), policy());
    files.put(dir.resolve(AuditRequest.DEFAULT_ALLOWLIST), allowlist());
    files.putAll(schemas(dir));
    List<String> existing =
        files.keySet().stream()
            .filter(Files::exists)
            .map(file -> file.getFileName().toString())
            .toList();
    if (!existing.isEmpty()) {
      throw alreadyThere(existing, dir);
    }
    createDirectory(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      try (OutputStream out = Files.newOutputStream(file.getKey(), StandardOpenOption.CREATE_NEW)) {
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
      } catch (FileAlreadyExistsException e) {
        throw alreadyThere(List.of(file.getKey().getFileName().toString()), dir);
      } catch (IOException e) {
        throw cannotWrite(file.getKey(), e);
      }
      written.add(file.getKey());
    }
    return written;
  }

  /**
   * Writes only the two schemas into {@code dir}, replacing older ones: after an upgrade, an editor
   * then knows the new version's rules. The YAML files are not touched.
   *
   * @return the files written
   */
  public List<Path> writeSchemas(Path dir) {
    createDirectory(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> file : schemas(dir).entrySet()) {
      try {
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw cannotWrite(file.getKey(), e);
      }
      written.add(file.getKey());
    }
    return written;
  }

  private Map<Path, String> schemas(Path dir) {
    Schemas schemas = new Schemas(rules);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve(Schemas.POLICY_FILE), schemas.policy());
    files.put(dir.resolve(Schemas.ALLOWLIST_FILE), schemas.allowlist());
    return files;
  }

  private static void createDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException(
          dir
              + " is a file, not a directory; name the directory to write the starter files"
              + " into");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException(
          "Could not create the directory "
              + dir
              + ": "
              + e.getMessage()
              + "; check the path and its permissions",
          e);
    }
  }

  private static UsageException alreadyThere(List<String> names, Path dir) {
    String list =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    return new UsageException(
        list
            + (names.size() == 1 ? " already exists" : " already exist")
            + " in "
            + dir
            + "; init never overwrites a file: remove or move "
            + (names.size() == 1 ? "it" : "them")
            + ", then run init again");
  }

  private static UsageException cannotWrite(Path file, IOException e) {
    return new UsageException(
        "Could not write "
            + file
            + ": "
            + e.getMessage()
            + "; check the directory's"
            + " permissions",
        e);
  }
}
