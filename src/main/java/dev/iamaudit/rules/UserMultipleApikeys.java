package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A user who owns more than {@code max} API keys. */
public final class UserMultipleApikeys implements Rule {
  private static final RuleSpec SPEC = new RuleSpec("user-multiple-apikeys", Severity.LOW, true, Map.of("max", 1L));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public String title() {
    return "User with several API keys";
  }

  @Override
  public String description() {
    return "A user holding more than max API keys usually has some that are no longer used; each one is a "
        + "credential with all of the user's access.";
  }

  @Override
  public String remedy() {
    return "Delete the keys the user no longer needs; automation should use service IDs.";
  }

  @Override
  public Set<DataSet> needs() {
    return Set.of(DataSet.API_KEYS);
  }

  @Override
  public Stream<Entity> scope(Inventory inventory) {
    Map<String, Entity> owners = new TreeMap<>(usersById(inventory));
    keysByOwner(inventory).forEach((owner, keys) -> owners.putIfAbsent(owner, ownerEntity(owner, keys, Map.of())));
    return owners.values().stream();
  }

  @Override
  public RuleOutcome evaluate(Inventory inventory, RuleConfig config) {
    long max = config.param("max");
    List<Violation> violations = new ArrayList<>();
    Map<String, Entity> users = usersById(inventory);
    List<Map.Entry<String, List<ApiKey>>> over = keysByOwner(inventory).entrySet().stream()
        .filter(owned -> owned.getValue().size() > max).sorted(Map.Entry.comparingByKey()).toList();
    for (Map.Entry<String, List<ApiKey>> owned : over) {
      List<ApiKey> keys = owned.getValue();
      Entity user = ownerEntity(owned.getKey(), keys, users);
      // Sorted once here: every report that writes the message would otherwise sort and join them again.
      List<String> ids = keys.stream().map(ApiKey::id).sorted().toList();
      violations.add(new Violation(user, out -> {
        user.describeTo(out).append(" owns ").append(ids.size()).append(" API keys (");
        for (int i = 0; i < ids.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(ids.get(i));
        }
        out.append("); allowed ").append(max)
            .append(". Fix: delete the keys that are no longer used with 'ibmcloud iam api-key-delete <id>', ");
        Remedies.allowlist(out, user, id()).append('.');
      }));
    }
    return inventory.has(DataSet.API_KEYS)
        ? RuleOutcome.of(violations)
        : RuleOutcome.of(violations, "only the keys the activity report lists were counted; the API key "
            + "listing would show every key");
  }

  private static Map<String, List<ApiKey>> keysByOwner(Inventory inventory) {
    Map<String, List<ApiKey>> byOwner = new HashMap<>();
    for (ApiKey key : inventory.apiKeys()) {
      if (key.ownerType() == ApiKey.Owner.USER && key.iamId() != null) {
        byOwner.computeIfAbsent(key.iamId(), owner -> new ArrayList<>()).add(key);
      }
    }
    return byOwner;
  }

  private static Map<String, Entity> usersById(Inventory inventory) {
    Map<String, Entity> users = new HashMap<>();
    inventory.users().forEach(user -> users.put(user.iamId(), user.entity()));
    return users;
  }

  /** The owner as the user listing knows it, else as the keys describe it. */
  private static Entity ownerEntity(String iamId, List<ApiKey> keys, Map<String, Entity> users) {
    Entity known = users.get(iamId);
    if (known != null) {
      return known;
    }
    String name = keys.stream().map(ApiKey::ownerName).filter(n -> n != null && !n.isEmpty()).findFirst()
        .orElse(null);
    return new Entity(IdentityType.USER, iamId, iamId, name);
  }
}
