package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MFA enrollment status report: {@code POST /v1/mfa/accounts/{account}/report?type=mfa_status}
 * answers 202 with a reference, its polls answer 204 while it is being built (see {@link Building},
 * which counts the account's users), then 200 with every member's requirement and whether they
 * enrolled for it. As IBM does, reports older than a day are deleted when a new one is triggered; a
 * key refused {@code mfa-report} gets 403 (IBM asks for the Administrator role on the IAM Identity
 * Service).
 */
final class MfaStatusReports {
  private static final Duration RETENTION = Duration.ofDays(1);

  private record Report(
      String reference, Instant triggeredAt, String createdBy, Building building) {}

  private final SimulatedAccount account;
  private final Clock clock;
  private final SimulatorOptions options;
  private final Map<String, Report> reports = new ConcurrentHashMap<>();

  MfaStatusReports(SimulatedAccount account, Clock clock, SimulatorOptions options) {
    this.account = account;
    this.clock = clock;
    this.options = options;
  }

  Reply create(Call call, String accountId) {
    Reply refused = refused(call, accountId);
    if (refused != null) {
      return refused;
    }
    String type = call.param("type");
    if (!"mfa_status".equals(type)) {
      return Errors.iam(
          400,
          call,
          "invalid_parameter",
          "BXNIM0106E",
          "Validation of a property failed.",
          "Validation of property 'type' with value '"
              + type
              + "' failed. Valid values: mfa_status.");
    }
    Instant now = clock.instant();
    reports.values().removeIf(old -> old.triggeredAt().isBefore(now.minus(RETENTION)));
    Report report =
        new Report(
            UUID.randomUUID().toString(),
            now,
            call.caller().iamId(),
            Building.started(options, now, account.users().size()));
    reports.put(report.reference(), report);
    return Reply.json(
        202,
        json -> {
          json.writeStartObject();
          json.writeStringField("reference", report.reference());
          json.writeEndObject();
        });
  }

  Reply get(Call call, String accountId, String reference) {
    Reply refused = refused(call, accountId);
    if (refused != null) {
      return refused;
    }
    Report report = reports.get(reference);
    if (report == null) {
      return Errors.iam(
          404,
          call,
          "not_found",
          "BXNIM0102E",
          "Unable to find object",
          "MFA report with reference " + reference + " not found for account " + accountId + ".");
    }
    if (!report.building().built(clock.instant())) {
      return Reply.empty(204);
    }
    return Reply.json(200, json -> write(json, report));
  }

  private Reply refused(Call call, String accountId) {
    if (!account.accountId().equals(accountId)
        || !account.accountId().equals(call.caller().accountId())
        || call.caller().refuses("mfa-report")) {
      return Errors.iam(
          403,
          call,
          "forbidden",
          "BXNIM0513E",
          "You are not authorized to perform this action.",
          "The token may not generate or read the MFA reports of account " + accountId + ".");
    }
    return null;
  }

  /** Members only: an invitation has no factors to enroll yet. */
  private void write(JsonGenerator json, Report report) throws IOException {
    EffectiveSettings settings = EffectiveSettings.of(account.settings());
    json.writeStartObject();
    json.writeStringField("created_by", report.createdBy());
    json.writeStringField("reference", report.reference());
    json.writeStringField(
        "report_time", report.triggeredAt().truncatedTo(ChronoUnit.SECONDS).toString());
    json.writeStringField("account_id", account.accountId());
    json.writeStringField(
        "ims_account_id",
        Long.toString(1_000_000L + Math.floorMod(account.accountId().hashCode(), 9_000_000)));
    json.writeArrayFieldStart("users");
    for (SimulatedAccount.User user : account.users()) {
      if (user.iamId() == null || !user.state().equals("ACTIVE")) {
        continue;
      }
      String own =
          settings.userMfa().stream()
              .filter(entry -> entry.iamId().equals(user.iamId()))
              .map(SimulatedAccount.UserMfa::mfa)
              .findFirst()
              .orElse(null);
      String trait = own != null ? own : settings.mfa();
      boolean required = !trait.equals("NONE") && !trait.equals("NONE_NO_ROPC");
      boolean complies = !required || user.enrolledForMfa();
      json.writeStartObject();
      json.writeStringField("iam_id", user.iamId());
      json.writeStringField("name", user.name());
      json.writeStringField("username", user.userId());
      if (user.email() != null) {
        json.writeStringField("email", user.email());
      }
      json.writeStringField("effective_mfa_type", "id_based_mfa");
      json.writeObjectFieldStart("id_based_mfa");
      json.writeStringField("trait_account_default", settings.mfa());
      if (own != null) {
        json.writeStringField("trait_user_specific", own);
      }
      json.writeStringField("trait_effective", trait);
      json.writeBooleanField("complies", complies);
      json.writeStringField("comply_state", complies ? "CROSS_ACCOUNT" : "NO");
      json.writeEndObject();
      json.writeObjectFieldStart("account_based_mfa");
      for (String factor : new String[] {"security_questions", "totp", "verisign"}) {
        json.writeObjectFieldStart(factor);
        json.writeBooleanField("required", false);
        json.writeBooleanField("enrolled", false);
        json.writeEndObject();
      }
      json.writeBooleanField("complies", true);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
