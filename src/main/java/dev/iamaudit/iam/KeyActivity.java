package dev.iamaudit.iam;

import dev.iamaudit.failure.DataException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Each key's authentication count, one call per key, fetched only when a rule needs the counts. The
 * calls start as soon as a listing page names the keys, while the listings and the report are still
 * on their way, and as many go out at once as the {@link CallLimit} allows.
 */
final class KeyActivity {
  record Detail(String id, ActivityBody activity) {}

  record ActivityBody(String lastAuthn, Long authnCount) {}

  /** Ends the queue; compared by identity, so no key id can be mistaken for it. */
  private static final String END = new String("end of keys");

  private final IamHttp http;
  private final CallLimit limit;
  private final Parallel parallel;
  private final PullProgress progress;
  private final Set<String> asked = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final Map<String, Long> counts = new HashMap<>();
  private final CompletableFuture<Void> dispatched;

  KeyActivity(IamHttp http, CallLimit limit, Parallel parallel, PullProgress progress) {
    this.http = http;
    this.limit = limit;
    this.parallel = parallel;
    this.progress = progress;
    this.dispatched = parallel.start(this::dispatch);
  }

  /**
   * Asks for the counts of these keys, each key once however often it is named; returns at once.
   */
  void fetch(Collection<String> keyIds) {
    for (String id : keyIds) {
      if (asked.add(id)) {
        queue.add(id);
      }
    }
  }

  /**
   * Waits for every count asked for; no more may be asked afterwards.
   *
   * @return authentication counts by key id; keys deleted since they were listed are left out
   */
  Map<String, Long> counts() {
    queue.add(END);
    parallel.join(dispatched);
    synchronized (counts) {
      return new HashMap<>(counts);
    }
  }

  CallLimit limit() {
    return limit;
  }

  /** Sends each key's call once the limit has room for it, then waits for them all. */
  private Void dispatch() throws InterruptedException {
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (String id = queue.take(); id != END; id = queue.take()) {
      CallLimit.Permit permit = limit.acquire();
      String key = id;
      calls.add(
          parallel.start(
              () -> {
                try (permit) {
                  fetch(key, permit);
                  progress.activityFetched();
                }
                return null;
              }));
    }
    parallel.join(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)));
    return null;
  }

  private void fetch(String id, IamHttp.Pace pace) {
    HttpUrl url =
        http.endpoints()
            .iam("v1/apikeys")
            .newBuilder()
            .addPathSegment(id)
            .addQueryParameter("include_activity", "true")
            .build();
    Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
    Detail detail =
        http.send(
            request,
            (response, exchange) -> {
              if (response.code() == 404) {
                return null;
              }
              if (response.code() != 200) {
                throw http.unexpected(response, exchange);
              }
              Detail answer =
                  IamJson.read(response.body().byteStream(), Detail.class, exchange.answer());
              if (answer.id() != null && !answer.id().equals(id)) {
                throw new DataException(
                    exchange.answer()
                        + " is about key "
                        + answer.id()
                        + ", not "
                        + id
                        + "; report it to IBM if it persists");
              }
              return answer;
            },
            pace);
    if (detail != null) {
      synchronized (counts) {
        counts.put(id, detail.activity() == null ? null : detail.activity().authnCount());
      }
    }
  }
}
