package dev.iamaudit.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request as the endpoints see it.
 *
 * @param query the query parameters in request order, decoded
 * @param authorization the {@code Authorization} header, or null
 * @param form the decoded {@code application/x-www-form-urlencoded} body parameters (empty for
 *     other bodies)
 * @param transactionId the client's {@code Transaction-Id} header, or one made up as IBM does when
 *     it is absent
 * @param caller who the bearer token says is calling, or null before authentication
 */
record Call(
    String method,
    String path,
    List<Map.Entry<String, String>> query,
    String authorization,
    List<Map.Entry<String, String>> form,
    String userAgent,
    String transactionId,
    Caller caller) {

  /**
   * The identity behind a valid access token.
   *
   * @param refused the endpoints its key may not use ({@link SimulatedAccount.Login#refused()})
   */
  record Caller(String iamId, String accountId, List<String> refused) {
    boolean refuses(String endpoint) {
      return refused.contains(endpoint);
    }
  }

  Call {
    query = List.copyOf(query);
    form = List.copyOf(form);
  }

  Call authenticated(Caller who) {
    return new Call(method, path, query, authorization, form, userAgent, transactionId, who);
  }

  /** The first value of a query parameter, or null. */
  String param(String name) {
    return first(query, name);
  }

  String formParam(String name) {
    return first(form, name);
  }

  /** The query as received minus the named parameters, re-encoded, for IBM's self links. */
  List<Map.Entry<String, String>> queryWithout(String... names) {
    List<String> dropped = List.of(names);
    return query.stream().filter(entry -> !dropped.contains(entry.getKey())).toList();
  }

  static List<Map.Entry<String, String>> parseQuery(String raw) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return pairs;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(Map.entry(decode(key), decode(value)));
    }
    return pairs;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String first(List<Map.Entry<String, String>> pairs, String name) {
    return pairs.stream()
        .filter(entry -> entry.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
