package dev.iamaudit.iam;

import dev.iamaudit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyActivityTest {
  private static final int LIMIT = 3;

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final IbmServer server = new IbmServer();
  private final ExecutorService pool = Executors.newFixedThreadPool(LIMIT);

  KeyActivityTest() throws IOException {}

  @AfterEach
  void close() {
    pool.shutdownNow();
    server.close();
  }

  private KeyActivity keyActivity() {
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    return new KeyActivity(new IamHttp(new OkHttpClient(), endpoints, new RetryPolicy(() -> 0L),
        new RecordingSleeper(clock), clock, new Redactor(), new RecordingListener()), pool);
  }

  private static String detail(String id, long count) {
    return "{\"id\":\"" + id + "\",\"entity_tag\":\"1-a\",\"crn\":\"crn:v1:bluemix:public:iam-identity::a/acc::apikey:"
        + id + "\",\"locked\":false,\"created_by\":\"IBMid-1\",\"name\":\"k\",\"iam_id\":\"IBMid-1\","
        + "\"account_id\":\"acc\",\"activity\":{\"last_authn\":\"2025-12-01T10:00:00:000+0000\",\"authn_count\":"
        + count + "}}";
  }

  @Test
  void fetchesEveryCountWithAtMostThePoolSizeInFlight() {
    // Each call waits until LIMIT calls are in flight together, so the test proves the bound is reached and kept.
    CyclicBarrier together = new CyclicBarrier(LIMIT);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    server.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          together.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          return IbmServer.status(500);
        } finally {
          inFlight.decrementAndGet();
        }
        String id = request.getUrl().pathSegments().get(2);
        assertEquals("include_activity=true", request.getUrl().query());
        return IbmServer.json(200, detail(id, Long.parseLong(id.substring("ApiKey-".length()))));
      }
    });
    List<String> ids = IntStream.rangeClosed(1, 9).mapToObj(n -> "ApiKey-" + n).toList();
    KeyActivity activity = keyActivity();

    Map<String, Long> counts = activity.authnCounts(ids);

    Map<String, Long> expected = new HashMap<>();
    ids.forEach(id -> expected.put(id, Long.parseLong(id.substring("ApiKey-".length()))));
    assertEquals(expected, counts);
    assertEquals(LIMIT, maxSeen.get());
    assertEquals(LIMIT, activity.maxInFlight());
  }

  @Test
  void leavesOutKeysDeletedSinceTheListing() {
    server.on("GET /v1/apikeys/ApiKey-1", IbmServer.json(200, detail("ApiKey-1", 7)))
        .on("GET /v1/apikeys/ApiKey-2", IbmServer.json(404, "{\"errorCode\":\"BXNIM0403E\"}"));

    assertEquals(Map.of("ApiKey-1", 7L), keyActivity().authnCounts(List.of("ApiKey-1", "ApiKey-2")));
  }
}
