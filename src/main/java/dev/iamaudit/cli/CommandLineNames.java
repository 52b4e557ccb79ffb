package dev.iamaudit.cli;

import dev.iamaudit.OptionNames;

/** The command line's options, as the core's messages name them: {@code --report new}. */
final class CommandLineNames implements OptionNames {
  static final OptionNames INSTANCE = new CommandLineNames();

  private CommandLineNames() {}

  @Override
  public String name(Setting setting) {
    return switch (setting) {
      case DEMO -> "--demo";
      case REPORT_FILE -> "--report-file";
      case REPORT -> "--report";
      case ACCOUNT_ID -> "--account-id";
      case API_KEY_ENV -> "--api-key-env";
      case FAIL_ON -> "--fail-on";
      case SAVE_REPORT -> "--save-report";
      case REPORT_TIMEOUT -> "--report-timeout";
      case TERRAFORM -> "--terraform";
      case TERRAFORM_STATE -> "--terraform-state";
    };
  }

  @Override
  public String set(Setting setting, String value) {
    return name(setting) + " " + value;
  }

  @Override
  public String on(Setting setting) {
    return name(setting);
  }
}
