package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.policy.FilePosition;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines both front ends print after a baseline, for each way it can end. */
class BaselineOutcomeTest {
  private static final LocalDate EXPIRES = LocalDate.of(2027, 2, 22);
  private static final FilePosition FIRST = new FilePosition("iam-allowlist.yml", 3, 3);
  private static final FilePosition SECOND = new FilePosition("iam-allowlist.yml", 9, 3);

  private static BaselineOutcome outcome(
      boolean created,
      int added,
      String owner,
      long allowlisted,
      List<String> rules,
      long own,
      List<FilePosition> expired,
      long covered) {
    return new BaselineOutcome(
        "iam-allowlist.yml",
        created,
        false,
        added,
        EXPIRES,
        owner,
        allowlisted,
        rules,
        own,
        expired,
        covered);
  }

  @Test
  void oneEntryAddedIsOneEntry() {
    assertEquals(
        "Added 1 entry to iam-allowlist.yml (expires 2027-02-22, owner ops)",
        outcome(false, 1, "ops", 0, List.of(), 0, List.of(), 0).summary());
    assertEquals(
        "Created iam-allowlist.yml with 1 entry (expires 2027-02-22, no owner)",
        outcome(true, 1, null, 0, List.of(), 0, List.of(), 0).summary());
  }

  @Test
  void nothingToAddSaysWhy() {
    assertEquals(
        "Nothing to add: the audit found no violations; iam-allowlist.yml was not created",
        outcome(true, 0, null, 0, List.of(), 0, List.of(), 0).summary());
    assertEquals(
        "Nothing to add: every finding is allowlisted already (1 finding); iam-allowlist.yml is"
            + " unchanged",
        outcome(false, 0, null, 1, List.of(), 0, List.of(), 0).summary());
    assertEquals(
        "Nothing to add: no violation that a new entry could accept; iam-allowlist.yml is"
            + " unchanged",
        outcome(false, 0, null, 4, List.of("allowlist-unused"), 1, List.of(), 0).summary());
  }

  @Test
  void whatWasNotAddedNamesTheEntriesToLookAt() {
    assertEquals(
        List.of(
            "Not added: 1 violation of allowlist-unused: findings about the allowlist's own"
                + " entries, which no entry can accept; renew, correct or delete the entries they"
                + " name",
            "Not added: 3 violations that expired entries cover (iam-allowlist.yml:3,"
                + " iam-allowlist.yml:9): give the entries new expires dates, or fix the findings"
                + " and delete them"),
        outcome(false, 2, null, 0, List.of("allowlist-unused"), 1, List.of(FIRST, SECOND), 3)
            .notAdded());
    assertEquals(List.of(), outcome(false, 2, null, 0, List.of(), 0, List.of(), 0).notAdded());
  }
}
