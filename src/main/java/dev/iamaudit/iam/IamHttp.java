package dev.iamaudit.iam;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends one request to IBM with retries (see {@link RetryPolicy}) and hands the final answer to the
 * caller. Debug lines name only method, path, status and elapsed time: headers and bodies may hold
 * secrets.
 */
final class IamHttp {
  /**
   * Beyond this a server's {@code Retry-After} is a "come back later", not a pause worth holding a
   * build for.
   */
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** What to make of the final answer; the response is closed afterwards. */
  @FunctionalInterface
  interface Handler<T> {
    T handle(Response response, Exchange exchange);
  }

  /**
   * Hears how each attempt of a request went, for whoever paces the requests; the retrying stays
   * here.
   */
  interface Pace {
    Pace NONE = new Pace() {};

    /**
     * IBM gave its answer, other than one worth retrying, {@code took} after the attempt was sent.
     */
    default void answered(Duration took) {}

    /**
     * IBM answered 429 and the next attempt waits {@code wait}: what it asked for in Retry-After,
     * or the back-off.
     */
    default void throttled(Duration wait) {}
  }

  /** One request as messages name it: "IAM", "GET /v1/apikeys". */
  record Exchange(String service, String endpoint) {
    /** The subject of a message about the answer: "IAM's answer to GET /v1/apikeys". */
    String answer() {
      return service + "'s answer to " + endpoint;
    }
  }

  private final OkHttpClient client;
  private final IamEndpoints endpoints;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Redactor redactor;
  private final AuditListener listener;

  IamHttp(
      OkHttpClient client,
      IamEndpoints endpoints,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      Redactor redactor,
      AuditListener listener) {
    this.client = client;
    this.endpoints = endpoints;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.redactor = redactor;
    this.listener = listener;
  }

  IamEndpoints endpoints() {
    return endpoints;
  }

  /** GET expecting 200 with a JSON body. */
  <T> T getJson(HttpUrl url, Class<T> type) {
    return send(
        new Request.Builder().url(url).header("Accept", "application/json").build(),
        (response, exchange) -> {
          if (response.code() != 200) {
            throw unexpected(response, exchange);
          }
          return IamJson.read(response.body().byteStream(), type, exchange.answer());
        });
  }

  DataException unexpected(Response response, Exchange exchange) {
    return IamErrors.unexpected(response, exchange.service(), exchange.endpoint(), redactor);
  }

  Optional<String> errorDetail(Response response) {
    return IamErrors.detail(response, redactor);
  }

  <T> T send(Request request, Handler<T> handler) {
    return send(request, handler, Pace.NONE);
  }

  <T> T send(Request request, Handler<T> handler, Pace pace) {
    Exchange exchange =
        new Exchange(
            endpoints.serviceName(request.url()),
            request.method() + " " + request.url().encodedPath());
    Instant start = clock.instant();
    for (int attempt = 1; ; attempt++) {
      Instant sent = clock.instant();
      Response response;
      try {
        response = client.newCall(request).execute();
      } catch (IOException e) {
        listener.debug(exchange.endpoint() + " failed " + millis(sent) + " ms");
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
          throw new DataException("Interrupted during " + exchange.endpoint(), e);
        }
        if (attempt == RetryPolicy.MAX_ATTEMPTS) {
          throw new DataException(
              "Could not reach "
                  + exchange.service()
                  + " for "
                  + exchange.endpoint()
                  + " after "
                  + attempt
                  + " attempts ("
                  + describe(e)
                  + "); check the network and the "
                  + exchange.service()
                  + " URL, then try again",
              e);
        }
        pause(retry.backoff(attempt - 1), exchange, start, attempt);
        continue;
      }
      int code = response.code();
      Duration took = Duration.between(sent, clock.instant());
      listener.debug(exchange.endpoint() + " " + code + " " + took.toMillis() + " ms");
      if (!RetryPolicy.retryable(code)) {
        pace.answered(took);
        try (response) {
          return handler.handle(response, exchange);
        }
      }
      Optional<Duration> asked =
          RetryPolicy.retryAfter(response.header("Retry-After"), clock.instant());
      response.close();
      if (attempt == RetryPolicy.MAX_ATTEMPTS) {
        throw new DataException(
            exchange.service()
                + " answered "
                + code
                + " to "
                + exchange.endpoint()
                + " after "
                + attempt
                + " attempts; IBM Cloud may be having problems, try again later");
      }
      if (asked.isPresent() && asked.get().compareTo(MAX_RETRY_AFTER) > 0) {
        throw new DataException(
            exchange.service()
                + " answered "
                + code
                + " to "
                + exchange.endpoint()
                + " and asked to wait "
                + asked.get().toSeconds()
                + " s before trying again; try again later");
      }
      int retries = attempt - 1;
      Duration wait = asked.orElseGet(() -> retry.backoff(retries));
      if (code == 429) {
        pace.throttled(wait);
      }
      pause(wait, exchange, start, attempt);
    }
  }

  private void pause(Duration wait, Exchange exchange, Instant start, int attempt) {
    listener.waiting(
        "a retry of " + exchange.endpoint(), Duration.between(start, clock.instant()), attempt);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("Interrupted while waiting to retry " + exchange.endpoint(), e);
    }
  }

  private long millis(Instant since) {
    return Duration.between(since, clock.instant()).toMillis();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
