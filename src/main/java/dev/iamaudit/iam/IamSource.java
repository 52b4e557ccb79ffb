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
import java.util.EnumMap;
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
import java.util.function.Function;
import java.util.random.RandomGenerator;
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
    // The activity and MFA reports each wait for IAM to build them, so they poll on threads of their own.
    ExecutorService reportThreads = Executors.newFixedThreadPool(2, IamSource::daemon);
    try {
      if (accountId == null) {
        return pull(http, tokens.accountId(), request, out, pool, reportThreads);
      }
      tokens.keyAccount().filter(keyAccount -> !keyAccount.equals(accountId)).ifPresent(keyAccount ->
          out.warn("The account to audit, " + accountId + ", is not the account of the API key in "
              + settings.apiKeyOrigin() + " (" + keyAccount + "); IAM answers a token's calls about another account "
              + "with 403, so expect that, or audit with a key created in " + accountId));
      return pull(http, accountId, request, out, pool, reportThreads);
    } finally {
      pool.shutdownNow();
      reportThreads.shutdownNow();
      client.connectionPool().evictAll();
    }
  }

  private Inventory pull(IamHttp http, String account, DataRequest request, AuditListener out,
      ExecutorService pool, ExecutorService reportThreads) {
    Listings listings = new Listings(http, account);
    List<Future<?>> started = new ArrayList<>();
    Future<ActivityReport> report = start(reportThreads, started, request.wants(DataSet.REPORT),
        () -> new ActivityReports(http, account, settings, clock, sleeper, out).fetch(request));
    Future<MfaReports.Result> mfaReport = start(reportThreads, started, request.wants(DataSet.MFA_REPORT),
        () -> new MfaReports(http, account, settings.reportTimeout(), clock, sleeper, out).fetch());
    boolean keys = request.wants(DataSet.API_KEYS);
    boolean services = request.wants(DataSet.SERVICE_IDS);
    Future<List<Listings.ServiceIdGroup>> groups = start(pool, started, keys || services, listings::serviceIdGroups);
    Future<Listing<ApiKey>> userKeys = start(pool, started, keys, () -> listings.apiKeys(KeyOwner.Kind.USER));
    Future<Listing<ApiKey>> serviceKeys =
        start(pool, started, keys, () -> listings.apiKeys(KeyOwner.Kind.SERVICEID));
    Future<Listing<ServiceId>> serviceIds = start(pool, started, services, listings::serviceIds);
    Future<Listing<Profile>> profiles = start(pool, started, request.wants(DataSet.PROFILES), listings::profiles);
    Future<Listing<User>> users = start(pool, started, request.wants(DataSet.USERS), () -> listings.users(out::warn));
    Future<AccountSettings> accountSettings = start(pool, started, request.wants(DataSet.SETTINGS),
        () -> new SettingsInForce(http, account).read(out));
    try {
      // IBM lists the default service ID group unless asked for another by id: once the groups are named, their
      // service IDs and keys are listed too, side by side with what is still running.
      List<Future<Listing<ApiKey>>> groupKeys = new ArrayList<>();
      List<Future<Listing<ServiceId>>> groupServiceIds = new ArrayList<>();
      List<Listings.ServiceIdGroup> fetchedGroups = join(groups);
      if (fetchedGroups != null) {
        out.info("Fetched " + count(fetchedGroups.size(), "service ID group"));
        for (Listings.ServiceIdGroup group : fetchedGroups) {
          if (keys) {
            groupKeys.add(start(pool, started, true, () -> listings.apiKeys(KeyOwner.Kind.SERVICEID, group.id())));
          }
          if (services) {
            groupServiceIds.add(start(pool, started, true, () -> listings.serviceIds(group.id())));
          }
        }
      }
      // The report can take minutes; joining it last lets a failed listing end the run at once.
      List<ApiKey> apiKeys = keys ? apiKeys(join(userKeys), all(join(serviceKeys), groupKeys), out) : null;
      List<ServiceId> fetchedServiceIds = services
          ? fetched(merged(all(join(serviceIds), groupServiceIds), ServiceId::id), "service ID", out) : null;
      List<Profile> fetchedProfiles = fetched(join(profiles), "trusted profile", out);
      List<User> fetchedUsers = fetched(join(users), "user", out);
      AccountSettings fetchedSettings = join(accountSettings);
      // Per-key activity is the slowest part of a large pull: fetch it for the listed keys while IAM is still
      // building the report, and afterwards only for keys the report knows and the listing did not show.
      Map<String, Long> authnCounts = null;
      if (request.wants(DataSet.KEY_ACTIVITY)) {
        authnCounts = new HashMap<>(authnCounts(http, pool, keyIds(apiKeys, null), out));
      }
      MfaReports.Result mfa = join(mfaReport);
      ActivityReport fetchedReport = join(report);
      if (authnCounts != null) {
        Set<String> reportOnly = keyIds(null, fetchedReport);
        reportOnly.removeAll(keyIds(apiKeys, null));
        if (!reportOnly.isEmpty()) {
          authnCounts.putAll(authnCounts(http, pool, reportOnly, out));
        }
      }
      Map<DataSet, String> unavailable = new EnumMap<>(DataSet.class);
      if (mfa != null && mfa.unavailable() != null) {
        unavailable.put(DataSet.MFA_REPORT, mfa.unavailable());
      }
      return InventoryAssembler.assemble(account, clock.instant(), new InventoryAssembler.Parts(fetchedReport,
          fetchedUsers, apiKeys, fetchedServiceIds, fetchedProfiles, fetchedSettings, authnCounts,
          mfa == null ? null : mfa.users(), unavailable));
    } catch (RuntimeException e) {
      Parallel.cancelAll(started);
      throw e;
    }
  }

  /** The default group's listing followed by the other groups'. */
  private static <T> List<Listing<T>> all(Listing<T> first, List<Future<Listing<T>>> more) {
    List<Listing<T>> all = new ArrayList<>(1 + more.size());
    if (first != null) {
      all.add(first);
    }
    more.forEach(future -> all.add(join(future)));
    return all;
  }

  /** One listing of the items of several, each item once, in the order first listed. */
  private static <T> Listing<T> merged(List<Listing<T>> listings, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    int pages = 0;
    for (Listing<T> listing : listings) {
      listing.items().forEach(item -> byId.putIfAbsent(id.apply(item), item));
      pages += listing.pages();
    }
    return new Listing<>(List.copyOf(byId.values()), pages);
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

  private static List<ApiKey> apiKeys(Listing<ApiKey> userKeys, List<Listing<ApiKey>> serviceKeys,
      AuditListener out) {
    // Each key should come under one filter and group only; if one ever came under two, it must not count twice.
    List<Listing<ApiKey>> all = new ArrayList<>(1 + serviceKeys.size());
    all.add(userKeys);
    all.addAll(serviceKeys);
    Listing<ApiKey> keys = merged(all, ApiKey::id);
    out.info("Fetched " + count(keys.items().size(), "API key") + " (" + pages(keys.pages()) + ")");
    return keys.items();
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
