package dev.iamaudit.iam;

import dev.iamaudit.OptionNames;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach IBM Cloud IAM for one audit.
 *
 * @param apiKeyOrigin where the key came from, for messages: "environment variable
 *     IBMCLOUD_API_KEY"
 * @param report {@code new} to trigger a fitting report, {@code latest}, or a report reference
 * @param saveReport where to keep the raw report as fetched; null for nowhere
 * @param options how the front end names its settings, for messages that say which one to change
 */
public record IamSettings(
    URI iamUrl,
    URI userManagementUrl,
    Secret apiKey,
    String apiKeyOrigin,
    String report,
    Duration reportTimeout,
    Path saveReport,
    OptionNames options) {
  public IamSettings {
    Objects.requireNonNull(iamUrl, "iamUrl");
    Objects.requireNonNull(userManagementUrl, "userManagementUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(apiKeyOrigin, "apiKeyOrigin");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(reportTimeout, "reportTimeout");
    Objects.requireNonNull(options, "options");
  }
}
