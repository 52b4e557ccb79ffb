package dev.iamaudit.iam;

import dev.iamaudit.inventory.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** IBM's exact JSON shapes (ibm-iam-api.md), with values of a small test account. */
final class IbmFixtures {
  static final String API_KEY = "Xy9Wv8Ut7Sr6Qp5On4Ml3Kj2Ih1Gf0Ed-Cb_Aa12345";
  static final String ACCOUNT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  static final String USER_IAM_ID = "IBMid-550000ABCD";
  static final String SERVICE_ID = "ServiceId-77e4e5ca-1234-4bcd-9a0e-5f3c2b1a0d9e";
  static final String SERVICE_IAM_ID = "iam-" + SERVICE_ID;

  private IbmFixtures() {}

  /** A JWT-shaped token whose payload names the account in {@code account.bss}, as IAM's does. */
  static String jwt(String account) {
    return b64("{\"kid\":\"20240101\",\"alg\":\"RS256\"}")
        + "."
        + b64(
            "{\"iam_id\":\""
                + USER_IAM_ID
                + "\",\"id\":\""
                + USER_IAM_ID
                + "\",\"realmid\":\"IBMid\",\"sub\":\"jane@example.com\",\"account\":"
                + "{\"valid\":true,\"bss\":\""
                + account
                + "\",\"frozen\":true},\"iat\":1767225600,\"exp\":1767229200,"
                + "\"iss\":\"https://iam.cloud.ibm.com/identity\",\"grant_type\":\"urn:ibm:params:oauth:grant-type:apikey\",\"scope\":\"ibm"
                + " openid\",\"client_id\":\"default\"}")
        + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
  }

  static String tokenBody(String accessToken, long expiresIn) {
    return "{\"access_token\":\""
        + accessToken
        + "\",\"refresh_token\":\"not_supported\",\"ims_user_id\":11850490,"
        + "\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn
        + ",\"expiration\":1767229200,"
        + "\"scope\":\"ibm openid\"}";
  }

  static String wrongKey() {
    return "{\"context\":{\"requestId\":\"cmF0ZWxpbWl0\",\"requestType\":\"incoming.Identity_Token\","
               + "\"userAgent\":\"okhttp\",\"url\":\"https://iam.cloud.ibm.com\",\"instanceId\":\"iamid-10\",\"threadId\":\"5ba2\",\"host\":\"iamid-10\",\"startTime\":\"01.01.2026"
               + " 00:00:00:000 UTC\",\"endTime\":\"01.01.2026 00:00:00:016"
               + " UTC\",\"elapsedTime\":\"16\",\"locale\":\"en_US\","
               + "\"clusterName\":\"iam-id-prod-us-south-dal10\"},\"errorCode\":\"BXNIM0415E\",\"errorMessage\":\"Provided"
               + " API key could not be found.\"}";
  }

  static String apiKey(String id, String name, String iamId, String createdAt, String leaked) {
    return apiKey(id, name, iamId, createdAt, leaked, false, null);
  }

  /**
   * A key that may be disabled, or carry {@code expires_at} in IBM's {@code yyyy-MM-ddTHH:mm+0000}.
   */
  static String apiKey(
      String id,
      String name,
      String iamId,
      String createdAt,
      String leaked,
      boolean disabled,
      String expiresAt) {
    return "{\"id\":\""
        + id
        + "\",\"entity_tag\":\"1-7b2c\",\"crn\":\"crn:v1:bluemix:public:iam-identity::a/"
        + ACCOUNT
        + "::apikey:"
        + id
        + "\",\"locked\":false,\"disabled\":"
        + disabled
        + (expiresAt == null ? "" : ",\"expires_at\":\"" + expiresAt + "\"")
        + ",\"created_at\":\""
        + createdAt
        + "\",\"created_by\":\""
        + USER_IAM_ID
        + "\",\"modified_at\":\""
        + createdAt
        + "\",\"name\":\""
        + name
        + "\",\"support_sessions\":false,\"action_when_leaked\":\""
        + leaked
        + "\",\"description\":\"\","
        + "\"iam_id\":\""
        + iamId
        + "\",\"account_id\":\""
        + ACCOUNT
        + "\"}";
  }

  /** An API key list page; {@code next} is a full URL on IBM's host, as IAM sends it. */
  static String apiKeyPage(String nextToken, String... keys) {
    return "{\"context\":{\"transaction_id\":\"tx-1\"},\"offset\":0,\"limit\":100,\"first\":"
        + "\"https://iam.cloud.ibm.com/v1/apikeys?account_id="
        + ACCOUNT
        + "&scope=account&pagesize=100\""
        + (nextToken == null
            ? ""
            : ",\"next\":\"https://iam.cloud.ibm.com/v1/apikeys?account_id="
                + ACCOUNT
                + "&pagesize=100&pagetoken="
                + nextToken
                + "\"")
        + ",\"apikeys\":["
        + String.join(",", keys)
        + "]}";
  }

  static String serviceIdPage(String... items) {
    return "{\"offset\":0,\"limit\":100,\"first\":\"https://iam.cloud.ibm.com/v1/serviceids/?account_id="
        + ACCOUNT
        + "\",\"serviceids\":["
        + String.join(",", items)
        + "]}";
  }

  static String serviceId(String id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"iam_id\":\"iam-"
        + id
        + "\",\"entity_tag\":\"1-aa\",\"crn\":\"crn:v1:bluemix:"
        + "public:iam-identity::a/"
        + ACCOUNT
        + "::serviceid:"
        + id
        + "\",\"locked\":false,\"created_at\":"
        + "\"2023-01-05T10:00+0000\",\"modified_at\":\"2023-01-05T10:00+0000\",\"account_id\":\""
        + ACCOUNT
        + "\",\"name\":\""
        + name
        + "\",\"description\":\"deploys\"}";
  }

  static String profilePage(String... items) {
    return "{\"offset\":0,\"limit\":100,\"first\":\"https://iam.cloud.ibm.com/v1/profiles?account_id="
        + ACCOUNT
        + "\",\"profiles\":["
        + String.join(",", items)
        + "]}";
  }

  static String profile(String id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"entity_tag\":\"1-bb\",\"crn\":\"crn:v1:bluemix:public:iam-identity::a/"
        + ACCOUNT
        + "::profile:"
        + id
        + "\",\"name\":\""
        + name
        + "\",\"created_at\":\"2023-02-01T08:30+0000\","
        + "\"modified_at\":\"2023-02-01T08:30+0000\",\"iam_id\":\"iam-"
        + id
        + "\",\"account_id\":\""
        + ACCOUNT
        + "\",\"ims_account_id\":0,\"ims_user_id\":0}";
  }

  static String userPage(String nextUrl, String... users) {
    return "{\"total_results\":3,\"limit\":100,\"first_url\":\"/v2/accounts/"
        + ACCOUNT
        + "/users\""
        + (nextUrl == null ? "" : ",\"next_url\":\"" + nextUrl + "\"")
        + ",\"resources\":["
        + String.join(",", users)
        + "]}";
  }

  static String user(String iamId, String first, String last, String email, String addedOn) {
    return "{\"id\":\""
        + iamId.toLowerCase()
        + "-id\",\"iam_id\":\""
        + iamId
        + "\",\"realm\":\"IBMid\","
        + "\"user_id\":\""
        + email
        + "\",\"firstname\":\""
        + first
        + "\",\"lastname\":\""
        + last
        + "\","
        + "\"state\":\"ACTIVE\",\"email\":\""
        + email
        + "\",\"phonenumber\":\"\",\"altphonenumber\":\"\","
        + "\"photo\":\"\",\"account_id\":\""
        + ACCOUNT
        + "\",\"added_on\":\""
        + addedOn
        + "\"}";
  }

  /** A pending invitation as User Management may list it: no {@code iam_id} yet, and no names. */
  static String invitation(String profileId, String email, String addedOn) {
    return "{\"id\":\""
        + profileId
        + "\",\"realm\":\"IBMid\",\"user_id\":\""
        + email
        + "\",\"state\":\"PENDING\","
        + "\"email\":\""
        + email
        + "\",\"account_id\":\""
        + ACCOUNT
        + "\",\"added_on\":\""
        + addedOn
        + "\"}";
  }

  static String settings() {
    return "{\"context\":{\"transaction_id\":\"tx-9\"},\"account_id\":\""
        + ACCOUNT
        + "\",\"entity_tag\":\"3-cc\","
        + "\"restrict_create_service_id\":\"NOT_RESTRICTED\",\"restrict_create_platform_apikey\":\"RESTRICTED\","
        + "\"allowed_ip_addresses\":\"\",\"mfa\":\"NONE\",\"session_expiration_in_seconds\":\"86400\","
        + "\"session_invalidation_in_seconds\":\"7200\",\"max_sessions_per_identity\":\"NOT_SET\","
        + "\"system_access_token_expiration_in_seconds\":\"3600\","
        + "\"system_refresh_token_expiration_in_seconds\":\"259200\",\"restrict_user_list_visibility\":"
        + "\"NOT_RESTRICTED\",\"user_mfa\":[],\"restrict_user_domains\":[]}";
  }

  /** {@code GET /v1/serviceid_groups}: IBM answers with every group at once, no paging. */
  static String serviceIdGroups(String... groups) {
    return "{\"serviceid_groups\":[" + String.join(",", groups) + "]}";
  }

  static String serviceIdGroup(String id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"entity_tag\":\"1-c0\",\"account_id\":\""
        + ACCOUNT
        + "\",\"crn\":"
        + "\"crn:v1:bluemix:public:iam-identity::a/"
        + ACCOUNT
        + "::serviceid-group:"
        + id
        + "\",\"name\":\""
        + name
        + "\",\"description\":\"grouped\",\"created_at\":\"2025-01-10T09:00+0000\",\"created_by\":\""
        + USER_IAM_ID
        + "\",\"modified_at\":\"2025-01-10T09:00+0000\"}";
  }

  /**
   * {@code GET .../effective_settings/identity}: the settings in force, the account's own ({@link
   * #settings()}, whose mfa is NONE) and the assigned templates.
   */
  static String effectiveSettings(String effectiveMfa, String userMfa, String templates) {
    return "{\"context\":{\"transaction_id\":\"tx-e\"},\"account_id\":\""
        + ACCOUNT
        + "\",\"effective\":{"
        + "\"restrict_create_service_id\":\"NOT_RESTRICTED\",\"restrict_create_platform_apikey\":\"RESTRICTED\","
        + "\"restrict_user_list_visibility\":\"NOT_RESTRICTED\",\"allowed_ip_addresses\":\"\",\"mfa\":\""
        + effectiveMfa
        + "\",\"user_mfa\":["
        + userMfa
        + "],\"session_expiration_in_seconds\":\"86400\","
        + "\"session_invalidation_in_seconds\":\"7200\",\"max_sessions_per_identity\":\"NOT_SET\","
        + "\"system_access_token_expiration_in_seconds\":\"3600\","
        + "\"system_refresh_token_expiration_in_seconds\":\"259200\"},\"account\":"
        + settings()
        + (templates == null ? "" : ",\"assigned_templates\":[" + templates + "]")
        + "}";
  }

  /**
   * One {@code user_mfa} entry as IAM resolves it ({@code resolve_user_mfa=true}); note IBM's
   * {@code userName}.
   */
  static String userMfa(String iamId, String mfa, String name, String userName) {
    return "{\"iam_id\":\""
        + iamId
        + "\",\"mfa\":\""
        + mfa
        + "\",\"name\":\""
        + name
        + "\",\"userName\":\""
        + userName
        + "\",\"email\":\""
        + userName
        + "\"}";
  }

  static String template(String id, long version, String name, String mfa) {
    return "{\"template_id\":\""
        + id
        + "\",\"template_version\":"
        + version
        + ",\"template_name\":\""
        + name
        + "\",\"mfa\":\""
        + mfa
        + "\",\"session_expiration_in_seconds\":\"7200\"}";
  }

  /** {@code GET /v1/mfa/accounts/{account}/report/{reference}}: IBM's ReportMfaEnrollmentStatus. */
  static String mfaReport(String reference, String... users) {
    return "{\"created_by\":\""
        + USER_IAM_ID
        + "\",\"reference\":\""
        + reference
        + "\",\"report_time\":"
        + "\"2025-12-31T23:30:00Z\",\"account_id\":\""
        + ACCOUNT
        + "\",\"ims_account_id\":\"2045566\",\"users\":["
        + String.join(",", users)
        + "]}";
  }

  /**
   * One user of the MFA report: ID-based MFA {@code trait}, enrolled or not; account-based MFA not
   * required.
   */
  static String mfaUser(
      String iamId, String name, String username, String trait, boolean complies) {
    String notRequired = "{\"required\":false,\"enrolled\":false}";
    return "{\"iam_id\":\""
        + iamId
        + "\",\"name\":\""
        + name
        + "\",\"username\":\""
        + username
        + "\",\"email\":\""
        + username
        + "\",\"effective_mfa_type\":\"id_based_mfa\",\"id_based_mfa\":{\"trait_account_default\":\""
        + trait
        + "\",\"trait_effective\":\""
        + trait
        + "\",\"complies\":"
        + complies
        + ",\"comply_state\":\""
        + (complies ? "CROSS_ACCOUNT" : "NO")
        + "\"},\"account_based_mfa\":{\"security_questions\":"
        + notRequired
        + ",\"totp\":"
        + notRequired
        + ",\"verisign\":"
        + notRequired
        + ",\"complies\":true}}";
  }

  /**
   * A report of {@code hours} ending at {@code end}, in IBM's shape with the colon-millis
   * timestamps.
   */
  static String report(
      String reference,
      long hours,
      String end,
      String users,
      String apikeys,
      String serviceids,
      String profiles) {
    return "{\"created_by\":\""
        + USER_IAM_ID
        + "\",\"reference\":\""
        + reference
        + "\",\"report_duration\":\""
        + hours
        + "\",\"report_start_time\":\""
        + Timestamps.formatIbm(Timestamps.parse(end).minus(Duration.ofHours(hours)))
        + "\",\"report_end_time\":\""
        + end
        + "\",\"users\":["
        + users
        + "],\"apikeys\":["
        + apikeys
        + "],\"serviceids\":["
        + serviceids
        + "],\"profiles\":["
        + profiles
        + "]}";
  }

  static String emptyReport(String reference, long hours, String end) {
    return report(reference, hours, end, "", "", "", "");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
