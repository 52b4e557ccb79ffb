package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamaudit.inventory.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * IBM's JSON objects for the account's identities, field for field as the SDK models name them, optional fields
 * omitted when empty. Creation times come in the minutes form IBM shows ({@code 2022-07-26T13:00+0000}),
 * authentication times in the activity report's colon-millis form.
 */
final class Resources {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxx").withZone(ZoneOffset.UTC);

  private Resources() {}

  static void apiKey(JsonGenerator json, SimulatedAccount account, SimulatedAccount.ApiKey key, boolean activity)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", key.id());
    json.writeStringField("entity_tag", entityTag(key.id()));
    json.writeStringField("crn", crn(account, "apikey", key.id()));
    json.writeBooleanField("locked", key.locked());
    json.writeBooleanField("disabled", key.disabled());
    json.writeStringField("created_at", minutes(key.createdAt()));
    json.writeStringField("created_by", key.createdBy());
    json.writeStringField("modified_at", minutes(key.createdAt()));
    json.writeStringField("name", key.name());
    optional(json, "description", key.description());
    json.writeStringField("iam_id", key.iamId());
    json.writeStringField("account_id", account.accountId());
    optional(json, "action_when_leaked", key.actionWhenLeaked());
    if (activity) {
      activity(json, key.lastAuthn(), key.authnCount());
    }
    json.writeEndObject();
  }

  static void serviceId(JsonGenerator json, SimulatedAccount account, SimulatedAccount.ServiceId service,
      boolean activity) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", service.id());
    json.writeStringField("iam_id", service.iamId());
    json.writeStringField("entity_tag", entityTag(service.id()));
    json.writeStringField("crn", crn(account, "serviceid", service.id()));
    json.writeBooleanField("locked", service.locked());
    json.writeStringField("created_at", minutes(service.createdAt()));
    json.writeStringField("modified_at", minutes(service.createdAt()));
    json.writeStringField("account_id", account.accountId());
    json.writeStringField("name", service.name());
    optional(json, "description", service.description());
    if (activity) {
      activity(json, service.lastAuthn(), service.lastAuthn() == null ? 0 : 1);
    }
    json.writeEndObject();
  }

  static void profile(JsonGenerator json, SimulatedAccount account, SimulatedAccount.Profile profile,
      boolean activity) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", profile.id());
    json.writeStringField("entity_tag", entityTag(profile.id()));
    json.writeStringField("crn", crn(account, "profile", profile.id()));
    json.writeStringField("name", profile.name());
    optional(json, "description", profile.description());
    json.writeStringField("created_at", minutes(profile.createdAt()));
    json.writeStringField("modified_at", minutes(profile.createdAt()));
    json.writeStringField("iam_id", profile.iamId());
    json.writeStringField("account_id", account.accountId());
    if (activity) {
      activity(json, profile.lastAuthn(), profile.lastAuthn() == null ? 0 : 1);
    }
    json.writeEndObject();
  }

  /** User Management's UserProfile; {@code id} is a stable hash, {@code added_on} ISO-8601 (format undocumented). */
  static void user(JsonGenerator json, SimulatedAccount account, SimulatedAccount.User user) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", hash(user.iamId()).substring(0, 32));
    json.writeStringField("iam_id", user.iamId());
    json.writeStringField("realm", user.realm());
    json.writeStringField("user_id", user.userId());
    optional(json, "firstname", user.firstname());
    optional(json, "lastname", user.lastname());
    json.writeStringField("state", user.state());
    optional(json, "email", user.email());
    json.writeStringField("account_id", account.accountId());
    json.writeStringField("added_on", user.addedOn().truncatedTo(ChronoUnit.SECONDS).toString());
    json.writeEndObject();
  }

  /** AccountSettingsResponse: every required field, numbers as strings as IBM sends them. */
  static void settings(JsonGenerator json, SimulatedAccount account) throws IOException {
    SimulatedAccount.Settings settings = account.settings();
    json.writeStartObject();
    json.writeObjectFieldStart("context");
    json.writeEndObject();
    json.writeStringField("account_id", account.accountId());
    json.writeStringField("entity_tag", entityTag(account.accountId() + settings));
    json.writeStringField("restrict_create_service_id", settings.restrictCreateServiceId());
    json.writeStringField("restrict_create_platform_apikey", settings.restrictCreatePlatformApikey());
    json.writeStringField("allowed_ip_addresses", settings.allowedIpAddresses());
    json.writeStringField("mfa", settings.mfa());
    json.writeArrayFieldStart("user_mfa");
    json.writeEndArray();
    json.writeStringField("session_expiration_in_seconds", settings.sessionExpirationInSeconds());
    json.writeStringField("session_invalidation_in_seconds", settings.sessionInvalidationInSeconds());
    json.writeStringField("max_sessions_per_identity", settings.maxSessionsPerIdentity());
    json.writeStringField("system_access_token_expiration_in_seconds",
        settings.systemAccessTokenExpirationInSeconds());
    json.writeStringField("system_refresh_token_expiration_in_seconds",
        settings.systemRefreshTokenExpirationInSeconds());
    json.writeStringField("restrict_user_list_visibility", settings.restrictUserListVisibility());
    json.writeArrayFieldStart("restrict_user_domains");
    json.writeEndArray();
    json.writeEndObject();
  }

  static String ibmTime(Instant instant) {
    return Timestamps.formatIbm(instant);
  }

  private static void activity(JsonGenerator json, Instant lastAuthn, long count) throws IOException {
    json.writeObjectFieldStart("activity");
    if (lastAuthn != null) {
      json.writeStringField("last_authn", ibmTime(lastAuthn));
    }
    json.writeNumberField("authn_count", count);
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  private static String minutes(Instant instant) {
    return MINUTES.format(instant);
  }

  private static String crn(SimulatedAccount account, String type, String id) {
    return "crn:v1:bluemix:public:iam-identity::a/" + account.accountId() + "::" + type + ":" + id;
  }

  private static String entityTag(String seed) {
    return "1-" + hash(seed).substring(0, 32);
  }

  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
