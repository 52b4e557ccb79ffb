package dev.iamaudit.audit;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.policy.RuleConfig;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.rules.Check;
import dev.iamaudit.rules.Rule;
import dev.iamaudit.rules.RuleContext;
import dev.iamaudit.rules.Violation;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A real rule whose check throws on the nth identity it judges, as a rule's bug or a failed
 * allocation would.
 */
final class ThrowingRule implements Rule {
  private final Rule real;
  private final int at;
  private final Throwable thrown;

  /**
   * @param thrown a {@link RuntimeException} or an {@link Error}, thrown on judging identity number
   *     {@code at}
   */
  ThrowingRule(Rule real, int at, Throwable thrown) {
    if (!(thrown instanceof RuntimeException || thrown instanceof Error)) {
      throw new IllegalArgumentException("a check can only throw unchecked: " + thrown);
    }
    this.real = real;
    this.at = at;
    this.thrown = thrown;
  }

  @Override
  public RuleSpec spec() {
    return real.spec();
  }

  @Override
  public String title() {
    return real.title();
  }

  @Override
  public String description() {
    return real.description();
  }

  @Override
  public String remedy() {
    return real.remedy();
  }

  @Override
  public Set<DataSet> needs() {
    return real.needs();
  }

  @Override
  public Check start(RuleContext context, RuleConfig config) {
    Check check = real.start(context, config);
    return new Check() {
      private int judged;

      @Override
      public void judge(Identity identity, Consumer<Violation> out) {
        if (++judged == at) {
          if (thrown instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) thrown;
        }
        check.judge(identity, out);
      }

      @Override
      public String note() {
        return null;
      }

      @Override
      public long checked() {
        return judged;
      }
    };
  }
}
