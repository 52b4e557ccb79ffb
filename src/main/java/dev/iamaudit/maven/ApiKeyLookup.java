package dev.iamaudit.maven;

import dev.iamaudit.ApiKeyVariable.Found;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.Secret;
import java.util.function.UnaryOperator;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the API key for a live audit: the environment variable first (what CI systems inject), else
 * the password of a {@code settings.xml} server, decrypted the way Maven decrypts repository
 * passwords.
 */
final class ApiKeyLookup {
  private final UnaryOperator<String> environment;
  private final Settings settings;
  private final SettingsDecrypter decrypter;

  ApiKeyLookup(UnaryOperator<String> environment, Settings settings, SettingsDecrypter decrypter) {
    this.environment = environment;
    this.settings = settings;
    this.decrypter = decrypter;
  }

  /**
   * @throws UsageException when the server's password cannot be decrypted
   */
  Found find(String envName, String serverId) {
    String value = environment.apply(envName);
    if (value != null && !value.isBlank()) {
      return new Found(new Secret(value), "environment variable " + envName);
    }
    Found none =
        new Found(
            null,
            "environment variable "
                + envName
                + " (or the password of server '"
                + serverId
                + "' in settings.xml)");
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null || server.getPassword() == null) {
      return none;
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new UsageException(
            "Could not decrypt the password of server '"
                + serverId
                + "' in settings.xml: "
                + rootCause(problem)
                + "; check the master password in settings-security.xml"
                + " (mvn --encrypt-master-password)");
      }
    }
    String password = result.getServer().getPassword();
    return password == null || password.isBlank()
        ? none
        : new Found(new Secret(password), "password of server '" + serverId + "' in settings.xml");
  }

  /**
   * The decrypter wraps the reason (a missing file, a wrong master password) in two layers of class
   * names.
   */
  private static String rootCause(SettingsProblem problem) {
    Throwable cause = problem.getException();
    if (cause == null) {
      return problem.getMessage();
    }
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
