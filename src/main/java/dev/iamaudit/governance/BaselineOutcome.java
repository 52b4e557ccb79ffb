package dev.iamaudit.governance;

import dev.iamaudit.Counted;
import dev.iamaudit.policy.FilePosition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code baseline} did, in the words both front ends print.
 *
 * @param allowlist the allowlist as the audit showed it
 * @param created true when baseline created the allowlist
 * @param schema true when it wrote the allowlist's JSON Schema beside the new file
 * @param added how many entries it added
 * @param expires the day the added entries expire
 * @param owner the added entries' owner, or null
 * @param allowlisted findings an entry accepts already
 * @param allowlistRules the allowlist's own rules among the violations, which no entry can accept
 * @param allowlistFindings how many violations those rules had
 * @param expiredEntries the expired entries that cover violations, which they decide
 * @param expiredFindings how many violations those entries cover
 */
public record BaselineOutcome(
    String allowlist,
    boolean created,
    boolean schema,
    int added,
    LocalDate expires,
    String owner,
    long allowlisted,
    List<String> allowlistRules,
    long allowlistFindings,
    List<FilePosition> expiredEntries,
    long expiredFindings) {
  public BaselineOutcome {
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(expires, "expires");
    allowlistRules = List.copyOf(allowlistRules);
    expiredEntries = List.copyOf(expiredEntries);
  }

  /**
   * "Added 3 entries to iam-allowlist.yml (expires 2027-02-20, owner secops@example.com)", or why
   * nothing was added.
   */
  public String summary() {
    String terms =
        " (expires " + expires + ", " + (owner == null ? "no owner" : "owner " + owner) + ")";
    if (added > 0) {
      return created
          ? "Created " + allowlist + " with " + Counted.of(added, "entry", "entries") + terms
          : "Added " + Counted.of(added, "entry", "entries") + " to " + allowlist + terms;
    }
    String why;
    if (allowlistFindings + expiredFindings > 0) {
      why = "no violation that a new entry could accept";
    } else if (allowlisted > 0) {
      why = "every finding is allowlisted already (" + Counted.of(allowlisted, "finding") + ")";
    } else {
      why = "the audit found no violations";
    }
    return "Nothing to add: "
        + why
        + "; "
        + allowlist
        + (created ? " was not created" : " is unchanged");
  }

  /** What else was written: the schema beside a new allowlist. */
  public List<String> written() {
    return schema
        ? List.of("Wrote " + Schemas.ALLOWLIST_FILE + " beside it, the schema its first line names")
        : List.of();
  }

  /**
   * The violations left as they were, each kind with what to do about it; empty when every one was
   * accepted.
   */
  public List<String> notAdded() {
    List<String> lines = new ArrayList<>();
    if (allowlistFindings > 0) {
      lines.add(
          "Not added: "
              + Counted.of(allowlistFindings, "violation")
              + " of "
              + String.join(" and ", allowlistRules)
              + ": findings about the allowlist's own entries, which no entry can"
              + " accept; renew, correct or delete the entries they name");
    }
    if (expiredFindings > 0) {
      boolean one = expiredEntries.size() == 1;
      String entries =
          expiredEntries.stream()
              .map(at -> at.file() + ":" + at.line())
              .collect(Collectors.joining(", "));
      lines.add(
          "Not added: "
              + Counted.of(expiredFindings, "violation")
              + " that "
              + (one ? "an expired entry covers (" : "expired entries cover (")
              + entries
              + "): give "
              + (one ? "the entry a new expires date" : "the entries new expires dates")
              + ", or fix "
              + (expiredFindings == 1 ? "the finding" : "the findings")
              + " and delete "
              + (one ? "it" : "them"));
    }
    return lines;
  }
}
