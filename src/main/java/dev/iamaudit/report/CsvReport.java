package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.IdentityColumns;
import dev.iamaudit.audit.IdentityRows;
import dev.iamaudit.audit.IdentityRows.Verdict;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import dev.iamaudit.policy.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code iam-audit.csv}: one row per identity for spreadsheets, with the columns of the IBM seed
 * scripts in their order plus the identity's findings. Each column has a name of its own, so that a
 * reader that keys a row by its header (Python's {@code csv.DictReader}, pandas) keeps them all:
 * where the seed scripts name two columns {@code name}, the second, the owner's name for an API key
 * and the user's own for a user, is {@code owner_name}, and the {@code username} and {@code email}
 * beside it are {@code owner_username} and {@code owner_email}. Identities a finding names but the
 * account does not list follow the listed ones; the account comes last. The column {@code state},
 * after the seed scripts' columns, tells an API key that can no longer authenticate ({@code
 * disabled}, {@code expired}) from one that can ({@code active}), and a user who has not joined yet
 * ({@code pending}) from the rest.
 *
 * <p>The audit keeps each identity's columns as it judges it ({@link #identityColumns()}), so the
 * file is written from those rows, not from identities held in memory.
 */
public final class CsvReport implements ReportWriter {
  /** By severity, then rule; a rule's verdicts keep the order they were found in. */
  private static final Comparator<Verdict> REPORT_ORDER =
      Comparator.comparing(Verdict::severity).thenComparing(Verdict::rule);

  static final List<String> HEADER =
      List.of(
          "iam_id",
          "name",
          "last_authn",
          "type",
          "id",
          "owner_name",
          "owner_username",
          "owner_email",
          "created_by",
          "created_at",
          "locked",
          "authn_count",
          "state",
          "findings",
          "severity",
          "status");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String fileName() {
    return "iam-audit.csv";
  }

  @Override
  public IdentityColumns identityColumns() {
    return (identity, asOf, out) -> {
      CsvRow row = new CsvRow(out);
      writeIdentity(row, identity, identity.entity());
      row.add(state(identity, asOf));
    };
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    IdentityRows identities = result.identityRows();
    if (identities == null) {
      throw new IllegalStateException("the audit kept no identity rows for the CSV");
    }
    // The findings not made on being shown an identity (across identities, about the account), by
    // identity.
    Map<String, List<IdentityRows.Other>> others = new LinkedHashMap<>();
    List<Verdict> accountVerdicts = new ArrayList<>();
    for (IdentityRows.Other other : identities.others()) {
      if (other.entity().type() == IdentityType.ACCOUNT) {
        accountVerdicts.add(other.verdict());
      } else {
        others
            .computeIfAbsent(
                key(other.entity().type(), other.entity().id()), key -> new ArrayList<>())
            .add(other);
      }
    }
    TextOut csv = new TextOut(out);
    CsvRow row = new CsvRow(csv.text());
    for (String column : HEADER) {
      row.add(column);
    }
    row.end();
    List<Verdict> found = new ArrayList<>();
    for (IdentityRows.Row identity : identities.rows()) {
      row.fields(identity.columns());
      found.clear();
      found.addAll(identity.verdicts());
      List<IdentityRows.Other> more =
          others.isEmpty() ? null : others.remove(key(identity.type(), identity.id()));
      if (more != null) {
        more.forEach(other -> found.add(other.verdict()));
      }
      found.sort(REPORT_ORDER);
      writeFindings(row, found);
      csv.endLine();
    }
    for (List<IdentityRows.Other> unlisted : others.values()) {
      Entity entity = unlisted.get(0).entity();
      row.add(entity.iamId()).add(entity.name()).blank();
      writeEntity(row, entity);
      writeFindings(row, unlisted.stream().map(IdentityRows.Other::verdict).toList());
      csv.endLine();
    }
    row.blanks(3);
    writeEntity(row, Entity.account(result.accountId()));
    writeFindings(row, accountVerdicts);
    csv.flush();
  }

  private static String key(IdentityType type, String id) {
    return type.id() + ':' + id;
  }

  private static void writeIdentity(CsvRow row, Identity identity, Entity entity) {
    if (identity instanceof User user) {
      start(row, user.iamId(), user.name(), identity, entity);
      row.add(user.name())
          .add(user.username())
          .add(user.email())
          .blank()
          .add(user.addedOn())
          .blanks(2);
    } else if (identity instanceof ApiKey key) {
      start(row, key.iamId(), key.name(), identity, entity);
      row.add(key.owner().name())
          .add(key.owner().username())
          .add(key.owner().email())
          .add(key.createdBy())
          .add(key.createdAt())
          .add(key.locked())
          .add(key.authnCount());
    } else if (identity instanceof ServiceId serviceId) {
      start(row, serviceId.iamId(), serviceId.name(), identity, entity);
      row.blanks(4).add(serviceId.createdAt()).add(serviceId.locked()).blank();
    } else {
      Profile profile = (Profile) identity;
      start(row, profile.iamId(), profile.name(), identity, entity);
      row.blanks(4).add(profile.createdAt()).blanks(2);
    }
  }

  /** iam_id, name, last_authn, type and id. */
  private static void start(
      CsvRow row, String iamId, String name, Identity identity, Entity entity) {
    row.add(iamId).add(name);
    lastAuthn(row, identity.activity());
    row.add(entity.type().id()).add(entity.id());
  }

  /**
   * Type and id, then blanks up to the findings: what is known of an identity that only a finding
   * names.
   */
  private static void writeEntity(CsvRow row, Entity entity) {
    row.add(entity.type().id()).add(entity.id()).blanks(8);
  }

  /**
   * An API key's state as IBM would treat it, a user's as User Management has it; nothing for the
   * rest.
   */
  private static String state(Identity identity, Instant asOf) {
    if (identity instanceof ApiKey key) {
      return key.state(asOf).id();
    }
    if (identity instanceof User user && user.state() != null) {
      return user.state().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /**
   * Findings (rule ids), severity (the worst that counts) and status (violation, allowlisted,
   * pass), ending the row.
   */
  private static void writeFindings(CsvRow row, List<Verdict> findings) {
    if (findings.isEmpty()) {
      row.blanks(2).add("pass").end();
      return;
    }
    boolean violation = false;
    for (Verdict finding : findings) {
      violation |= finding.isViolation();
    }
    Severity worst = null;
    for (Verdict finding : findings) {
      if (finding.isViolation() == violation
          && (worst == null || finding.severity().compareTo(worst) < 0)) {
        worst = finding.severity();
      }
    }
    row.add(rules(findings)).add(worst.id()).add(violation ? "violation" : "allowlisted").end();
  }

  /** Each rule once, in the findings' order, separated by semicolons. */
  private static CharSequence rules(List<Verdict> findings) {
    if (findings.size() == 1) {
      return findings.get(0).rule();
    }
    StringBuilder rules = new StringBuilder(64);
    for (int i = 0; i < findings.size(); i++) {
      String rule = findings.get(i).rule();
      if (!seenBefore(findings, i, rule)) {
        rules.append(rules.length() == 0 ? "" : ";").append(rule);
      }
    }
    return rules;
  }

  private static boolean seenBefore(List<Verdict> findings, int index, String rule) {
    for (int i = 0; i < index; i++) {
      if (findings.get(i).rule().equals(rule)) {
        return true;
      }
    }
    return false;
  }

  /**
   * ISO date-time, "never" when the report says it never authenticated, blank when the report does
   * not say.
   */
  private static void lastAuthn(CsvRow row, Activity activity) {
    switch (activity.kind()) {
      case INACTIVE -> row.add(activity.lastAuthn());
      case NEVER -> row.add("never");
      case RECENT, UNKNOWN -> row.blank();
    }
  }
}
