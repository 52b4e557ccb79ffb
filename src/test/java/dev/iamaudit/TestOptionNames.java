package dev.iamaudit;

import java.util.Locale;

/**
 * Settings spelled as neither front end spells them, so a core test sees which name a message asked
 * for: {@code <report timeout>}, {@code <report>=new}, {@code <demo> on}.
 */
public final class TestOptionNames implements OptionNames {
  public static final OptionNames INSTANCE = new TestOptionNames();

  private TestOptionNames() {}

  @Override
  public String name(Setting setting) {
    return "<" + setting.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ">";
  }

  @Override
  public String set(Setting setting, String value) {
    return name(setting) + "=" + value;
  }

  @Override
  public String on(Setting setting) {
    return name(setting) + " on";
  }
}
