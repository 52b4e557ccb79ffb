package dev.iamaudit;

import dev.iamaudit.failure.UsageException;
import java.util.regex.Pattern;

/**
 * The name of the environment variable that holds the API key. Messages repeat it ("set the environment variable
 * IBMCLOUD_API_KEY"), so a key pasted in its place would be printed: only names in the upper-case form of
 * environment variables are taken, which a random 44-character IBM key all but never is.
 */
public final class ApiKeyVariable {
  private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");

  private ApiKeyVariable() {}

  /**
   * @param setting how the user gave the name: "--api-key-env", "iam.apiKeyEnv"
   * @throws UsageException when {@code name} is not such a name; its message leaves the value out
   */
  public static void requireName(String name, String setting) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UsageException(setting + " takes the name of an environment variable, in upper case (A-Z, 0-9, _), "
          + "such as " + AuditRequest.DEFAULT_API_KEY_ENV + "; the value given is not one, and is not shown in case it "
          + "is the key itself");
    }
  }
}
