package dev.iamaudit;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.Secret;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of the environment variable that holds the API key. Messages repeat it ("set the
 * environment variable IBMCLOUD_API_KEY"), so a key pasted in its place would be printed: only
 * names in the upper-case form of environment variables are taken, which a random 44-character IBM
 * key all but never is.
 */
public final class ApiKeyVariable {
  /** The variable IBM's own tools read the key from. */
  public static final String DEFAULT = "IBMCLOUD_API_KEY";

  private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");

  private ApiKeyVariable() {}

  /**
   * The key a front end found, or where it looked when it found none.
   *
   * @param secret null when no key was found
   * @param origin where the key came from or was looked for: "environment variable
   *     IBMCLOUD_API_KEY"
   */
  public record Found(Secret secret, String origin) {
    public Found {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * How a front end finds the key for a variable name, asked only once the name is known to be one.
   */
  @FunctionalInterface
  public interface Lookup {
    Found find(String variable);
  }

  /**
   * @param setting how the user gave the name: the front end's name for {@link
   *     OptionNames.Setting#API_KEY_ENV}
   * @throws UsageException when {@code name} is not such a name; its message leaves the value out
   */
  static void requireName(String name, String setting) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UsageException(
          setting
              + " takes the name of an environment variable, in upper case (A-Z, 0-9, _), "
              + "such as "
              + DEFAULT
              + "; the value given is not one, and is not shown in case it "
              + "is the key itself");
    }
  }
}
