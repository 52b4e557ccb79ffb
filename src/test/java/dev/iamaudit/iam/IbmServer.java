package dev.iamaudit.iam;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 that answers by "METHOD /path" (query ignored) from scripted queues;
 * the last answer of a queue repeats. The token endpoint answers with a valid token unless scripted
 * otherwise.
 */
final class IbmServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<MockResponse>> scripts = new ConcurrentHashMap<>();

  IbmServer() throws IOException {
    on(
        "POST /identity/token",
        json(200, IbmFixtures.tokenBody(IbmFixtures.jwt(IbmFixtures.ACCOUNT), 3600)));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String endpoint = request.getMethod() + " " + request.getUrl().encodedPath();
            String query = request.getUrl().query() == null ? "" : request.getUrl().query();
            // The longest filter that matches wins, so "?group_id=G" is told apart from
            // "?type=serviceid".
            Deque<MockResponse> queue =
                scripts.entrySet().stream()
                    .filter(
                        e ->
                            e.getKey().startsWith(endpoint + " ?")
                                && query.contains(e.getKey().split(" \\?")[1]))
                    .max(Comparator.comparingInt(e -> e.getKey().length()))
                    .map(Map.Entry::getValue)
                    .orElse(scripts.get(endpoint));
            if (queue == null) {
              return json(
                  404, "{\"errorCode\":\"TEST404\",\"errorMessage\":\"no fixture for this path\"}");
            }
            synchronized (queue) {
              return queue.size() > 1 ? queue.poll() : queue.peek();
            }
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /**
   * Replaces the script for an endpoint, e.g. {@code on("GET /v1/apikeys", page1, page2)}; {@code
   * "GET /v1/apikeys ?type=user"} answers only requests whose query contains {@code type=user} (of
   * several that match, the longest).
   */
  IbmServer on(String endpoint, MockResponse... answers) {
    scripts.put(endpoint, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  URI uri() {
    return server.url("/").uri();
  }

  List<String> paths() {
    return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
  }

  List<RecordedRequest> requests(String endpoint) {
    return requests.stream()
        .filter(r -> (r.getMethod() + " " + r.getUrl().encodedPath()).equals(endpoint))
        .toList();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
