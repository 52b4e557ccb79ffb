import dev.iamaudit.simulator.SimulatedAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The critical path of a live pull of the account `simulator --generate N --seed SEED` serves: the
 * longest chain of calls that each wait for the one before, at LATENCY_MS a call, plus the time IAM
 * takes to build a report.
 *
 * <pre>
 * java -cp target/iam-audit.jar bench/CriticalPath.java N SEED LATENCY_MS BUILD_MS BUILD_PER_1000_MS ACTIVITY
 * </pre>
 *
 * A listing's pages are a chain (each page's token comes with the page before; 100 a page, IBM's
 * most); the groups' listings wait for the group list; a report is trigger, build, then the GET
 * that finds it built. With ACTIVITY=1 every key's activity is fetched too: the last key can only
 * be asked for once the page naming it is in, so the chain of each key listing is one call longer.
 * Prints the chains, longest last, then "critical SECONDS".
 */
public class CriticalPath {
  private static final int PAGE = 100;

  public static void main(String[] args) {
    int identities = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    double latency = Double.parseDouble(args[2]) / 1000;
    double buildFixed = Double.parseDouble(args[3]) / 1000;
    double buildPer1000 = Double.parseDouble(args[4]) / 1000;
    boolean activity = args[5].equals("1");
    SimulatedAccount account = SimulatedAccount.generate(identities, seed, Instant.now());

    Map<String, String> groupOf = new HashMap<>();
    account
        .serviceIds()
        .forEach(
            service -> {
              if (service.groupId() != null) {
                groupOf.put(service.iamId(), service.groupId());
              }
            });
    Map<String, Integer> serviceKeys = new LinkedHashMap<>();
    Map<String, Integer> serviceIds = new LinkedHashMap<>();
    serviceKeys.put("default", 0);
    serviceIds.put("default", 0);
    account
        .serviceIdGroups()
        .forEach(
            group -> {
              serviceKeys.put(group.id(), 0);
              serviceIds.put(group.id(), 0);
            });
    int userKeys = 0;
    for (SimulatedAccount.ApiKey key : account.apiKeys()) {
      if (key.ownedByServiceId()) {
        serviceKeys.merge(groupOf.getOrDefault(key.iamId(), "default"), 1, Integer::sum);
      } else {
        userKeys++;
      }
    }
    account
        .serviceIds()
        .forEach(
            service ->
                serviceIds.merge(
                    service.groupId() == null ? "default" : service.groupId(), 1, Integer::sum));

    // Calls after the token, in order, and the seconds a build adds.
    record Chain(String name, int calls, double build) {
      double seconds(double latency) {
        return (1 + calls) * latency + build;
      }
    }
    int more = activity ? 1 : 0;
    List<Chain> chains = new ArrayList<>();
    chains.add(new Chain("user keys (" + userKeys + ")", pages(userKeys) + more, 0));
    serviceKeys.forEach(
        (group, n) ->
            chains.add(
                new Chain(
                    "service ID keys of group " + group + " (" + n + ")",
                    (group.equals("default") ? 0 : 1) + pages(n) + more,
                    0)));
    serviceIds.forEach(
        (group, n) ->
            chains.add(
                new Chain(
                    "service IDs of group " + group + " (" + n + ")",
                    (group.equals("default") ? 0 : 1) + pages(n),
                    0)));
    chains.add(
        new Chain(
            "trusted profiles (" + account.profiles().size() + ")",
            pages(account.profiles().size()),
            0));
    chains.add(
        new Chain("users (" + account.users().size() + ")", pages(account.users().size()), 0));
    chains.add(new Chain("identity settings", 1, 0));
    chains.add(
        new Chain(
            "activity report over " + identities + " identities: trigger, build, GET",
            2,
            buildFixed + buildPer1000 * identities / 1000));
    chains.add(
        new Chain(
            "MFA report over " + account.users().size() + " users: trigger, build, GET",
            2,
            buildFixed + buildPer1000 * account.users().size() / 1000));
    chains.sort((a, b) -> Double.compare(a.seconds(latency), b.seconds(latency)));
    for (Chain chain : chains) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "%8.2f s  token + %d calls%s: %s",
              chain.seconds(latency),
              chain.calls(),
              chain.build() > 0 ? String.format(Locale.ROOT, " + %.1f s build", chain.build()) : "",
              chain.name()));
    }
    System.out.println(
        String.format(
            Locale.ROOT, "critical %.2f", chains.get(chains.size() - 1).seconds(latency)));
  }

  private static int pages(int items) {
    return Math.max(1, (items + PAGE - 1) / PAGE);
  }
}
