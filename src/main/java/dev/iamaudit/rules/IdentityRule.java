package dev.iamaudit.rules;

import dev.iamaudit.inventory.Identity;
import dev.iamaudit.policy.RuleConfig;
import java.util.function.Consumer;

/**
 * A rule that judges identities of one kind one at a time, each on its own: what most rules are.
 * Subclasses say which identities they judge and what is wrong with one; counting, dispatch and
 * missing data are handled here.
 *
 * @param <T> the kind of identity judged
 */
public abstract class IdentityRule<T extends Identity> implements Rule {
  private final Class<T> type;

  protected IdentityRule(Class<T> type) {
    this.type = type;
  }

  @Override
  public final Check start(RuleContext context, RuleConfig config) {
    String missing = missing(context);
    return missing != null
        ? Check.notEvaluated(missing)
        : new Judging(context, config, note(context));
  }

  /** Why the rule cannot run on what the source holds, or null when it can. */
  protected String missing(RuleContext context) {
    return null;
  }

  /** How missing data shapes the result of a rule that runs anyway, or null. */
  protected String note(RuleContext context) {
    return null;
  }

  /** Whether the rule judges this identity at all; those it does are counted as checked. */
  protected boolean applies(T identity, RuleContext context) {
    return true;
  }

  /** Reports what is wrong with {@code identity}, if anything. */
  protected abstract void judge(
      T identity, RuleContext context, RuleConfig config, Consumer<Violation> out);

  private final class Judging implements Check {
    private final RuleContext context;
    private final RuleConfig config;
    private final String note;
    private long checked;

    Judging(RuleContext context, RuleConfig config, String note) {
      this.context = context;
      this.config = config;
      this.note = note;
    }

    @Override
    public void judge(Identity identity, Consumer<Violation> out) {
      if (type.isInstance(identity)) {
        T candidate = type.cast(identity);
        if (applies(candidate, context)) {
          checked++;
          IdentityRule.this.judge(candidate, context, config, out);
        }
      }
    }

    @Override
    public String note() {
      return note;
    }

    @Override
    public long checked() {
      return checked;
    }
  }
}
