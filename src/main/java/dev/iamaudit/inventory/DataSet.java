package dev.iamaudit.inventory;

/**
 * The pieces of account data a rule may need; a source fetches only those the enabled rules ask
 * for.
 */
public enum DataSet {
  /** The activity report: inactive users, API keys, service IDs and trusted profiles. */
  REPORT("the activity report"),
  /** Every API key of the account, of users and of service IDs, with creation dates. */
  API_KEYS("the API key listing"),
  SERVICE_IDS("the service ID listing"),
  PROFILES("the trusted profile listing"),
  /** The account's members from User Management. */
  USERS("the user listing"),
  SETTINGS("the account identity settings"),
  /** Per-key authentication counts (one expensive call per key). */
  KEY_ACTIVITY("the per-key activity details"),
  /**
   * Who has not enrolled the MFA factors the account asks of them: a report IAM builds on request.
   */
  MFA_REPORT("the MFA enrollment report");

  private final String description;

  DataSet(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
