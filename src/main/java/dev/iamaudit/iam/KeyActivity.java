package dev.iamaudit.iam;

import dev.iamaudit.failure.DataException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Each key's authentication count, one call per key. IBM calls activity data expensive, so the calls run on a
 * bounded pool (its size is the most in flight) and only when a rule needs the counts.
 */
final class KeyActivity {
  record Detail(String id, ActivityBody activity) {}

  record ActivityBody(String lastAuthn, Long authnCount) {}

  private final IamHttp http;
  private final ExecutorService pool;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  KeyActivity(IamHttp http, ExecutorService pool) {
    this.http = http;
    this.pool = pool;
  }

  /** @return authentication counts by key id; keys deleted since they were listed are left out */
  Map<String, Long> authnCounts(Collection<String> keyIds) {
    List<Future<Optional<Detail>>> futures = new ArrayList<>();
    for (String id : keyIds) {
      futures.add(pool.submit(() -> fetch(id)));
    }
    Map<String, Long> counts = new HashMap<>();
    try {
      for (Future<Optional<Detail>> future : futures) {
        Parallel.join(future).ifPresent(detail -> counts.put(detail.id(),
            detail.activity() == null ? null : detail.activity().authnCount()));
      }
    } catch (RuntimeException e) {
      Parallel.cancelAll(futures);
      throw e;
    }
    return counts;
  }

  /** The most calls that were in flight at once, for the record. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  private Optional<Detail> fetch(String id) {
    HttpUrl url = http.endpoints().iam("v1/apikeys").newBuilder()
        .addPathSegment(id)
        .addQueryParameter("include_activity", "true")
        .build();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      return http.send(new Request.Builder().url(url).header("Accept", "application/json").build(),
          (response, exchange) -> {
            if (response.code() == 404) {
              return Optional.empty();
            }
            if (response.code() != 200) {
              throw http.unexpected(response, exchange);
            }
            Detail detail = IamJson.read(response.body().byteStream(), Detail.class, exchange.answer());
            if (detail.id() != null && !detail.id().equals(id)) {
              throw new DataException(exchange.answer() + " is about key " + detail.id() + ", not " + id
                  + "; report it to IBM if it persists");
            }
            return Optional.of(new Detail(id, detail.activity()));
          });
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
