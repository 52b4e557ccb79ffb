package dev.iamaudit.iam;

import dev.iamaudit.failure.DataException;
import dev.iamaudit.iam.Pager.Listing;
import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * The account's identities as IBM lists them, in IBM's exact shapes (wire records named after the
 * JSON fields). Activity is left {@link Activity#UNKNOWN}: only the report knows it.
 */
final class Listings {
  private static final String PAGE_SIZE = "100";
  private static final String SERVICE_ID_IAM_PREFIX = "iam-ServiceId-";

  record ApiKeyPage(String next, List<ApiKeyItem> apikeys) {}

  record ApiKeyItem(
      String id,
      String name,
      String iamId,
      String createdAt,
      String createdBy,
      Boolean locked,
      Boolean disabled,
      String expiresAt,
      String actionWhenLeaked) {}

  record ServiceIdPage(String next, List<ServiceIdItem> serviceids) {}

  record ServiceIdItem(String id, String iamId, String name, String createdAt, Boolean locked) {}

  record ProfilePage(String next, List<ProfileItem> profiles) {}

  record ProfileItem(String id, String iamId, String name, String createdAt) {}

  record UserPage(String nextUrl, List<UserItem> resources) {}

  record UserItem(
      String id,
      String iamId,
      String userId,
      String firstname,
      String lastname,
      String email,
      String state,
      String addedOn) {}

  record GroupList(List<ServiceIdGroup> serviceidGroups) {}

  /**
   * A service ID group; service IDs and their keys outside the default group are listed only by its
   * id.
   */
  record ServiceIdGroup(String id, String name) {}

  private final IamHttp http;
  private final IamEndpoints endpoints;
  private final String account;
  private final PullProgress progress;

  /**
   * @param progress counts each page and the identities on it
   */
  Listings(IamHttp http, String account, PullProgress progress) {
    this.http = http;
    this.endpoints = http.endpoints();
    this.account = account;
    this.progress = progress;
  }

  /**
   * Every API key of one owner type; IBM lists user and service ID keys apart. Without {@code
   * groupId} IBM lists the service ID keys of the default group only ({@code
   * ListAPIKeysOptions.GroupID}); user keys ignore the group, they always belong to the default
   * one.
   *
   * @param keyIds hears the ids of each page's keys as the page comes in
   */
  Listing<ApiKey> apiKeys(KeyOwner.Kind owner, String groupId, Consumer<List<String>> keyIds) {
    HttpUrl.Builder url =
        endpoints
            .iam("v1/apikeys")
            .newBuilder()
            .addQueryParameter("account_id", account)
            .addQueryParameter("scope", "account")
            .addQueryParameter("type", owner.name().toLowerCase(Locale.ROOT))
            .addQueryParameter("pagesize", PAGE_SIZE);
    if (groupId != null) {
      url.addQueryParameter("group_id", groupId);
    }
    HttpUrl first = url.build();
    String where = "IAM's answer to GET " + first.encodedPath();
    Listing<ApiKeyItem> wire =
        iamPager(ApiKeyPage.class, ApiKeyPage::next, ApiKeyPage::apikeys)
            .all(
                first,
                page -> {
                  progress.pageFetched(page.size());
                  keyIds.accept(
                      page.stream()
                          .filter(item -> item != null && item.id() != null && !item.id().isBlank())
                          .map(ApiKeyItem::id)
                          .toList());
                });
    return map(
        wire,
        item -> {
          KeyOwner.Kind type = ownerType(item.iamId(), owner);
          return new ApiKey(
              required(item.id(), "an API key id", where),
              item.name(),
              item.iamId(),
              type == KeyOwner.Kind.USER ? KeyOwner.user(item.iamId()) : KeyOwner.serviceId(null),
              IamJson.instant(item.createdAt(), "created_at", where),
              item.createdBy(),
              item.locked(),
              item.disabled(),
              IamJson.instant(item.expiresAt(), "expires_at", where),
              item.actionWhenLeaked(),
              Activity.UNKNOWN,
              null);
        });
  }

  /** The key's own IAM id is the better witness than the filter it was listed under. */
  private static KeyOwner.Kind ownerType(String iamId, KeyOwner.Kind listedAs) {
    return iamId != null && iamId.startsWith(SERVICE_ID_IAM_PREFIX)
        ? KeyOwner.Kind.SERVICEID
        : listedAs;
  }

  /** The service IDs of the default group. */
  Listing<ServiceId> serviceIds() {
    return serviceIds(null);
  }

  /** The service IDs of one group; without {@code groupId} IBM lists the default group only. */
  Listing<ServiceId> serviceIds(String groupId) {
    HttpUrl.Builder url =
        endpoints
            .iam("v1/serviceids/")
            .newBuilder()
            .addQueryParameter("account_id", account)
            .addQueryParameter("pagesize", PAGE_SIZE);
    if (groupId != null) {
      url.addQueryParameter("group_id", groupId);
    }
    HttpUrl first = url.build();
    String where = "IAM's answer to GET " + first.encodedPath();
    Listing<ServiceIdItem> wire =
        iamPager(ServiceIdPage.class, ServiceIdPage::next, ServiceIdPage::serviceids)
            .all(first, this::counted);
    return map(
        wire,
        item ->
            new ServiceId(
                required(item.id(), "a service ID id", where),
                item.iamId(),
                item.name(),
                IamJson.instant(item.createdAt(), "created_at", where),
                item.locked(),
                Activity.UNKNOWN));
  }

  /**
   * {@code GET /v1/serviceid_groups}: every group of the account, in one answer (IBM does not page
   * it).
   */
  List<ServiceIdGroup> serviceIdGroups() {
    HttpUrl url =
        endpoints
            .iam("v1/serviceid_groups")
            .newBuilder()
            .addQueryParameter("account_id", account)
            .build();
    String where = "IAM's answer to GET " + url.encodedPath();
    GroupList list = http.getJson(url, GroupList.class);
    if (list.serviceidGroups() == null) {
      return List.of();
    }
    return list.serviceidGroups().stream()
        .filter(Objects::nonNull)
        .map(
            group ->
                new ServiceIdGroup(
                    required(group.id(), "a service ID group id", where), group.name()))
        .toList();
  }

  Listing<Profile> profiles() {
    HttpUrl first =
        endpoints
            .iam("v1/profiles")
            .newBuilder()
            .addQueryParameter("account_id", account)
            .addQueryParameter("pagesize", PAGE_SIZE)
            .build();
    String where = "IAM's answer to GET " + first.encodedPath();
    return map(
        iamPager(ProfilePage.class, ProfilePage::next, ProfilePage::profiles)
            .all(first, this::counted),
        item ->
            new Profile(
                required(item.id(), "a trusted profile id", where),
                item.iamId(),
                item.name(),
                IamJson.instant(item.createdAt(), "created_at", where),
                Activity.UNKNOWN));
  }

  /**
   * The account's users. A pending invitation may lack an IAM id (IBM's {@code UserProfile.iam_id}
   * is optional); such a user is named by User Management's profile {@code id}, stable and unique
   * for as long as the invitation is, else by the login it was sent to. An entry with none of the
   * three cannot be named, so it is left out and {@code unnamed} is told why.
   */
  Listing<User> users(Consumer<String> unnamed) {
    HttpUrl first =
        endpoints
            .userManagement("v2/accounts")
            .newBuilder()
            .addPathSegment(account)
            .addPathSegment("users")
            .addQueryParameter("limit", PAGE_SIZE)
            .build();
    String where = "User Management's answer to GET " + first.encodedPath();
    Pager<UserPage, UserItem> pager =
        new Pager<>(
            http,
            UserPage.class,
            UserPage::nextUrl,
            UserPage::resources,
            "_start",
            endpoints.userManagementBase());
    Listing<UserItem> wire = pager.all(first, this::counted);
    List<User> users = new ArrayList<>(wire.items().size());
    for (UserItem item : wire.items()) {
      if (item == null) {
        continue;
      }
      String id =
          Stream.of(item.iamId(), item.id(), item.userId())
              .filter(s -> s != null && !s.isBlank())
              .findFirst()
              .orElse(null);
      if (id == null) {
        unnamed.accept(
            where
                + " lists a user without iam_id, id or user_id (state "
                + item.state()
                + "); it is "
                + "left out of the audit");
        continue;
      }
      String iamId = item.iamId() == null || item.iamId().isBlank() ? null : item.iamId();
      users.add(
          new User(
              id,
              iamId,
              fullName(item),
              item.userId(),
              item.email(),
              item.state(),
              IamJson.instant(item.addedOn(), "added_on", where),
              Activity.UNKNOWN));
    }
    return new Listing<>(users, wire.pages());
  }

  private void counted(List<?> page) {
    progress.pageFetched(page.size());
  }

  private <P, T> Pager<P, T> iamPager(
      Class<P> type, Function<P, String> next, Function<P, List<T>> items) {
    return new Pager<>(http, type, next, items, "pagetoken", endpoints.iam(""));
  }

  private static <W, T> Listing<T> map(Listing<W> wire, Function<W, T> mapping) {
    return new Listing<>(
        wire.items().stream().filter(Objects::nonNull).map(mapping).toList(), wire.pages());
  }

  private static String required(String value, String what, String where) {
    if (value == null || value.isBlank()) {
      throw new DataException(
          where + " lists an entry without " + what + "; report it to IBM if it persists");
    }
    return value;
  }

  private static String fullName(UserItem item) {
    String name =
        Stream.of(item.firstname(), item.lastname())
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? null : name;
  }
}
