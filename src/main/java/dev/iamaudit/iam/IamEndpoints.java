package dev.iamaudit.iam;

import dev.iamaudit.ShownValue;
import dev.iamaudit.failure.UsageException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The two IBM services an audit talks to. Plain http is refused except on loopback, because the API
 * key and the bearer token would otherwise cross the network in clear text.
 */
final class IamEndpoints {
  /** User Management's API path; IAM's are under /v1 and /identity. */
  private static final String USER_MANAGEMENT_API = "/v2/accounts/";

  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final HttpUrl iam;
  private final HttpUrl userManagement;

  IamEndpoints(URI iamUrl, URI userManagementUrl) {
    this.iam = checked(iamUrl);
    this.userManagement = checked(userManagementUrl);
  }

  HttpUrl iam(String path) {
    return iam.newBuilder().addPathSegments(path).build();
  }

  HttpUrl userManagement(String path) {
    return userManagement.newBuilder().addPathSegments(path).build();
  }

  HttpUrl userManagementBase() {
    return userManagement;
  }

  /** True for requests to either service: only those get the bearer token. */
  boolean isApiHost(HttpUrl url) {
    return sameOrigin(url, iam) || sameOrigin(url, userManagement);
  }

  /** How messages name the service that answered; one host may serve both (the simulator does). */
  String serviceName(HttpUrl url) {
    boolean userManagementHost = sameOrigin(url, userManagement);
    boolean sharedHost = userManagementHost && sameOrigin(url, iam);
    return userManagementHost && (!sharedHost || url.encodedPath().contains(USER_MANAGEMENT_API))
        ? "User Management"
        : "IAM";
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private static HttpUrl checked(URI uri) {
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null) {
      throw new UsageException(shown(uri) + " is not an http(s) URL; use https://...");
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new UsageException(
          "Refusing "
              + shown(uri)
              + ": plain http would send the API key and tokens unencrypted and is allowed only on"
              + " loopback (127.0.0.1, localhost, ::1); use https://"
              + ShownValue.of(url.host()));
    }
    return url;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
  }

  /** The URL without user info, which could hold a password. */
  private static String shown(URI uri) {
    if (uri.getUserInfo() == null) {
      return ShownValue.of(uri.toString());
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
