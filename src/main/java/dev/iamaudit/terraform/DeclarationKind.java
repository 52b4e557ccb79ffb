package dev.iamaudit.terraform;

import java.util.Optional;

/**
 * The IBM Cloud provider's resource types iam-audit reads. Every one keeps the IBM id in the
 * resource's {@code id} (terraform-provider-ibm, ibm/service/iamidentity/resource_ibm_iam_*.go:
 * {@code d.SetId(*serviceID.ID)}, {@code d.SetId(*apiKey.ID)}, {@code d.SetId(*trustedProfile.ID)},
 * and for the settings {@code d.SetId(*accountSettingsResponse.AccountID)}); {@code apikey_id} and
 * {@code profile_id} repeat it.
 */
public enum DeclarationKind {
  SERVICE_ID("ibm_iam_service_id", "service ID"),
  SERVICE_ID_API_KEY("ibm_iam_service_api_key", "service-ID API key"),
  USER_API_KEY("ibm_iam_api_key", "user API key"),
  TRUSTED_PROFILE("ibm_iam_trusted_profile", "trusted profile"),
  ACCOUNT_SETTINGS("ibm_iam_account_settings", "account settings");

  private final String resourceType;
  private final String label;

  DeclarationKind(String resourceType, String label) {
    this.resourceType = resourceType;
    this.label = label;
  }

  /** The Terraform resource type: {@code ibm_iam_service_id}. */
  public String resourceType() {
    return resourceType;
  }

  /** How messages name it: "service ID". */
  public String label() {
    return label;
  }

  public static Optional<DeclarationKind> ofResourceType(String type) {
    for (DeclarationKind kind : values()) {
      if (kind.resourceType.equals(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
