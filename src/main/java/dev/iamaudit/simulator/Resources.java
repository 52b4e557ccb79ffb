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
import java.util.List;

/**
 * IBM's JSON objects for the account's identities, field for field as the SDK models name them,
 * optional fields omitted when empty. Creation times come in the minutes form IBM shows ({@code
 * 2022-07-26T13:00+0000}), authentication times in the activity report's colon-millis form.
 */
final class Resources {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxx").withZone(ZoneOffset.UTC);

  /**
   * Every identity on a page gets an entity tag: one digest per thread, not one looked up per tag.
   */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  private Resources() {}

  static void apiKey(
      JsonGenerator json, SimulatedAccount account, SimulatedAccount.ApiKey key, boolean activity)
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
    if (key.expiresAt() != null) {
      json.writeStringField("expires_at", minutes(key.expiresAt()));
    }
    if (activity) {
      activity(json, key.lastAuthn(), key.authnCount());
    }
    json.writeEndObject();
  }

  static void serviceId(
      JsonGenerator json,
      SimulatedAccount account,
      SimulatedAccount.ServiceId service,
      boolean activity)
      throws IOException {
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

  static void profile(
      JsonGenerator json,
      SimulatedAccount account,
      SimulatedAccount.Profile profile,
      boolean activity)
      throws IOException {
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

  /**
   * User Management's UserProfile; {@code id} is a stable hash, {@code added_on} ISO-8601 (format
   * undocumented), no {@code iam_id} for an invitation that has none yet.
   */
  static void user(JsonGenerator json, SimulatedAccount account, SimulatedAccount.User user)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", user.profileId());
    optional(json, "iam_id", user.iamId());
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

  /**
   * AccountSettingsResponse: every required field, numbers as strings as IBM sends them; the
   * exempted users' names only with {@code resolve_user_mfa=true}.
   */
  static void settings(JsonGenerator json, SimulatedAccount account, boolean resolveUserMfa)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("context");
    json.writeEndObject();
    accountSettings(json, account, resolveUserMfa);
    json.writeEndObject();
  }

  /**
   * EffectiveAccountSettingsResponse: what is in force ({@code effective}), the account's own
   * settings, and the enterprise templates assigned to it with the settings each sets.
   */
  static void effectiveSettings(
      JsonGenerator json, SimulatedAccount account, boolean resolveUserMfa) throws IOException {
    SimulatedAccount.Settings own = account.settings();
    EffectiveSettings effective = EffectiveSettings.of(own);
    json.writeStartObject();
    json.writeObjectFieldStart("context");
    json.writeEndObject();
    json.writeStringField("account_id", account.accountId());
    json.writeObjectFieldStart("effective");
    json.writeStringField("restrict_create_service_id", effective.restrictCreateServiceId());
    json.writeStringField(
        "restrict_create_platform_apikey", effective.restrictCreatePlatformApikey());
    json.writeStringField("restrict_user_list_visibility", effective.restrictUserListVisibility());
    json.writeStringField("allowed_ip_addresses", effective.allowedIpAddresses());
    json.writeStringField("mfa", effective.mfa());
    userMfa(json, account, effective.userMfa(), resolveUserMfa);
    json.writeStringField("session_expiration_in_seconds", own.sessionExpirationInSeconds());
    json.writeStringField("session_invalidation_in_seconds", own.sessionInvalidationInSeconds());
    json.writeStringField("max_sessions_per_identity", own.maxSessionsPerIdentity());
    json.writeStringField(
        "system_access_token_expiration_in_seconds", own.systemAccessTokenExpirationInSeconds());
    json.writeStringField(
        "system_refresh_token_expiration_in_seconds", own.systemRefreshTokenExpirationInSeconds());
    json.writeEndObject();
    json.writeObjectFieldStart("account");
    accountSettings(json, account, resolveUserMfa);
    json.writeEndObject();
    if (!own.templates().isEmpty()) {
      json.writeArrayFieldStart("assigned_templates");
      for (SimulatedAccount.Template template : own.templates()) {
        json.writeStartObject();
        json.writeStringField("template_id", template.id());
        json.writeNumberField("template_version", template.version());
        json.writeStringField("template_name", template.name());
        optional(json, "restrict_create_service_id", template.restrictCreateServiceId());
        optional(json, "restrict_create_platform_apikey", template.restrictCreatePlatformApikey());
        optional(json, "allowed_ip_addresses", template.allowedIpAddresses());
        optional(json, "mfa", template.mfa());
        optional(json, "restrict_user_list_visibility", template.restrictUserListVisibility());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** The fields of AccountSettingsResponse after its {@code context}. */
  private static void accountSettings(
      JsonGenerator json, SimulatedAccount account, boolean resolveUserMfa) throws IOException {
    SimulatedAccount.Settings settings = account.settings();
    json.writeStringField("account_id", account.accountId());
    json.writeStringField("entity_tag", entityTag(account.accountId() + settings));
    json.writeStringField("restrict_create_service_id", settings.restrictCreateServiceId());
    json.writeStringField(
        "restrict_create_platform_apikey", settings.restrictCreatePlatformApikey());
    json.writeStringField("allowed_ip_addresses", settings.allowedIpAddresses());
    json.writeStringField("mfa", settings.mfa());
    userMfa(json, account, settings.userMfa(), resolveUserMfa);
    json.writeStringField("session_expiration_in_seconds", settings.sessionExpirationInSeconds());
    json.writeStringField(
        "session_invalidation_in_seconds", settings.sessionInvalidationInSeconds());
    json.writeStringField("max_sessions_per_identity", settings.maxSessionsPerIdentity());
    json.writeStringField(
        "system_access_token_expiration_in_seconds",
        settings.systemAccessTokenExpirationInSeconds());
    json.writeStringField(
        "system_refresh_token_expiration_in_seconds",
        settings.systemRefreshTokenExpirationInSeconds());
    json.writeStringField("restrict_user_list_visibility", settings.restrictUserListVisibility());
    json.writeArrayFieldStart("restrict_user_domains");
    json.writeEndArray();
  }

  /**
   * {@code user_mfa}: AccountSettingsUserMfaResponse, whose user name field IBM spells {@code
   * userName}.
   */
  private static void userMfa(
      JsonGenerator json,
      SimulatedAccount account,
      List<SimulatedAccount.UserMfa> entries,
      boolean resolve)
      throws IOException {
    json.writeArrayFieldStart("user_mfa");
    for (SimulatedAccount.UserMfa entry : entries) {
      json.writeStartObject();
      json.writeStringField("iam_id", entry.iamId());
      json.writeStringField("mfa", entry.mfa());
      SimulatedAccount.User user =
          resolve
              ? account.users().stream()
                  .filter(candidate -> entry.iamId().equals(candidate.iamId()))
                  .findFirst()
                  .orElse(null)
              : null;
      if (user != null) {
        json.writeStringField("name", user.name());
        json.writeStringField("userName", user.userId());
        optional(json, "email", user.email());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static String ibmTime(Instant instant) {
    return Timestamps.formatIbm(instant);
  }

  private static void activity(JsonGenerator json, Instant lastAuthn, long count)
      throws IOException {
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

  static String minutes(Instant instant) {
    return MINUTES.format(instant);
  }

  private static String crn(SimulatedAccount account, String type, String id) {
    return "crn:v1:bluemix:public:iam-identity::a/" + account.accountId() + "::" + type + ":" + id;
  }

  private static String entityTag(String seed) {
    return "1-" + hash(seed).substring(0, 32);
  }

  static String hash(String text) {
    return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
