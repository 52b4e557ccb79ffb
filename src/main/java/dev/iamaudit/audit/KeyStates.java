package dev.iamaudit.audit;

/**
 * How many API keys IBM no longer accepts, by why. The rules about keys in use leave them alone, so
 * reports show the count beside the findings: a key missing from them was not overlooked.
 */
public record KeyStates(long disabled, long expired) {
  public static final KeyStates NONE = new KeyStates(0, 0);

  public KeyStates {
    if (disabled < 0 || expired < 0) {
      throw new IllegalArgumentException(
          "key counts must not be negative: " + disabled + ", " + expired);
    }
  }

  /** "2 (1 disabled, 1 expired)". */
  public String describe() {
    return (disabled + expired) + " (" + disabled + " disabled, " + expired + " expired)";
  }
}
