package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The activity report: {@code POST} answers 202 with a reference, its polls answer 204 while it is
 * being built (see {@link Building}), then 200 with the report as of the moment it was triggered.
 * Only identities that did not authenticate within the duration are listed (duration 0 lists every
 * one), never-authenticated ones without {@code last_authn}. As IBM does, reports older than a day
 * are deleted when a new one is triggered.
 */
final class Reports {
  static final long DEFAULT_DURATION_HOURS = 720;
  private static final Duration RETENTION = Duration.ofDays(1);

  private record Report(
      String reference,
      Instant triggeredAt,
      long durationHours,
      String createdBy,
      Building building) {}

  private final SimulatedAccount account;
  private final Clock clock;
  private final SimulatorOptions options;
  private final long identities;
  private final Map<String, Report> reports = new ConcurrentHashMap<>();
  private final AtomicReference<Report> latest = new AtomicReference<>();
  private final Map<String, SimulatedAccount.ServiceId> serviceIdsByIamId = new HashMap<>();
  private final Map<String, SimulatedAccount.User> usersByIamId = new HashMap<>();

  Reports(SimulatedAccount account, Clock clock, SimulatorOptions options) {
    this.account = account;
    this.clock = clock;
    this.options = options;
    this.identities =
        (long) account.users().size()
            + account.serviceIds().size()
            + account.profiles().size()
            + account.apiKeys().size();
    account.serviceIds().forEach(service -> serviceIdsByIamId.put(service.iamId(), service));
    account.users().stream()
        .filter(user -> user.iamId() != null)
        .forEach(user -> usersByIamId.put(user.iamId(), user));
  }

  /** {@code POST /v1/activity/accounts/{account}/report?type=inactive&duration=H}. */
  Reply create(Call call, String accountId) {
    if (!account.accountId().equals(accountId)
        || !account.accountId().equals(call.caller().accountId())) {
      return forbidden(call, accountId);
    }
    String type = call.param("type");
    if (type != null && !type.equals("inactive")) {
      return Errors.iam(
          400,
          call,
          "invalid_parameter",
          "BXNIM0106E",
          "Validation of a property failed.",
          "Validation of property 'type' with value '"
              + type
              + "' failed. Valid values: inactive.");
    }
    long hours;
    try {
      hours =
          call.param("duration") == null
              ? DEFAULT_DURATION_HOURS
              : Long.parseLong(call.param("duration"));
    } catch (NumberFormatException e) {
      hours = -1;
    }
    if (hours < 0) {
      return Errors.iam(
          400,
          call,
          "invalid_parameter",
          "BXNIM0106E",
          "Validation of a property failed.",
          "Validation of property 'duration' with value '"
              + call.param("duration")
              + "' failed. Give a number of hours.");
    }
    Instant now = clock.instant();
    reports.values().removeIf(old -> old.triggeredAt().isBefore(now.minus(RETENTION)));
    Report report =
        new Report(
            UUID.randomUUID().toString(),
            now,
            hours,
            call.caller().iamId(),
            Building.started(options, now, identities));
    reports.put(report.reference(), report);
    latest.set(report);
    return Reply.json(
        202,
        json -> {
          json.writeStartObject();
          json.writeStringField("reference", report.reference());
          json.writeEndObject();
        });
  }

  /** {@code GET .../report/{reference}}, where {@code latest} is the last one triggered. */
  Reply get(Call call, String accountId, String reference) {
    if (!account.accountId().equals(accountId)
        || !account.accountId().equals(call.caller().accountId())) {
      return forbidden(call, accountId);
    }
    Report report = "latest".equals(reference) ? latest.get() : reports.get(reference);
    if (report == null || !reports.containsKey(report.reference())) {
      return Errors.iam(
          404,
          call,
          "not_found",
          "BXNIM0102E",
          "Unable to find object",
          "Report with reference "
              + reference
              + " not found for account "
              + accountId
              + "; it may have been replaced by a newer one.");
    }
    if (!report.building().built(clock.instant())) {
      return Reply.empty(204);
    }
    return Reply.streamed(200, json -> write(json, report));
  }

  private void write(JsonGenerator json, Report report) throws IOException {
    Instant end = report.triggeredAt();
    Instant start = end.minus(Duration.ofHours(report.durationHours()));
    json.writeStartObject();
    json.writeStringField("created_by", report.createdBy());
    json.writeStringField("reference", report.reference());
    json.writeStringField("report_duration", Long.toString(report.durationHours()));
    json.writeStringField("report_start_time", Resources.ibmTime(start));
    json.writeStringField("report_end_time", Resources.ibmTime(end));
    json.writeArrayFieldStart("users");
    for (SimulatedAccount.User user : account.users()) {
      // An invitation without an IAM id is no identity IAM could report on yet.
      if (user.iamId() != null && inactive(user.lastAuthn(), start)) {
        json.writeStartObject();
        json.writeStringField("iam_id", user.iamId());
        json.writeStringField("name", user.name());
        json.writeStringField("username", user.userId());
        optional(json, "email", user.email());
        lastAuthn(json, user.lastAuthn());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    json.writeArrayFieldStart("apikeys");
    for (SimulatedAccount.ApiKey key : account.apiKeys()) {
      if (inactive(key.lastAuthn(), start)) {
        apiKey(json, key);
      }
    }
    json.writeEndArray();
    json.writeArrayFieldStart("serviceids");
    for (SimulatedAccount.ServiceId service : account.serviceIds()) {
      if (inactive(service.lastAuthn(), start)) {
        entity(json, service.id(), service.name(), service.lastAuthn());
      }
    }
    json.writeEndArray();
    json.writeArrayFieldStart("profiles");
    for (SimulatedAccount.Profile profile : account.profiles()) {
      if (inactive(profile.lastAuthn(), start)) {
        entity(json, profile.id(), profile.name(), profile.lastAuthn());
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void apiKey(JsonGenerator json, SimulatedAccount.ApiKey key) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", key.id());
    json.writeStringField("name", key.name());
    if (key.ownedByServiceId()) {
      json.writeStringField("type", "serviceid");
      SimulatedAccount.ServiceId service = serviceIdsByIamId.get(key.iamId());
      json.writeObjectFieldStart("serviceid");
      json.writeStringField("id", service.id());
      json.writeStringField("name", service.name());
      json.writeEndObject();
    } else {
      json.writeStringField("type", "user");
      json.writeObjectFieldStart("user");
      json.writeStringField("iam_id", key.iamId());
      SimulatedAccount.User owner = usersByIamId.get(key.iamId());
      if (owner != null) {
        json.writeStringField("name", owner.name());
        json.writeStringField("username", owner.userId());
        optional(json, "email", owner.email());
      }
      json.writeEndObject();
    }
    lastAuthn(json, key.lastAuthn());
    json.writeEndObject();
  }

  private static void entity(JsonGenerator json, String id, String name, Instant lastAuthn)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("name", name);
    lastAuthn(json, lastAuthn);
    json.writeEndObject();
  }

  /** Not authenticated since the report window opened; never authenticated counts too. */
  private static boolean inactive(Instant lastAuthn, Instant windowStart) {
    return lastAuthn == null || !lastAuthn.isAfter(windowStart);
  }

  private static void lastAuthn(JsonGenerator json, Instant lastAuthn) throws IOException {
    if (lastAuthn != null) {
      json.writeStringField("last_authn", Resources.ibmTime(lastAuthn));
    }
  }

  private static void optional(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  private static Reply forbidden(Call call, String accountId) {
    return Errors.iam(
        403,
        call,
        "forbidden",
        "BXNIM0513E",
        "You are not authorized to perform this action.",
        "The token's account may not read the activity of account " + accountId + ".");
  }
}
