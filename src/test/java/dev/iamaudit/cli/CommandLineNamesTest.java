package dev.iamaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.iamaudit.OptionNames;
import dev.iamaudit.OptionNames.Setting;
import dev.iamaudit.iam.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

class CommandLineNamesTest {
  private static final OptionNames NAMES = CommandLineNames.INSTANCE;

  @Test
  void everySettingIsAnOptionOfTheAuditCommand() {
    CommandSpec spec =
        AuditCommand.commandLine(
                new Environment(Map.of(), Path.of("."), Clock.systemUTC(), Sleeper.REAL, false),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))
            .getCommandSpec();
    for (Setting setting : Setting.values()) {
      assertNotNull(spec.findOption(NAMES.name(setting)), setting + " is " + NAMES.name(setting));
    }
  }

  @Test
  void aValueFollowsItsOptionAndASwitchStandsAlone() {
    assertEquals("--report", NAMES.name(Setting.REPORT));
    assertEquals("--report new", NAMES.set(Setting.REPORT, "new"));
    assertEquals("--terraform none", NAMES.set(Setting.TERRAFORM, "none"));
    assertEquals("--demo", NAMES.on(Setting.DEMO));
    assertEquals("--report-timeout", NAMES.name(Setting.REPORT_TIMEOUT));
  }
}
