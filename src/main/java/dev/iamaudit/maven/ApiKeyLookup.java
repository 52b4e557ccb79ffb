package dev.iamaudit.maven;

import dev.iamaudit.iam.Secret;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the API key for a live audit: the environment variable first (what CI systems inject), else the password of
 * a {@code settings.xml} server, decrypted the way Maven decrypts repository passwords.
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

  /** An API key and where it was found, for messages. */
  record FoundKey(Secret secret, String origin) {}

  Optional<FoundKey> find(String envName, String serverId) throws MojoExecutionException {
    String value = envName == null ? null : environment.apply(envName);
    if (value != null && !value.isBlank()) {
      return Optional.of(new FoundKey(new Secret(value), "environment variable " + envName));
    }
    Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
    if (server == null || server.getPassword() == null) {
      return Optional.empty();
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new MojoExecutionException("Could not decrypt the password of server '" + serverId
            + "' in settings.xml: " + problem.getMessage() + "; check ~/.m2/settings-security.xml");
      }
    }
    String password = result.getServer().getPassword();
    return password == null || password.isBlank()
        ? Optional.empty()
        : Optional.of(new FoundKey(new Secret(password), "password of server '" + serverId + "' in settings.xml"));
  }

  /** Where a key was looked for, for the message that none was found. */
  static String where(String envName, String serverId) {
    return "environment variable " + envName + " (or the password of server '" + serverId + "' in settings.xml)";
  }
}
