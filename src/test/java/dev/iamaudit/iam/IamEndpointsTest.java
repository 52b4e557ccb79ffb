package dev.iamaudit.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import java.net.URI;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IamEndpointsTest {
  private static final URI IBM_UM = URI.create("https://user-management.cloud.ibm.com");

  @Test
  void refusesPlainHttpToANetworkHost() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> new IamEndpoints(URI.create("http://example.com"), IBM_UM));

    assertEquals(
        "Refusing http://example.com: plain http would send the API key and tokens unencrypted and"
            + " is allowed only on loopback (127.0.0.1, localhost, ::1); use https://example.com",
        e.getMessage());
    assertEquals(2, e.exitCode());
  }

  @Test
  void neverShowsAPasswordInTheUrl() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                new IamEndpoints(
                    URI.create("https://iam.cloud.ibm.com"),
                    URI.create("http://bob:hunter2@um.example")));

    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://localhost:1234/",
        "http://[::1]:99"
      })
  void allowsPlainHttpOnLoopback(String url) {
    IamEndpoints endpoints = new IamEndpoints(URI.create(url), URI.create(url));

    assertTrue(endpoints.iam("v1/apikeys").toString().endsWith("/v1/apikeys"));
  }

  @Test
  void keepsTheTrailingSlashOfTheServiceIdListing() {
    IamEndpoints endpoints = new IamEndpoints(URI.create("https://iam.cloud.ibm.com"), IBM_UM);

    assertEquals(
        "https://iam.cloud.ibm.com/v1/serviceids/", endpoints.iam("v1/serviceids/").toString());
  }

  @Test
  void onlyTheTwoServicesAreApiHosts() {
    IamEndpoints endpoints = new IamEndpoints(URI.create("https://iam.cloud.ibm.com"), IBM_UM);

    assertTrue(endpoints.isApiHost(HttpUrl.get("https://iam.cloud.ibm.com/v1/apikeys")));
    assertTrue(
        endpoints.isApiHost(
            HttpUrl.get("https://user-management.cloud.ibm.com/v2/accounts/a/users")));
    assertFalse(endpoints.isApiHost(HttpUrl.get("https://evil.example/v1/apikeys")));
    assertFalse(endpoints.isApiHost(HttpUrl.get("http://iam.cloud.ibm.com/v1/apikeys")));
    assertEquals(
        "User Management",
        endpoints.serviceName(HttpUrl.get("https://user-management.cloud.ibm.com/v2/accounts")));
  }

  @Test
  void tellsTheServicesApartByPathWhenOneHostServesBoth() {
    IamEndpoints endpoints =
        new IamEndpoints(URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9"));

    assertEquals(
        "User Management", endpoints.serviceName(endpoints.userManagement("v2/accounts/a/users")));
    assertEquals("IAM", endpoints.serviceName(endpoints.iam("v1/accounts/a/settings/identity")));
  }
}
