package dev.iamaudit.report;

import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code iam-audit.csv}: one row per identity for spreadsheets, with the columns of the IBM seed scripts (the
 * second {@code name} is the owner's for an API key, the user's own for a user) plus the identity's findings.
 * Identities a finding names but the inventory does not list follow the inventory; the account comes last.
 */
public final class CsvReport implements ReportWriter {
  static final List<String> HEADER = List.of("iam_id", "name", "last_authn", "type", "id", "name", "username",
      "email", "created_by", "created_at", "locked", "authn_count", "findings", "severity", "status");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String fileName() {
    return "iam-audit.csv";
  }

  @Override
  public void write(AuditResult result, OutputStream out) throws IOException {
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      findings.computeIfAbsent(key(finding.entity()), key -> new ArrayList<>()).add(finding);
    }
    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CsvRow.write(csv, HEADER);
    Iterator<Identity> identities = result.inventory().identities().iterator();
    while (identities.hasNext()) {
      Identity identity = identities.next();
      CsvRow.write(csv, row(identity, findings.remove(key(identity.entity()))));
    }
    Entity account = result.inventory().accountEntity();
    List<Finding> accountFindings = findings.remove(key(account));
    for (List<Finding> rest : findings.values()) {
      Entity entity = rest.get(0).entity();
      CsvRow.write(csv, withFindings(columns(entity.iamId(), entity.name(), null, entity, null, null, null, null,
          null, null, null), rest));
    }
    CsvRow.write(csv, withFindings(columns(null, null, null, account, null, null, null, null, null, null, null),
        accountFindings));
    csv.flush();
  }

  private static List<String> row(Identity identity, List<Finding> findings) {
    Entity entity = identity.entity();
    String lastAuthn = lastAuthn(identity.activity());
    List<String> columns;
    if (identity instanceof User user) {
      columns = columns(user.iamId(), user.name(), lastAuthn, entity, user.name(), user.username(), user.email(),
          null, user.addedOn(), null, null);
    } else if (identity instanceof ApiKey key) {
      columns = columns(key.iamId(), key.name(), lastAuthn, entity, key.ownerName(), key.ownerUsername(),
          key.ownerEmail(), key.createdBy(), key.createdAt(), key.locked(), key.authnCount());
    } else if (identity instanceof ServiceId serviceId) {
      columns = columns(serviceId.iamId(), serviceId.name(), lastAuthn, entity, null, null, null, null,
          serviceId.createdAt(), serviceId.locked(), null);
    } else {
      Profile profile = (Profile) identity;
      columns = columns(profile.iamId(), profile.name(), lastAuthn, entity, null, null, null, null,
          profile.createdAt(), null, null);
    }
    return withFindings(columns, findings);
  }

  private static List<String> columns(String iamId, String name, String lastAuthn, Entity entity, String ownerName,
      String username, String email, String createdBy, Instant createdAt, Boolean locked, Long authnCount) {
    return new ArrayList<>(Arrays.asList(iamId, name, lastAuthn, entity.type().id(), entity.id(), ownerName,
        username, email, createdBy, text(createdAt), text(locked), text(authnCount)));
  }

  /** Appends findings (rule ids), severity (the worst that counts) and status (violation, allowlisted, pass). */
  private static List<String> withFindings(List<String> columns, List<Finding> findings) {
    if (findings == null || findings.isEmpty()) {
      columns.addAll(Arrays.asList("", "", "pass"));
      return columns;
    }
    boolean violation = findings.stream().anyMatch(Finding::isViolation);
    columns.add(findings.stream().map(Finding::rule).distinct().collect(Collectors.joining(";")));
    columns.add(findings.stream().filter(f -> f.isViolation() == violation).map(Finding::severity).sorted()
        .findFirst().orElseThrow().id());
    columns.add(violation ? "violation" : "allowlisted");
    return columns;
  }

  /** ISO date-time, "never" when the report says it never authenticated, blank when the report does not say. */
  private static String lastAuthn(Activity activity) {
    return switch (activity.kind()) {
      case INACTIVE -> activity.lastAuthn().toString();
      case NEVER -> "never";
      case RECENT, UNKNOWN -> null;
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String key(Entity entity) {
    return entity.type() == IdentityType.ACCOUNT ? "account" : entity.type().id() + ":" + entity.id();
  }
}
