package dev.iamaudit.iam;

import dev.iamaudit.Counted;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The live account from IBM Cloud: a token for the API key, the activity report and the listings
 * the enabled rules need, merged into one {@link Inventory}. Every call that waits for no other
 * starts at once, each listing on a thread of its own, so the pull takes about as long as its
 * longest chain of calls: a listing's pages one after the other (each page's token comes with the
 * page before), or the report's trigger, polls and download.
 */
public final class IamSource implements Source {
  private final IamSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator jitter;
  private final int initialKeyCalls;
  private final IamEndpoints endpoints;

  /**
   * @throws dev.iamaudit.failure.UsageException for a plain http URL that is not loopback
   */
  public IamSource(IamSettings settings, Clock clock, Sleeper sleeper) {
    this(settings, clock, sleeper, new Random(), CallLimit.INITIAL);
  }

  /**
   * @param initialKeyCalls how many per-key activity calls go out at once before IAM's answers tell
   *     more
   */
  IamSource(
      IamSettings settings,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator jitter,
      int initialKeyCalls) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.initialKeyCalls = initialKeyCalls;
    this.endpoints = new IamEndpoints(settings.iamUrl(), settings.userManagementUrl());
  }

  /**
   * Hands the account on once it is pulled whole: the listings and the report are merged by id, so
   * this source holds every identity before the audit judges the first.
   */
  @Override
  public ReportInfo read(
      String accountId, DataRequest request, AuditListener listener, AccountSink sink) {
    return AccountSink.feed(load(accountId, request, listener), sink);
  }

  /** The account, pulled and merged into one inventory. */
  public Inventory load(String accountId, DataRequest request, AuditListener listener) {
    AuditListener out = new SynchronizedListener(listener);
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .followRedirects(false)
            .followSslRedirects(false)
            // Keep a connection for every call that may be in flight, or each burst would open new
            // ones.
            .connectionPool(new ConnectionPool(CallLimit.MAX + 16, 5, TimeUnit.MINUTES))
            .build();
    Redactor redactor = new Redactor();
    RetryPolicy retry = new RetryPolicy(jitter);
    TokenProvider tokens =
        new TokenProvider(
            new IamHttp(client, endpoints, retry, sleeper, clock, redactor, out),
            settings,
            clock,
            redactor);
    IamHttp http =
        new IamHttp(
            client.newBuilder().addInterceptor(new BearerAuth(endpoints, tokens)).build(),
            endpoints,
            retry,
            sleeper,
            clock,
            redactor,
            out);
    PullProgress progress = new PullProgress(clock, out);
    try (Parallel parallel = new Parallel()) {
      if (accountId == null) {
        return pull(http, tokens.accountId(), request, out, parallel, progress);
      }
      tokens
          .keyAccount()
          .filter(keyAccount -> !keyAccount.equals(accountId))
          .ifPresent(
              keyAccount ->
                  out.warn(
                      "The account to audit, "
                          + accountId
                          + ", is not the account of the API key in "
                          + settings.apiKeyOrigin()
                          + " ("
                          + keyAccount
                          + "); IAM answers a token's calls about another account "
                          + "with 403, so expect that, or audit with a key created in "
                          + accountId));
      return pull(http, accountId, request, out, parallel, progress);
    } finally {
      client.connectionPool().evictAll();
    }
  }

  private Inventory pull(
      IamHttp http,
      String account,
      DataRequest request,
      AuditListener out,
      Parallel parallel,
      PullProgress progress) {
    Listings listings = new Listings(http, account, progress);
    KeyActivity activity =
        request.wants(DataSet.KEY_ACTIVITY)
            ? new KeyActivity(
                http,
                new CallLimit(clock, sleeper, initialKeyCalls, CallLimit.MAX),
                parallel,
                progress)
            : null;
    Consumer<List<String>> listedKeys = activity == null ? ids -> {} : activity::fetch;
    CompletableFuture<ActivityReport> report =
        start(
            parallel,
            request.wants(DataSet.REPORT),
            () -> new ActivityReports(http, account, settings, clock, sleeper, out).fetch(request));
    CompletableFuture<MfaReports.Result> mfaReport =
        start(
            parallel,
            request.wants(DataSet.MFA_REPORT),
            () -> new MfaReports(http, account, settings, clock, sleeper, out).fetch());
    boolean keys = request.wants(DataSet.API_KEYS);
    boolean services = request.wants(DataSet.SERVICE_IDS);
    CompletableFuture<List<Listings.ServiceIdGroup>> groups =
        start(parallel, keys || services, listings::serviceIdGroups);
    CompletableFuture<Listing<ApiKey>> userKeys =
        start(parallel, keys, () -> listings.apiKeys(KeyOwner.Kind.USER, null, listedKeys));
    CompletableFuture<Listing<ApiKey>> serviceKeys =
        start(parallel, keys, () -> listings.apiKeys(KeyOwner.Kind.SERVICEID, null, listedKeys));
    CompletableFuture<Listing<ServiceId>> serviceIds =
        start(parallel, services, listings::serviceIds);
    CompletableFuture<Listing<Profile>> profiles =
        start(parallel, request.wants(DataSet.PROFILES), listings::profiles);
    CompletableFuture<Listing<User>> users =
        start(parallel, request.wants(DataSet.USERS), () -> listings.users(out::warn));
    CompletableFuture<AccountSettings> accountSettings =
        start(
            parallel,
            request.wants(DataSet.SETTINGS),
            () -> new SettingsInForce(http, account).read(out));
    // IBM lists the default service ID group unless asked for another by id: once the groups are
    // named, their
    // service IDs and keys are listed too, side by side with what is still running.
    List<CompletableFuture<Listing<ApiKey>>> groupKeys = new ArrayList<>();
    List<CompletableFuture<Listing<ServiceId>>> groupServiceIds = new ArrayList<>();
    List<Listings.ServiceIdGroup> fetchedGroups = join(parallel, groups);
    if (fetchedGroups != null) {
      out.info("Fetched " + Counted.of(fetchedGroups.size(), "service ID group"));
      for (Listings.ServiceIdGroup group : fetchedGroups) {
        if (keys) {
          groupKeys.add(
              parallel.start(
                  () -> listings.apiKeys(KeyOwner.Kind.SERVICEID, group.id(), listedKeys)));
        }
        if (services) {
          groupServiceIds.add(parallel.start(() -> listings.serviceIds(group.id())));
        }
      }
    }
    // The report can take minutes; joining it last lets a failed listing end the run at once.
    List<ApiKey> apiKeys =
        keys
            ? apiKeys(
                join(parallel, userKeys),
                all(parallel, join(parallel, serviceKeys), groupKeys),
                out)
            : null;
    List<ServiceId> fetchedServiceIds =
        services
            ? fetched(
                merged(all(parallel, join(parallel, serviceIds), groupServiceIds), ServiceId::id),
                "service ID",
                out)
            : null;
    List<Profile> fetchedProfiles = fetched(join(parallel, profiles), "trusted profile", out);
    List<User> fetchedUsers = fetched(join(parallel, users), "user", out);
    AccountSettings fetchedSettings = join(parallel, accountSettings);
    MfaReports.Result mfa = join(parallel, mfaReport);
    ActivityReport fetchedReport = join(parallel, report);
    Map<String, Long> authnCounts = null;
    if (activity != null) {
      // Without the listing, or for a key the report knows and the listing missed, the report names
      // the keys.
      if (fetchedReport != null) {
        activity.fetch(fetchedReport.apiKeys().stream().map(ApiKey::id).toList());
      }
      authnCounts = activity.counts();
      CallLimit limit = activity.limit();
      out.info(
          "Fetched the activity details of "
              + Counted.of(authnCounts.size(), "API key")
              + " (at most "
              + Counted.of(limit.mostInFlight(), "call")
              + " at once"
              + (limit.throttled() == 0
                  ? ""
                  : "; IAM asked to slow down " + Counted.of(limit.throttled(), "time"))
              + ")");
    }
    Map<DataSet, String> unavailable = new EnumMap<>(DataSet.class);
    if (mfa != null && mfa.unavailable() != null) {
      unavailable.put(DataSet.MFA_REPORT, mfa.unavailable());
    }
    out.info("Pulled account " + account + " in " + seconds(progress.elapsed()));
    return InventoryAssembler.assemble(
        account,
        clock.instant(),
        new InventoryAssembler.Parts(
            fetchedReport,
            fetchedUsers,
            apiKeys,
            fetchedServiceIds,
            fetchedProfiles,
            fetchedSettings,
            authnCounts,
            mfa == null ? null : mfa.users(),
            unavailable));
  }

  /** The default group's listing followed by the other groups'. */
  private static <T> List<Listing<T>> all(
      Parallel parallel, Listing<T> first, List<CompletableFuture<Listing<T>>> more) {
    List<Listing<T>> all = new ArrayList<>(1 + more.size());
    if (first != null) {
      all.add(first);
    }
    more.forEach(future -> all.add(parallel.join(future)));
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

  private static <T> CompletableFuture<T> start(
      Parallel parallel, boolean wanted, Callable<T> task) {
    return wanted ? parallel.start(task) : null;
  }

  private static <T> T join(Parallel parallel, CompletableFuture<T> future) {
    return future == null ? null : parallel.join(future);
  }

  private static List<ApiKey> apiKeys(
      Listing<ApiKey> userKeys, List<Listing<ApiKey>> serviceKeys, AuditListener out) {
    // Each key should come under one filter and group only; if one ever came under two, it must not
    // count twice.
    List<Listing<ApiKey>> all = new ArrayList<>(1 + serviceKeys.size());
    all.add(userKeys);
    all.addAll(serviceKeys);
    Listing<ApiKey> keys = merged(all, ApiKey::id);
    out.info(
        "Fetched "
            + Counted.of(keys.items().size(), "API key")
            + " ("
            + Counted.of(keys.pages(), "page")
            + ")");
    return keys.items();
  }

  private static <T> List<T> fetched(Listing<T> listing, String what, AuditListener out) {
    if (listing == null) {
      return null;
    }
    out.info(
        "Fetched "
            + Counted.of(listing.items().size(), what)
            + " ("
            + Counted.of(listing.pages(), "page")
            + ")");
    return listing.items();
  }

  /** "0.4 s", "18.2 s". */
  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
