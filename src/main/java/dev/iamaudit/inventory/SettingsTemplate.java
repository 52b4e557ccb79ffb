package dev.iamaudit.inventory;

import java.util.Map;
import java.util.Objects;

/**
 * An enterprise settings template assigned to the account ({@code assigned_templates} of the
 * effective settings).
 *
 * @param settings the values the template sets, by IBM's field name ({@code mfa}, {@code
 *     restrict_create_service_id}, ...); fields the template leaves to the account are absent
 */
public record SettingsTemplate(String id, Long version, String name, Map<String, String> settings) {
  public SettingsTemplate {
    Objects.requireNonNull(id, "id");
    settings = Map.copyOf(settings);
  }

  /** "'baseline' (AccountSettingsTemplate-1, version 3)", leaving out what IAM did not send. */
  public String describe() {
    String detail = version == null ? "" : "version " + version;
    if (name == null || name.isEmpty()) {
      return detail.isEmpty() ? id : id + " (" + detail + ")";
    }
    return "'" + name + "' (" + id + (detail.isEmpty() ? "" : ", " + detail) + ")";
  }
}
