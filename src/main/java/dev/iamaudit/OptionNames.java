package dev.iamaudit;

/**
 * How a front end spells the settings the core's messages name, so that each user reads what to
 * type: the command line's {@code --report new}, Maven's {@code -Diam.report=new}. The core spells
 * none of them itself.
 */
public interface OptionNames {
  /** The settings a message of the core may name. */
  enum Setting {
    DEMO,
    REPORT_FILE,
    REPORT,
    ACCOUNT_ID,
    API_KEY_ENV,
    FAIL_ON,
    SAVE_REPORT,
    REPORT_TIMEOUT,
    TERRAFORM,
    TERRAFORM_STATE
  }

  /** The setting as a message names it: {@code --report-timeout}, {@code iam.reportTimeout}. */
  String name(Setting setting);

  /**
   * The setting given {@code value}, as the user types it: {@code --report new}, {@code
   * -Diam.report=new}.
   */
  String set(Setting setting, String value);

  /** A switch turned on, as the user types it: {@code --demo}, {@code -Diam.demo}. */
  String on(Setting setting);
}
