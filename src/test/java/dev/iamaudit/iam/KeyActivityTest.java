package dev.iamaudit.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.TestClock;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final IbmServer server = new IbmServer();
  private final Parallel parallel = new Parallel();

  KeyActivityTest() throws IOException {}

  @AfterEach
  void close() {
    parallel.close();
    server.close();
  }

  private KeyActivity keyActivity(int initial, int max) {
    IamEndpoints endpoints = new IamEndpoints(server.uri(), server.uri());
    IamHttp http =
        new IamHttp(
            new OkHttpClient(),
            endpoints,
            new RetryPolicy(() -> 0L),
            sleeper,
            clock,
            new Redactor(),
            listener);
    return new KeyActivity(
        http,
        new CallLimit(clock, sleeper, initial, max),
        parallel,
        new PullProgress(clock, listener));
  }

  private static String detail(String id, long count) {
    return "{\"id\":\""
        + id
        + "\",\"entity_tag\":\"1-a\",\"crn\":\"crn:v1:bluemix:public:iam-identity::a/acc::apikey:"
        + id
        + "\",\"locked\":false,\"created_by\":\"IBMid-1\",\"name\":\"k\",\"iam_id\":\"IBMid-1\","
        + "\"account_id\":\"acc\",\"activity\":{\"last_authn\":\"2025-12-01T10:00:00:000+0000\",\"authn_count\":"
        + count
        + "}}";
  }

  private static long number(String id) {
    return Long.parseLong(id.substring("ApiKey-".length()));
  }

  @Test
  void sendsMoreCallsAtOnceThanItStartedWithWhileIamAnswersFine() {
    // The server holds the first 4 calls until all 4 are in, then the next 6 until those are: 6 at
    // once is only
    // possible if the limit grew from 4 on the first answers.
    CountDownLatch first = new CountDownLatch(4);
    CountDownLatch second = new CountDownLatch(6);
    AtomicInteger arrived = new AtomicInteger();
    server.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int n = arrived.getAndIncrement();
            CountDownLatch round = n < 4 ? first : n < 10 ? second : null;
            if (round != null) {
              round.countDown();
              if (!round.await(10, TimeUnit.SECONDS)) {
                return IbmServer.json(
                    500, "{\"errorCode\":\"TEST500\",\"errorMessage\":\"round not reached\"}");
              }
            }
            String id = request.getUrl().pathSegments().get(2);
            assertEquals("include_activity=true", request.getUrl().query());
            return IbmServer.json(200, detail(id, number(id)));
          }
        });
    List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(n -> "ApiKey-" + n).toList();
    KeyActivity activity = keyActivity(4, 64);

    activity.fetch(ids);
    Map<String, Long> counts = activity.counts();

    Map<String, Long> expected = new HashMap<>();
    ids.forEach(id -> expected.put(id, number(id)));
    assertEquals(expected, counts);
    assertTrue(
        activity.limit().mostInFlight() >= 6, () -> "at most " + activity.limit().mostInFlight());
    assertEquals(20, arrived.get());
  }

  @Test
  void waitsAsLongAsIamAsksWhenItAnswers429AndCountsIt() {
    server
        .on(
            "GET /v1/apikeys/ApiKey-1",
            new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "3")
                .addHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"code\":\"too_many_requests\"}]}")
                .build(),
            IbmServer.json(200, detail("ApiKey-1", 7)))
        .on("GET /v1/apikeys/ApiKey-2", IbmServer.json(200, detail("ApiKey-2", 9)));
    KeyActivity activity = keyActivity(1, 64);

    activity.fetch(List.of("ApiKey-1", "ApiKey-2"));
    Map<String, Long> counts = activity.counts();

    assertEquals(Map.of("ApiKey-1", 7L, "ApiKey-2", 9L), counts);
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.sleeps);
    assertEquals(
        List.of("GET /v1/apikeys/ApiKey-1", "GET /v1/apikeys/ApiKey-1", "GET /v1/apikeys/ApiKey-2"),
        server.paths());
    assertEquals(1, activity.limit().throttled());
    // Halved from 1 it stays 1; the retry's answer, a round trip at that limit, grows it by one.
    assertEquals(2, activity.limit().limit());
  }

  @Test
  void asksForEachKeyOnceAndLeavesOutKeysDeletedSinceTheListing() {
    server
        .on("GET /v1/apikeys/ApiKey-1", IbmServer.json(200, detail("ApiKey-1", 7)))
        .on("GET /v1/apikeys/ApiKey-2", IbmServer.json(404, "{\"errorCode\":\"BXNIM0403E\"}"));
    KeyActivity activity = keyActivity(8, 64);

    activity.fetch(List.of("ApiKey-1", "ApiKey-2"));
    activity.fetch(List.of("ApiKey-2", "ApiKey-1"));

    assertEquals(Map.of("ApiKey-1", 7L), activity.counts());
    assertEquals(
        List.of("GET /v1/apikeys/ApiKey-1", "GET /v1/apikeys/ApiKey-2"),
        server.paths().stream().sorted().toList());
  }

  @Test
  void tellsHowManyKeysItHasTheActivityOfAtMostOnceASecond() {
    server.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            clock.advance(Duration.ofMillis(600));
            String id = request.getUrl().pathSegments().get(2);
            return IbmServer.json(200, detail(id, number(id)));
          }
        });
    KeyActivity activity = keyActivity(1, 1);

    activity.fetch(IntStream.rangeClosed(1, 5).mapToObj(n -> "ApiKey-" + n).toList());
    activity.counts();

    assertEquals(
        List.of(
            "Fetched so far: the activity details of 2 API keys",
            "Fetched so far: the activity details of 4 API keys"),
        listener.of("progress"));
  }

  @Test
  void aFailedCallEndsTheFetch() {
    server
        .on("GET /v1/apikeys/ApiKey-1", IbmServer.json(200, detail("ApiKey-1", 7)))
        .on("GET /v1/apikeys/ApiKey-2", IbmServer.json(200, detail("ApiKey-3", 9)));
    KeyActivity activity = keyActivity(8, 64);

    activity.fetch(List.of("ApiKey-1", "ApiKey-2"));
    DataException e = assertThrows(DataException.class, activity::counts);

    assertEquals(
        "IAM's answer to GET /v1/apikeys/ApiKey-2 is about key ApiKey-3, not ApiKey-2; report it to"
            + " IBM if it persists",
        e.getMessage());
  }
}
