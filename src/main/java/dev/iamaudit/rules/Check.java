package dev.iamaudit.rules;

import dev.iamaudit.inventory.Identity;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One rule at work in one audit. It is shown every identity of the account once, in no particular
 * order, then finished; violations go to the consumer as they are found, so an audit need not hold
 * the account to judge it. One audit drives a check from one thread at a time.
 */
public interface Check {
  /** Judges one identity. */
  void judge(Identity identity, Consumer<Violation> out);

  /**
   * After the last identity: rules that judge across identities, or the account itself, report
   * here.
   */
  default void finish(Consumer<Violation> out) {}

  /** False when the rule could not run at all; {@link #note()} says why. */
  default boolean evaluated() {
    return true;
  }

  /**
   * Why the rule did not run, or how missing data shaped its result; null when there is nothing to
   * say.
   */
  String note();

  /**
   * How many identities (or accounts) the rule judged: the compliant ones are shown as this count.
   */
  long checked();

  /** The check of a rule that cannot run: it judges nothing and says why. */
  static Check notEvaluated(String reason) {
    Objects.requireNonNull(reason, "reason");
    return new Check() {
      @Override
      public void judge(Identity identity, Consumer<Violation> out) {}

      @Override
      public boolean evaluated() {
        return false;
      }

      @Override
      public String note() {
        return reason;
      }

      @Override
      public long checked() {
        return 0;
      }
    };
  }
}
