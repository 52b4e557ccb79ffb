package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded stand-in for IBM Cloud IAM: the token endpoint, the activity and MFA enrollment
 * reports, the IAM Identity listings (service ID groups included), the identity settings (the
 * account's own and those in force) and User Management's user list, all on one loopback base URL,
 * with IBM's JSON shapes and quirks (see {@code reference/ibm-iam-api.md}). It serves one {@link
 * SimulatedAccount} and can add latency, 429s, server errors and truncated bodies ({@link
 * SimulatorOptions}). Time in responses comes from the given clock; only the injected latency waits
 * in real time, and no thread waits it: an answer is held back on a timer, so any number of
 * requests wait side by side, as they do for IBM, while a few threads do the work of answering.
 */
public final class Simulator implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  /** The most bytes an answer may have to be sent from the latency timer's one thread. */
  private static final int SMALL_ANSWER = 8 * 1024;

  private static final Pattern REPORT = Pattern.compile("/v1/activity/accounts/([^/]+)/report");
  private static final Pattern REPORT_GET =
      Pattern.compile("/v1/activity/accounts/([^/]+)/report/([^/]+)");
  private static final Pattern API_KEY = Pattern.compile("/v1/apikeys/([^/]+)");
  private static final Pattern SERVICE_IDS = Pattern.compile("/v1/serviceids/?");
  private static final Pattern SERVICE_ID = Pattern.compile("/v1/serviceids/([^/]+)");
  private static final Pattern PROFILE = Pattern.compile("/v1/profiles/([^/]+)");
  private static final Pattern SETTINGS = Pattern.compile("/v1/accounts/([^/]+)/settings/identity");
  private static final Pattern EFFECTIVE_SETTINGS =
      Pattern.compile("/v1/accounts/([^/]+)/effective_settings/identity");
  private static final Pattern MFA_REPORT = Pattern.compile("/v1/mfa/accounts/([^/]+)/report");
  private static final Pattern MFA_REPORT_GET =
      Pattern.compile("/v1/mfa/accounts/([^/]+)/report/([^/]+)");
  private static final Pattern USERS = Pattern.compile("/v2/accounts/([^/]+)/users");

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the body waits
    // for the client's
    // delayed ACK, about 40 ms per response, which makes paging through a large account 10 times
    // slower. The JDK
    // reads this once, when its first HttpServer starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Holds an answer back for the latency, then sends it; tests hold the answers themselves. */
  @FunctionalInterface
  interface Delays {
    void after(Duration delay, Runnable send);
  }

  private final SimulatedAccount account;
  private final SimulatorOptions options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  private final Delays delays;
  private final URI baseUrl;
  private final Tokens tokens;
  private final Reports reports;
  private final MfaStatusReports mfaReports;
  private final Listings listings;
  private final AtomicLong[] faultCounts;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Simulator(SimulatedAccount account, Clock clock, SimulatorOptions options, Delays heldBy)
      throws IOException {
    this.account = account;
    this.options = options;
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    this.baseUrl =
        URI.create(
            "http://"
                + server.getAddress().getAddress().getHostAddress()
                + ":"
                + server.getAddress().getPort());
    this.tokens = new Tokens(account, clock);
    this.reports = new Reports(account, clock, options);
    this.mfaReports = new MfaStatusReports(account, clock, options);
    this.listings = new Listings(account, baseUrl);
    this.faultCounts = new AtomicLong[options.faults().size()];
    for (int i = 0; i < faultCounts.length; i++) {
      faultCounts[i] = new AtomicLong();
    }
    this.executor = Executors.newFixedThreadPool(8, runnable -> daemon(runnable, "iam-simulator"));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "iam-simulator-latency"));
    this.delays =
        heldBy != null
            ? heldBy
            : (delay, send) -> timer.schedule(send, delay.toNanos(), TimeUnit.NANOSECONDS);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Serves {@code account} on a free loopback port with the defaults: no latency, no faults, two
   * 204 polls.
   */
  public static Simulator start(SimulatedAccount account, Clock clock) {
    return start(account, clock, SimulatorOptions.DEFAULTS);
  }

  /**
   * @throws UncheckedIOException when the port cannot be bound, e.g. because it is in use
   */
  public static Simulator start(SimulatedAccount account, Clock clock, SimulatorOptions options) {
    return start(account, clock, options, null);
  }

  /**
   * @param delays what holds answers back for the latency; null for a real timer
   */
  static Simulator start(
      SimulatedAccount account, Clock clock, SimulatorOptions options, Delays delays) {
    try {
      return new Simulator(account, clock, options, delays);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code http://127.0.0.1:PORT}, without a trailing slash: the IAM and the User Management base
   * URL alike.
   */
  public URI baseUrl() {
    return baseUrl;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  public SimulatedAccount account() {
    return account;
  }

  public SimulatorOptions options() {
    return options;
  }

  /** Stops serving; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    server.stop(0);
    timer.shutdownNow();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    Call call;
    Reply reply;
    boolean truncate;
    byte[] body;
    try {
      call = call(exchange);
      reply = injectedStatus(call);
      truncate = false;
      if (reply == null) {
        truncate = injectMalformed(call);
        reply = routeSafely(call);
        truncate &= reply.body() != null;
      }
      // Written before the latency is taken, so the latency is all an answer waits, as with IBM,
      // where it includes
      // the work; only a large report is written as it is sent.
      body = reply.body() != null && (!reply.streamed() || truncate) ? render(reply) : null;
    } catch (IOException | RuntimeException e) {
      exchange.close();
      throw e;
    }
    Reply answer = reply;
    boolean truncated = truncate;
    Runnable send =
        () -> {
          try (exchange) {
            send(exchange, answer, call.transactionId(), body, truncated);
          } catch (IOException e) {
            // The client hung up; there is nobody left to answer.
          }
        };
    Duration wait =
        Duration.ofMillis(options.latencyMillis()).minusNanos(System.nanoTime() - arrived);
    if (wait.isNegative() || wait.isZero()) {
      send.run();
    } else if (body == null ? reply.body() != null : body.length > SMALL_ANSWER) {
      delays.after(wait, () -> executor.execute(send));
    } else {
      // A small answer fits the socket's buffer: it goes out straight from the timer, which no
      // write can hold up.
      delays.after(wait, send);
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private Reply routeSafely(Call call) {
    try {
      return route(call);
    } catch (RuntimeException e) {
      return Errors.forPath(
          500,
          call,
          "internal_server_error",
          "BXNIM0500E",
          "The simulator failed: " + e.getClass().getSimpleName());
    }
  }

  private Reply route(Call call) {
    String path = call.path();
    if (path.equals("/identity/token")) {
      return call.method().equals("POST") ? tokens.issue(call) : notAllowed(call);
    }
    Call.Caller caller = tokens.verify(call.authorization());
    if (caller == null) {
      return call.authorization() == null
          ? Errors.forPath(401, call, "unauthorized", "BXNIM0308E", "No authorization header found")
          : Errors.forPath(
              401, call, "unauthorized", "BXNIM0307E", "The token is invalid or expired");
    }
    Call authed = call.authenticated(caller);
    Matcher m;
    if ((m = REPORT.matcher(path)).matches()) {
      return post(authed) ? reports.create(authed, m.group(1)) : notAllowed(authed);
    }
    if ((m = REPORT_GET.matcher(path)).matches()) {
      return get(authed) ? reports.get(authed, m.group(1), m.group(2)) : notAllowed(authed);
    }
    if ((m = MFA_REPORT.matcher(path)).matches()) {
      return post(authed) ? mfaReports.create(authed, m.group(1)) : notAllowed(authed);
    }
    if ((m = MFA_REPORT_GET.matcher(path)).matches()) {
      return get(authed) ? mfaReports.get(authed, m.group(1), m.group(2)) : notAllowed(authed);
    }
    if (!get(authed)) {
      return known(path) ? notAllowed(authed) : notFound(authed);
    }
    if (path.equals("/v1/apikeys")) {
      return listings.apiKeys(authed);
    }
    if ((m = API_KEY.matcher(path)).matches()) {
      return listings.apiKey(authed, m.group(1));
    }
    if (SERVICE_IDS.matcher(path).matches()) {
      return listings.serviceIds(authed);
    }
    if (path.equals("/v1/serviceid_groups")) {
      return listings.serviceIdGroups(authed);
    }
    if ((m = SERVICE_ID.matcher(path)).matches()) {
      return listings.serviceId(authed, m.group(1));
    }
    if (path.equals("/v1/profiles")) {
      return listings.profiles(authed);
    }
    if ((m = PROFILE.matcher(path)).matches()) {
      return listings.profile(authed, m.group(1));
    }
    if ((m = SETTINGS.matcher(path)).matches()) {
      return listings.settings(authed, m.group(1));
    }
    if ((m = EFFECTIVE_SETTINGS.matcher(path)).matches()) {
      return listings.effectiveSettings(authed, m.group(1));
    }
    if ((m = USERS.matcher(path)).matches()) {
      return listings.users(authed, m.group(1));
    }
    return notFound(authed);
  }

  private static boolean known(String path) {
    return path.equals("/v1/apikeys")
        || path.equals("/v1/profiles")
        || path.equals("/v1/serviceid_groups")
        || List.of(API_KEY, SERVICE_IDS, SERVICE_ID, PROFILE, SETTINGS, EFFECTIVE_SETTINGS, USERS)
            .stream()
            .anyMatch(pattern -> pattern.matcher(path).matches());
  }

  private static boolean get(Call call) {
    return call.method().equals("GET");
  }

  private static boolean post(Call call) {
    return call.method().equals("POST");
  }

  private static Reply notFound(Call call) {
    return Errors.forPath(404, call, "not_found", "BXNIM0102E", "No endpoint " + call.path());
  }

  private static Reply notAllowed(Call call) {
    return Errors.forPath(
        405,
        call,
        "method_not_allowed",
        "BXNIM0105E",
        "Method " + call.method() + " is not allowed on " + call.path());
  }

  /**
   * The first 429 or 5xx fault that fires for this request; every fault counts the requests it
   * applies to.
   */
  private Reply injectedStatus(Call call) {
    Reply fired = null;
    for (int i = 0; i < faultCounts.length; i++) {
      Fault fault = options.faults().get(i);
      if (fault.kind() != Fault.Kind.STATUS || !fault.appliesTo(call.path())) {
        continue;
      }
      boolean fires = fault.firesOn(faultCounts[i].incrementAndGet());
      if (fires && fired == null) {
        fired =
            fault.status() == 429
                ? Errors.forPath(
                        429,
                        call,
                        "too_many_requests",
                        "BXNIM0429E",
                        "Too many requests. Wait before calling the API again.")
                    .withHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()))
                : Errors.forPath(
                    fault.status(),
                    call,
                    "internal_server_error",
                    "BXNIM0500E",
                    "The service is temporarily unavailable. Try again later.");
      }
    }
    return fired;
  }

  private boolean injectMalformed(Call call) {
    boolean fires = false;
    for (int i = 0; i < faultCounts.length; i++) {
      Fault fault = options.faults().get(i);
      if (fault.kind() == Fault.Kind.MALFORMED && fault.appliesTo(call.path())) {
        fires |= fault.firesOn(faultCounts[i].incrementAndGet());
      }
    }
    return fires;
  }

  private static Call call(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    List<Map.Entry<String, String>> form =
        contentType != null
                && contentType
                    .toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")
            ? Call.parseQuery(new String(body, StandardCharsets.UTF_8))
            : List.of();
    String transactionId = exchange.getRequestHeaders().getFirst("Transaction-Id");
    return new Call(
        exchange.getRequestMethod(),
        uri.getRawPath(),
        Call.parseQuery(uri.getRawQuery()),
        exchange.getRequestHeaders().getFirst("Authorization"),
        form,
        exchange.getRequestHeaders().getFirst("User-Agent"),
        transactionId != null ? transactionId : "iam-sim-" + UUID.randomUUID(),
        null);
  }

  /**
   * @param body the written body, or null to stream it now
   */
  private static void send(
      HttpExchange exchange, Reply reply, String transactionId, byte[] body, boolean truncate)
      throws IOException {
    exchange.getResponseHeaders().set("Transaction-Id", transactionId);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (body == null) {
      exchange.sendResponseHeaders(reply.status(), 0);
      try (OutputStream out = exchange.getResponseBody()) {
        write(reply, out);
      }
      return;
    }
    int length = truncate ? body.length / 2 : body.length;
    exchange.sendResponseHeaders(reply.status(), length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body, 0, length);
    }
  }

  private static byte[] render(Reply reply) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    write(reply, buffer);
    return buffer.toByteArray();
  }

  private static void write(Reply reply, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      reply.body().write(json);
    }
  }
}
