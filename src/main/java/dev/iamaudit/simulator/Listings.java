package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The listing and detail endpoints of IAM Identity and User Management, with IBM's two pagination
 * styles: IAM's {@code pagesize}/{@code pagetoken} with full-URL {@code first}/{@code next}/{@code
 * previous} links, and User Management's {@code limit}/{@code _start} with relative {@code
 * first_url}/{@code next_url}. The indexes are built once so a page of a million-key account costs
 * no more than a page of ten.
 */
final class Listings {
  private static final int IAM_DEFAULT_PAGE = 20;
  private static final int USERS_DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 100;

  /** Writes one element of a page. */
  @FunctionalInterface
  private interface ItemWriter<T> {
    void write(JsonGenerator json, T item) throws IOException;
  }

  private final SimulatedAccount account;
  private final URI baseUrl;
  private final List<SimulatedAccount.ApiKey> userKeys;
  private final List<SimulatedAccount.ApiKey> serviceKeys;
  private final Map<String, List<SimulatedAccount.ApiKey>> keysByIamId;
  private final Map<String, SimulatedAccount.ApiKey> keysById;
  private final Map<String, SimulatedAccount.ServiceId> serviceIdsById;
  private final Map<String, SimulatedAccount.Profile> profilesById;

  /** The group of each service ID's IAM id; absent for the default group. */
  private final Map<String, String> groupByServiceIamId = new HashMap<>();

  /** The account-wide key listings by type and group, as first asked for. */
  private final Map<List<String>, List<SimulatedAccount.ApiKey>> accountKeys =
      new ConcurrentHashMap<>();

  private final Map<Optional<String>, List<SimulatedAccount.ServiceId>> serviceIdsByGroup =
      new ConcurrentHashMap<>();

  Listings(SimulatedAccount account, URI baseUrl) {
    this.account = account;
    this.baseUrl = baseUrl;
    this.userKeys = account.apiKeys().stream().filter(key -> !key.ownedByServiceId()).toList();
    this.serviceKeys =
        account.apiKeys().stream().filter(SimulatedAccount.ApiKey::ownedByServiceId).toList();
    this.keysByIamId =
        account.apiKeys().stream().collect(Collectors.groupingBy(SimulatedAccount.ApiKey::iamId));
    this.keysById = index(account.apiKeys(), SimulatedAccount.ApiKey::id);
    this.serviceIdsById = index(account.serviceIds(), SimulatedAccount.ServiceId::id);
    this.profilesById = index(account.profiles(), SimulatedAccount.Profile::id);
    account.serviceIds().stream()
        .filter(service -> service.groupId() != null)
        .forEach(service -> groupByServiceIamId.put(service.iamId(), service.groupId()));
  }

  /**
   * {@code GET /v1/apikeys}: {@code scope=account} lists the whole account, the default only one
   * identity's. Service ID keys come from the group {@code group_id} names, the default group
   * without it; user keys ignore the group.
   */
  Reply apiKeys(Call call) {
    Optional<Reply> refused = checkAccount(call, call.param("account_id"));
    if (refused.isPresent()) {
      return refused.get();
    }
    String type = call.param("type");
    if (type != null && !type.equals("user") && !type.equals("serviceid")) {
      return badParameter(call, "type", type, "user or serviceid");
    }
    String iamId = call.param("iam_id");
    if (iamId == null && !"account".equals(call.param("scope"))) {
      iamId = call.caller().iamId();
    }
    String group = call.param("group_id");
    List<SimulatedAccount.ApiKey> keys;
    if (iamId != null) {
      keys =
          inGroup(
              keysByIamId.getOrDefault(iamId, List.of()).stream()
                  .filter(
                      key ->
                          type == null
                              || type.equals(key.ownedByServiceId() ? "serviceid" : "user"))
                  .toList(),
              group);
    } else {
      // Every page of a listing filters the same keys: filtered once, a page costs no more than its
      // hundred keys.
      keys =
          accountKeys.computeIfAbsent(
              Arrays.asList(type, group),
              filter ->
                  inGroup(
                      type == null
                          ? account.apiKeys()
                          : type.equals("user") ? userKeys : serviceKeys,
                      group));
    }
    return iamPage(
        call, "apikeys", keys, (json, key) -> Resources.apiKey(json, account, key, false));
  }

  /** User keys, and the service ID keys of the group (the default group for null). */
  private List<SimulatedAccount.ApiKey> inGroup(List<SimulatedAccount.ApiKey> keys, String group) {
    return keys.stream()
        .filter(
            key ->
                !key.ownedByServiceId()
                    || Objects.equals(group, groupByServiceIamId.get(key.iamId())))
        .toList();
  }

  /**
   * {@code GET /v1/serviceids/}: {@code account_id} is required unless a page token is given; the
   * service IDs of the group {@code group_id} names, of the default group without it.
   */
  Reply serviceIds(Call call) {
    String group = call.param("group_id");
    List<SimulatedAccount.ServiceId> inGroup =
        serviceIdsByGroup.computeIfAbsent(
            Optional.ofNullable(group),
            key ->
                account.serviceIds().stream()
                    .filter(service -> Objects.equals(group, service.groupId()))
                    .toList());
    return accountListing(
        call,
        "serviceids",
        inGroup,
        (json, service) -> Resources.serviceId(json, account, service, false));
  }

  /** {@code GET /v1/serviceid_groups}: the groups other than the default one, unpaged. */
  Reply serviceIdGroups(Call call) {
    return checkAccount(call, call.param("account_id"))
        .orElseGet(
            () ->
                Reply.json(
                    200,
                    json -> {
                      json.writeStartObject();
                      json.writeArrayFieldStart("serviceid_groups");
                      for (SimulatedAccount.ServiceIdGroup group : account.serviceIdGroups()) {
                        json.writeStartObject();
                        json.writeStringField("id", group.id());
                        json.writeStringField(
                            "entity_tag", "1-" + Resources.hash(group.id()).substring(0, 32));
                        json.writeStringField("account_id", account.accountId());
                        json.writeStringField(
                            "crn",
                            "crn:v1:bluemix:public:iam-identity::a/"
                                + account.accountId()
                                + "::serviceid-group:"
                                + group.id());
                        json.writeStringField("name", group.name());
                        if (group.description() != null) {
                          json.writeStringField("description", group.description());
                        }
                        json.writeStringField("created_at", Resources.minutes(group.createdAt()));
                        json.writeStringField("created_by", group.createdBy());
                        json.writeStringField("modified_at", Resources.minutes(group.createdAt()));
                        json.writeEndObject();
                      }
                      json.writeEndArray();
                      json.writeEndObject();
                    }));
  }

  /** {@code GET /v1/profiles}. */
  Reply profiles(Call call) {
    return accountListing(
        call,
        "profiles",
        account.profiles(),
        (json, profile) -> Resources.profile(json, account, profile, false));
  }

  /** {@code GET /v1/apikeys/{id}}, with {@code activity} when {@code include_activity=true}. */
  Reply apiKey(Call call, String id) {
    return detail(
        call,
        "ApiKey",
        keysById.get(id),
        id,
        (json, key) -> Resources.apiKey(json, account, key, includeActivity(call)));
  }

  Reply serviceId(Call call, String id) {
    return detail(
        call,
        "ServiceId",
        serviceIdsById.get(id),
        id,
        (json, service) -> Resources.serviceId(json, account, service, includeActivity(call)));
  }

  Reply profile(Call call, String id) {
    return detail(
        call,
        "Profile",
        profilesById.get(id),
        id,
        (json, profile) -> Resources.profile(json, account, profile, includeActivity(call)));
  }

  /** {@code GET /v1/accounts/{account}/settings/identity}. */
  Reply settings(Call call, String accountId) {
    return checkAccount(call, accountId)
        .orElseGet(
            () -> Reply.json(200, json -> Resources.settings(json, account, resolveUserMfa(call))));
  }

  /**
   * {@code GET /v1/accounts/{account}/effective_settings/identity}: 403 to a key without the role
   * for it.
   */
  Reply effectiveSettings(Call call, String accountId) {
    if (call.caller().refuses("effective-settings")) {
      return Errors.iam(
          403,
          call,
          "forbidden",
          "BXNIM0513E",
          "You are not authorized to perform this action.",
          "The token may not read the effective settings of account " + accountId + ".");
    }
    return checkAccount(call, accountId)
        .orElseGet(
            () ->
                Reply.json(
                    200, json -> Resources.effectiveSettings(json, account, resolveUserMfa(call))));
  }

  /**
   * {@code GET /v2/accounts/{account}/users}: {@code next_url} is relative, as User Management
   * sends it.
   */
  Reply users(Call call, String accountId) {
    if (!account.accountId().equals(accountId)
        || !account.accountId().equals(call.caller().accountId())) {
      return Errors.userManagement(
          403,
          call,
          "forbidden",
          "The caller is not authorized to list the users of account " + accountId + ".");
    }
    int limit;
    int offset;
    try {
      limit = pageSize(call.param("limit"), USERS_DEFAULT_PAGE);
      offset = offset(call.param("_start"));
    } catch (IllegalArgumentException e) {
      return Errors.userManagement(400, call, "invalid_parameter", e.getMessage());
    }
    List<SimulatedAccount.User> users = account.users();
    int end = Math.min(users.size(), offset + limit);
    String path = "/v2/accounts/" + accountId + "/users?limit=" + limit;
    return Reply.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeNumberField("total_results", users.size());
          json.writeNumberField("limit", limit);
          json.writeStringField("first_url", path);
          if (end < users.size()) {
            json.writeStringField("next_url", path + "&_start=" + token(end));
          }
          json.writeArrayFieldStart("resources");
          for (SimulatedAccount.User user : users.subList(Math.min(offset, end), end)) {
            Resources.user(json, account, user);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private <T> Reply accountListing(Call call, String field, List<T> items, ItemWriter<T> writer) {
    String accountId = call.param("account_id");
    if (accountId == null && call.param("pagetoken") == null) {
      return Errors.iam(
          400,
          call,
          "invalid_parameter",
          "BXNIM0109E",
          "Property missing or empty.",
          "Query parameter 'account_id' is required.");
    }
    return checkAccount(call, accountId).orElseGet(() -> iamPage(call, field, items, writer));
  }

  private <T> Reply iamPage(Call call, String field, List<T> items, ItemWriter<T> writer) {
    int limit;
    int offset;
    try {
      limit = pageSize(call.param("pagesize"), IAM_DEFAULT_PAGE);
      offset = offset(call.param("pagetoken"));
    } catch (IllegalArgumentException e) {
      return Errors.iam(
          400,
          call,
          "invalid_parameter",
          "BXNIM0106E",
          "Validation of a property failed.",
          e.getMessage());
    }
    int start = Math.min(offset, items.size());
    int end = Math.min(items.size(), offset + limit);
    String first = link(call, null);
    return Reply.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("context");
          json.writeStringField("transaction_id", call.transactionId());
          json.writeStringField("operation", call.method() + " " + call.path());
          json.writeEndObject();
          json.writeNumberField("offset", start);
          json.writeNumberField("limit", limit);
          json.writeStringField("first", first);
          if (start > 0) {
            json.writeStringField(
                "previous", link(call, start - limit <= 0 ? null : token(start - limit)));
          }
          if (end < items.size()) {
            json.writeStringField("next", link(call, token(end)));
          }
          json.writeArrayFieldStart(field);
          for (T item : items.subList(start, end)) {
            writer.write(json, item);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private <T> Reply detail(Call call, String type, T item, String id, ItemWriter<T> writer) {
    if (item == null || !account.accountId().equals(call.caller().accountId())) {
      return Errors.iam(
          404,
          call,
          "not_found",
          "BXNIM0102E",
          "Unable to find object",
          "Object type " + type + " with id " + id + " not found");
    }
    return Reply.json(200, json -> writer.write(json, item));
  }

  private Optional<Reply> checkAccount(Call call, String accountId) {
    if ((accountId != null && !account.accountId().equals(accountId))
        || !account.accountId().equals(call.caller().accountId())) {
      return Optional.of(
          Errors.iam(
              403,
              call,
              "forbidden",
              "BXNIM0513E",
              "You are not authorized to perform this action.",
              "The token's account may not read account "
                  + (accountId == null ? "(none)" : accountId)
                  + "."));
    }
    return Optional.empty();
  }

  private static Reply badParameter(Call call, String name, String value, String allowed) {
    return Errors.iam(
        400,
        call,
        "invalid_parameter",
        "BXNIM0106E",
        "Validation of a property failed.",
        "Validation of property '"
            + name
            + "' with value '"
            + value
            + "' failed. Valid values: "
            + allowed
            + ".");
  }

  /**
   * The request's own URL on this host with the page token replaced, as IBM's absolute links are.
   */
  private String link(Call call, String pageToken) {
    List<Map.Entry<String, String>> query = new ArrayList<>(call.queryWithout("pagetoken"));
    if (pageToken != null) {
      query.add(Map.entry("pagetoken", pageToken));
    }
    String encoded =
        query.stream()
            .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
            .collect(Collectors.joining("&"));
    return baseUrl.toString() + call.path() + (encoded.isEmpty() ? "" : "?" + encoded);
  }

  private static boolean resolveUserMfa(Call call) {
    return "true".equalsIgnoreCase(call.param("resolve_user_mfa"));
  }

  private static boolean includeActivity(Call call) {
    return "true".equalsIgnoreCase(call.param("include_activity"));
  }

  private static int pageSize(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      int size = Integer.parseInt(text);
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message for every bad value
    }
    throw new IllegalArgumentException(
        "page size '" + text + "' is not a number from 1 to " + MAX_PAGE + ".");
  }

  /** Page tokens are opaque to clients; here they encode the offset of the page they start. */
  private static String token(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static int offset(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (decoded.startsWith("offset:")) {
        int offset = Integer.parseInt(decoded.substring(7));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the one message for every bad token
    }
    throw new IllegalArgumentException(
        "page token '" + token + "' is not valid; use the link of a previous page.");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    Map<String, T> byId = new HashMap<>();
    items.forEach(item -> byId.put(id.apply(item), item));
    return byId;
  }
}
