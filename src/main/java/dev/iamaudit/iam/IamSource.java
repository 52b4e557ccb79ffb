package dev.iamaudit.iam;

import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.iam.Pager.Listing;
import dev.iamaudit.inventory.AccountSettings;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.Profile;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import dev.iamaudit.source.DataRequest;
import dev.iamaudit.source.Source;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * The live account from IBM Cloud: a token for the API key, the activity report and the listings the enabled rules
 * need (independent calls in parallel), merged into one {@link Inventory}.
 */
public final class IamSource implements Source {
  /** Threads for the parallel calls, and so the most per-key activity calls in flight at once. */
  static final int PARALLELISM = 8;

  private final IamSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator jitter;
  private final int parallelism;
  private final IamEndpoints endpoints;

  /** @throws dev.iamaudit.failure.UsageException for a plain http URL that is not loopback */
  public IamSource(IamSettings settings, Clock clock, Sleeper sleeper) {
    this(settings, clock, sleeper, new Random(), PARALLELISM);
  }

  IamSource(IamSettings settings, Clock clock, Sleeper sleeper, RandomGenerator jitter, int parallelism) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.parallelism = parallelism;
    this.endpoints = new IamEndpoints(settings.iamUrl(), settings.userManagementUrl());
  }

  /**
   * Hands the account on once it is pulled whole: the listings and the report are merged by id, so this source
   * holds every identity before the audit judges the first.
   */
  @Override
  public ReportInfo read(String accountId, DataRequest request, AuditListener listener, AccountSink sink) {
    return AccountSink.feed(load(accountId, request, listener), sink);
  }

  /** The account, pulled and merged into one inventory. */
  public Inventory load(String accountId, DataRequest request, AuditListener listener) {
    AuditListener out = new SynchronizedListener(listener);
    OkHttpClient client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    Redactor redactor = new Redactor();
    RetryPolicy retry = new RetryPolicy(jitter);
    TokenProvider tokens = new TokenProvider(new IamHttp(client, endpoints, retry, sleeper, clock, redactor, out),
        settings.apiKey(), settings.apiKeyOrigin(), clock, redactor);
    IamHttp http = new IamHttp(client.newBuilder().addInterceptor(new BearerAuth(endpoints, tokens)).build(),
        endpoints, retry, sleeper, clock, redactor, out);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, IamSource::daemon);
    ExecutorService reportThread = Executors.newSingleThreadExecutor(IamSource::daemon);
    try {
      if (accountId == null) {
        return pull(http, tokens.accountId(), request, out, pool, reportThread);
      }
      tokens.keyAccount().filter(keyAccount -> !keyAccount.equals(accountId)).ifPresent(keyAccount ->
          out.warn("The account to audit, " + accountId + ", is not the account of the API key in "
              + settings.apiKeyOrigin() + " (" + keyAccount + "); IAM answers a token's calls about another account "
              + "with 403, so expect that, or audit with a key created in " + accountId));
      return pull(http, accountId, request, out, pool, reportThread);
    } finally {
      pool.shutdownNow();
      reportThread.shutdownNow();
      client.connectionPool().evictAll();
    }
  }

  private Inventory pull(IamHttp http, String account, DataRequest request, AuditListener out,
      ExecutorService pool, ExecutorService reportThread) {
    Listings listings = new Listings(http, account);
    List<Future<?>> started = new ArrayList<>();
    Future<ActivityReport> report = start(reportThread, started, request.wants(DataSet.REPORT),
        () -> new ActivityReports(http, account, settings, clock, sleeper, out).fetch(request));
    boolean keys = request.wants(DataSet.API_KEYS);
    Future<Listing<ApiKey>> userKeys = start(pool, started, keys, () -> listings.apiKeys(KeyOwner.Kind.USER));
    Future<Listing<ApiKey>> serviceKeys =
        start(pool, started, keys, () -> listings.apiKeys(KeyOwner.Kind.SERVICEID));
    Future<Listing<ServiceId>> serviceIds =
        start(pool, started, request.wants(DataSet.SERVICE_IDS), listings::serviceIds);
    Future<Listing<Profile>> profiles = start(pool, started, request.wants(DataSet.PROFILES), listings::profiles);
    Future<Listing<User>> users = start(pool, started, request.wants(DataSet.USERS), listings::users);
    Future<AccountSettings> accountSettings =
        start(pool, started, request.wants(DataSet.SETTINGS), listings::settings);
    try {
      // The report can take minutes; joining it last lets a failed listing end the run at once.
      List<ApiKey> apiKeys = keys ? apiKeys(join(userKeys), join(serviceKeys), out) : null;
      List<ServiceId> fetchedServiceIds = fetched(join(serviceIds), "service ID", out);
      List<Profile> fetchedProfiles = fetched(join(profiles), "trusted profile", out);
      List<User> fetchedUsers = fetched(join(users), "user", out);
      AccountSettings fetchedSettings = join(accountSettings);
      if (fetchedSettings != null) {
        out.info("Fetched the account identity settings");
      }
      // Per-key activity is the slowest part of a large pull: fetch it for the listed keys while IAM is still
      // building the report, and afterwards only for keys the report knows and the listing did not show.
      Map<String, Long> authnCounts = null;
      if (request.wants(DataSet.KEY_ACTIVITY)) {
        authnCounts = new HashMap<>(authnCounts(http, pool, keyIds(apiKeys, null), out));
      }
      ActivityReport fetchedReport = join(report);
      if (authnCounts != null) {
        Set<String> reportOnly = keyIds(null, fetchedReport);
        reportOnly.removeAll(keyIds(apiKeys, null));
        if (!reportOnly.isEmpty()) {
          authnCounts.putAll(authnCounts(http, pool, reportOnly, out));
        }
      }
      return InventoryAssembler.assemble(account, clock.instant(), new InventoryAssembler.Parts(fetchedReport,
          fetchedUsers, apiKeys, fetchedServiceIds, fetchedProfiles, fetchedSettings, authnCounts));
    } catch (RuntimeException e) {
      Parallel.cancelAll(started);
      throw e;
    }
  }

  private static <T> Future<T> start(ExecutorService pool, List<Future<?>> started, boolean wanted,
      Callable<T> task) {
    if (!wanted) {
      return null;
    }
    Future<T> future = pool.submit(task);
    started.add(future);
    return future;
  }

  private static <T> T join(Future<T> future) {
    return future == null ? null : Parallel.join(future);
  }

  private static List<ApiKey> apiKeys(Listing<ApiKey> userKeys, Listing<ApiKey> serviceKeys, AuditListener out) {
    // Each key should come under one filter only; if one ever came under both, it must not count twice.
    Map<String, ApiKey> byId = new LinkedHashMap<>();
    Stream.concat(userKeys.items().stream(), serviceKeys.items().stream())
        .forEach(key -> byId.putIfAbsent(key.id(), key));
    List<ApiKey> all = List.copyOf(byId.values());
    out.info("Fetched " + count(all.size(), "API key") + " (" + pages(userKeys.pages() + serviceKeys.pages()) + ")");
    return all;
  }

  private static <T> List<T> fetched(Listing<T> listing, String what, AuditListener out) {
    if (listing == null) {
      return null;
    }
    out.info("Fetched " + count(listing.items().size(), what) + " (" + pages(listing.pages()) + ")");
    return listing.items();
  }

  /** Every key known, from the listing or, without it, the report. */
  private static Set<String> keyIds(List<ApiKey> listed, ActivityReport report) {
    Set<String> ids = new LinkedHashSet<>();
    if (listed != null) {
      listed.forEach(key -> ids.add(key.id()));
    }
    if (report != null) {
      report.apiKeys().forEach(key -> ids.add(key.id()));
    }
    return ids;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "iam-audit-fetch");
    thread.setDaemon(true);
    return thread;
  }

  private Map<String, Long> authnCounts(IamHttp http, ExecutorService pool, Set<String> ids, AuditListener out) {
    KeyActivity activity = new KeyActivity(http, pool);
    Map<String, Long> counts = activity.authnCounts(ids);
    out.info("Fetched the activity details of " + count(counts.size(), "API key") + " (at most "
        + count(activity.maxInFlight(), "call") + " at once)");
    return counts;
  }

  /** "1 user", "12,345 API keys". */
  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String pages(int pages) {
    return pages == 1 ? "1 page" : pages + " pages";
  }
}
