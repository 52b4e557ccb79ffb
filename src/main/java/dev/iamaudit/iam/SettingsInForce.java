package dev.iamaudit.iam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.SettingsTemplate;
import dev.iamaudit.inventory.UserMfa;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The account's identity settings in force. In an enterprise child account a settings template may
 * enforce stricter values than the account's own, so the rules judge {@code GET
 * /v1/accounts/{id}/effective_settings/identity} ({@code effective}, with the account's own values
 * and the templates beside it). A key that may not read those (403) falls back to the account's own
 * settings, {@code GET /v1/accounts/{id}/settings/identity}, with a warning; the rules then say
 * what they judged.
 */
final class SettingsInForce {
  record UserMfaItem(
      String iamId,
      String mfa,
      String name,
      @JsonProperty("userName") String userName,
      String email) {}

  /**
   * {@code AccountSettingsResponse} and {@code AccountSettingsEffectiveSection}: the fields the
   * rules judge.
   */
  record SettingsBody(
      String accountId,
      String restrictCreateServiceId,
      String restrictCreatePlatformApikey,
      String allowedIpAddresses,
      String mfa,
      List<UserMfaItem> userMfa,
      String restrictUserListVisibility) {}

  /** {@code AccountSettingsAssignedTemplatesSection}: a template and the settings it sets. */
  record TemplateItem(
      String templateId,
      Long templateVersion,
      String templateName,
      String restrictCreateServiceId,
      String restrictCreatePlatformApikey,
      String allowedIpAddresses,
      String mfa,
      String restrictUserListVisibility) {}

  /** {@code EffectiveAccountSettingsResponse}. */
  record EffectiveBody(
      String accountId,
      SettingsBody effective,
      SettingsBody account,
      List<TemplateItem> assignedTemplates) {}

  /** The effective settings, or why IAM would not show them. */
  private record Answer(EffectiveBody body, String refusal) {}

  private final IamHttp http;
  private final String account;

  SettingsInForce(IamHttp http, String account) {
    this.http = http;
    this.account = account;
  }

  AccountSettings read(AuditListener out) {
    HttpUrl url = settingsUrl("effective_settings/identity");
    Request get = new Request.Builder().url(url).header("Accept", "application/json").build();
    Answer answer =
        http.send(
            get,
            (response, exchange) -> {
              if (response.code() == 403) {
                String detail = http.errorDetail(response).map(d -> " (" + d + ")").orElse("");
                return new Answer(
                    null,
                    "IAM answered 403 to "
                        + exchange.endpoint()
                        + detail
                        + ", so an enterprise settings template may enforce stricter values; grant"
                        + " the API key the Administrator role on the IAM Identity Service (IBM"
                        + " documents no narrower role for the effective settings)");
              }
              if (response.code() != 200) {
                throw http.unexpected(response, exchange);
              }
              return new Answer(
                  IamJson.read(
                      response.body().byteStream(), EffectiveBody.class, exchange.answer()),
                  null);
            });
    if (answer.refusal() != null) {
      out.warn("Judging the account's own identity settings: " + answer.refusal());
      AccountSettings own = own(answer.refusal());
      out.info("Fetched the account's own identity settings");
      return own;
    }
    EffectiveBody effective = answer.body();
    String where = "IAM's answer to GET " + url.encodedPath();
    if (effective.effective() == null) {
      throw new DataException(
          where + " has no effective settings; try again, and report it to IBM if it persists");
    }
    List<SettingsTemplate> templates =
        effective.assignedTemplates() == null
            ? List.of()
            : effective.assignedTemplates().stream()
                .filter(Objects::nonNull)
                .map(template -> template(template, where))
                .toList();
    AccountSettings settings =
        settings(
            effective.effective(),
            new AccountSettings.Origin(
                effective.account() == null ? Map.of() : values(effective.account()),
                templates,
                null),
            where);
    out.info(
        "Fetched the account identity settings in force"
            + (templates.isEmpty()
                ? ""
                : " (enterprise settings template"
                    + (templates.size() == 1 ? " " : "s ")
                    + templates.stream()
                        .map(SettingsTemplate::describe)
                        .collect(Collectors.joining(", "))
                    + ")"));
    return settings;
  }

  private AccountSettings own(String refusal) {
    HttpUrl url = settingsUrl("settings/identity");
    SettingsBody body = http.getJson(url, SettingsBody.class);
    return settings(
        body, AccountSettings.Origin.fallback(refusal), "IAM's answer to GET " + url.encodedPath());
  }

  private AccountSettings settings(SettingsBody body, AccountSettings.Origin origin, String where) {
    List<UserMfa> userMfa =
        body.userMfa() == null
            ? List.of()
            : body.userMfa().stream()
                .filter(Objects::nonNull)
                .map(
                    item -> {
                      if (item.iamId() == null || item.mfa() == null) {
                        throw new DataException(
                            where
                                + " lists a user_mfa entry without iam_id or mfa; report it to IBM"
                                + " if it persists");
                      }
                      return new UserMfa(
                          item.iamId(), item.mfa(), item.name(), item.userName(), item.email());
                    })
                .toList();
    return new AccountSettings(
        body.accountId() != null ? body.accountId() : account,
        body.restrictCreateServiceId(),
        body.restrictCreatePlatformApikey(),
        body.mfa(),
        body.restrictUserListVisibility(),
        body.allowedIpAddresses(),
        userMfa,
        origin);
  }

  /** The values by IBM's field name, as rules name them; absent ones left out. */
  private static Map<String, String> values(SettingsBody body) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "restrict_create_service_id", body.restrictCreateServiceId());
    put(values, "restrict_create_platform_apikey", body.restrictCreatePlatformApikey());
    put(values, "allowed_ip_addresses", body.allowedIpAddresses());
    put(values, "mfa", body.mfa());
    put(values, "restrict_user_list_visibility", body.restrictUserListVisibility());
    return values;
  }

  private static SettingsTemplate template(TemplateItem item, String where) {
    if (item.templateId() == null || item.templateId().isBlank()) {
      throw new DataException(
          where
              + " lists an assigned template without template_id; report it to IBM if it "
              + "persists");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    put(settings, "restrict_create_service_id", item.restrictCreateServiceId());
    put(settings, "restrict_create_platform_apikey", item.restrictCreatePlatformApikey());
    put(settings, "allowed_ip_addresses", item.allowedIpAddresses());
    put(settings, "mfa", item.mfa());
    put(settings, "restrict_user_list_visibility", item.restrictUserListVisibility());
    return new SettingsTemplate(
        item.templateId(), item.templateVersion(), item.templateName(), settings);
  }

  private static void put(Map<String, String> values, String field, String value) {
    if (value != null) {
      values.put(field, value);
    }
  }

  /**
   * With {@code resolve_user_mfa=true} IAM names the users of {@code user_mfa}, for the findings
   * about them.
   */
  private HttpUrl settingsUrl(String path) {
    return http.endpoints()
        .iam("v1/accounts")
        .newBuilder()
        .addPathSegment(account)
        .addPathSegments(path)
        .addQueryParameter("resolve_user_mfa", "true")
        .build();
  }
}
