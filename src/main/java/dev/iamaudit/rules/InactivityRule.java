package dev.iamaudit.rules;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.policy.RuleConfig;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * "Identity not used for more than {@code maxDays}": the inactivity rules differ only in which
 * identities they judge, where an identity's life starts, the verb for its use and the fix. An
 * identity that never authenticated is inactive since its creation; with the creation date unknown
 * it counts as inactive (fail closed) and the message says so.
 */
abstract class InactivityRule<T extends Identity> extends IdentityRule<T> {
  private final String verb;

  /**
   * @param verb how the identity is used: "authenticated", "logged in", "used"
   */
  InactivityRule(Class<T> type, String verb) {
    super(type);
    this.verb = verb;
  }

  @Override
  public final OptionalLong inactivityThresholdDays(RuleConfig config) {
    return OptionalLong.of(config.param("maxDays"));
  }

  /** When the identity came to be (created, added to the account); null when unknown. */
  abstract Instant since(T identity);

  /**
   * The identity's name in the message; the identity itself unless a subclass says more (a key's
   * owner).
   */
  Message describe(Message message, T identity) {
    return message.identity(identity.entity());
  }

  /** False for a rule that leaves identities that never authenticated to another rule. */
  boolean judgesNever() {
    return true;
  }

  /** The fix, after ". Fix: ", ending with ", " before the allowlist alternative. */
  abstract Message fix(Message message, T identity);

  @Override
  protected void judge(
      T identity, RuleContext context, RuleConfig config, Consumer<Violation> out) {
    long maxDays = config.param("maxDays");
    Instant asOf = context.asOf();
    Activity activity = identity.activity();
    Instant since = since(identity);
    if ((activity.kind() == Activity.Kind.NEVER && !judgesNever())
        || !isOver(activity, since, asOf, maxDays)) {
      return;
    }
    Entity entity = identity.entity();
    out.accept(
        new Violation(
            entity,
            text -> {
              Message message = describe(Message.to(text), identity).text(' ');
              if (activity.kind() == Activity.Kind.INACTIVE) {
                message.text("last ").text(verb).text(' ').ago(activity.lastAuthn(), asOf);
              } else if (since == null) {
                message
                    .text("never ")
                    .text(verb)
                    .text(
                        " and its creation date is unknown, so it counts as inactive (fail "
                            + "closed)");
              } else {
                message.text("never ").text(verb).text("; created ").ago(since, asOf);
              }
              fix(message.text("; threshold ").days(maxDays).text(". Fix: "), identity)
                  .allowlist(entity, id())
                  .text('.');
            }));
  }

  /** True when the identity has been inactive for more than {@code maxDays} at {@code asOf}. */
  static boolean isOver(Activity activity, Instant since, Instant asOf, long maxDays) {
    return switch (activity.kind()) {
      case RECENT, UNKNOWN -> false;
      case INACTIVE -> Ages.days(activity.lastAuthn(), asOf) > maxDays;
      case NEVER -> since == null || Ages.days(since, asOf) > maxDays;
    };
  }
}
