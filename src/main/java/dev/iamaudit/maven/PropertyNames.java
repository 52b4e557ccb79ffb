package dev.iamaudit.maven;

import dev.iamaudit.OptionNames;

/** The goal's user properties, as the core's messages name them: {@code -Diam.report=new}. */
final class PropertyNames implements OptionNames {
  static final OptionNames INSTANCE = new PropertyNames();

  private PropertyNames() {}

  @Override
  public String name(Setting setting) {
    return "iam."
        + switch (setting) {
          case DEMO -> "demo";
          case REPORT_FILE -> "reportFile";
          case REPORT -> "report";
          case ACCOUNT_ID -> "accountId";
          case API_KEY_ENV -> "apiKeyEnv";
          case FAIL_ON -> "failOn";
          case SAVE_REPORT -> "saveReport";
          case REPORT_TIMEOUT -> "reportTimeout";
          case TERRAFORM -> "terraform";
          case TERRAFORM_STATE -> "terraformState";
        };
  }

  @Override
  public String set(Setting setting, String value) {
    return "-D" + name(setting) + "=" + value;
  }

  @Override
  public String on(Setting setting) {
    return "-D" + name(setting);
  }
}
