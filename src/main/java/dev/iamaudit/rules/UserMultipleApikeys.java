package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.IdentityType;
import dev.iamaudit.inventory.User;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A user who owns more than {@code max} API keys. */
public final class UserMultipleApikeys implements Rule {
  private static final RuleSpec SPEC =
      new RuleSpec("user-multiple-apikeys", Severity.LOW, true, Map.of("max", 1L));

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
    return "A user holding more than max API keys usually has some that are no longer used; each"
        + " one is a credential with all of the user's access.";
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
  public Check start(RuleContext context, RuleConfig config) {
    return new Counting(
        config.param("max"),
        context.has(DataSet.API_KEYS)
            ? null
            : "only the keys the activity report lists were counted; the API key listing would show"
                + " every key");
  }

  /** Keeps, per user, the ids of the keys they own: all the rule needs across identities. */
  private final class Counting implements Check {
    private final long max;
    private final String note;
    private final Map<String, Entity> users = new HashMap<>();
    private final Map<String, Owned> owners = new HashMap<>();

    Counting(long max, String note) {
      this.max = max;
      this.note = note;
    }

    @Override
    public void judge(Identity identity, Consumer<Violation> out) {
      if (identity instanceof User user) {
        if (user.iamId() != null) {
          users.put(user.iamId(), user.entity());
        }
      } else if (identity instanceof ApiKey key && key.ownedByUser() && key.iamId() != null) {
        owners.computeIfAbsent(key.iamId(), owner -> new Owned()).add(key);
      }
    }

    @Override
    public void finish(Consumer<Violation> out) {
      owners.entrySet().stream()
          .filter(owned -> owned.getValue().count > max)
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              owned -> {
                Entity user =
                    users.getOrDefault(
                        owned.getKey(),
                        new Entity(
                            IdentityType.USER,
                            owned.getKey(),
                            owned.getKey(),
                            owned.getValue().ownerName));
                List<String> ids = owned.getValue().sortedIds();
                out.accept(
                    new Violation(
                        user,
                        text -> {
                          Message message =
                              Message.to(text)
                                  .identity(user)
                                  .text(" owns ")
                                  .number(ids.size())
                                  .text(" API keys (");
                          for (int i = 0; i < ids.size(); i++) {
                            message.text(i == 0 ? "" : ", ").text(ids.get(i));
                          }
                          message
                              .text("); allowed ")
                              .number(max)
                              .text(
                                  ". Fix: delete the keys that are no longer used with 'ibmcloud"
                                      + " iam api-key-delete <id>', ")
                              .allowlist(user, id())
                              .text('.');
                        }));
              });
    }

    @Override
    public String note() {
      return note;
    }

    /** Every user, and every owner of a key the user listing does not show. */
    @Override
    public long checked() {
      return users.size()
          + owners.keySet().stream().filter(owner -> !users.containsKey(owner)).count();
    }
  }

  /**
   * The keys of one user, and the user's name as the first key that names it says. The ids are kept
   * end to end in one builder, each after its length, not as a String each in a list: the rule
   * keeps every user key of the account until the end, the one thing it must hold across
   * identities, and this holds it in about half the memory.
   */
  private static final class Owned {
    private final StringBuilder keyIds = new StringBuilder(48);
    private int count;
    private String ownerName;

    void add(ApiKey key) {
      String id = key.id();
      // The length in two chars, for any length a String may have.
      keyIds.append((char) (id.length() >>> 16)).append((char) id.length()).append(id);
      count++;
      if (ownerName == null && key.owner().name() != null && !key.owner().name().isEmpty()) {
        ownerName = key.owner().name();
      }
    }

    /** Sorted once here: every report that writes the message would otherwise sort them again. */
    List<String> sortedIds() {
      String[] ids = new String[count];
      for (int i = 0, at = 0; i < count; i++) {
        int length = keyIds.charAt(at) << 16 | keyIds.charAt(at + 1);
        ids[i] = keyIds.substring(at + 2, at + 2 + length);
        at += 2 + length;
      }
      Arrays.sort(ids);
      return List.of(ids);
    }
  }
}
