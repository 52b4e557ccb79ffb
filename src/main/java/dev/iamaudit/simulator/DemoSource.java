package dev.iamaudit.simulator;

import dev.iamaudit.OptionNames;
import dev.iamaudit.SourceChoice;
import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.iam.IamSettings;
import dev.iamaudit.iam.IamSource;
import dev.iamaudit.iam.Sleeper;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.source.DataRequest;
import dev.iamaudit.source.DefaultFiles;
import dev.iamaudit.source.Source;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The built-in demo: the {@link DemoAccount} served by a simulator on loopback and pulled as a live
 * account is, with a policy, an allowlist and Terraform written for it, which the audit reads
 * unless the request names its own. The simulator runs until the source is closed.
 */
public final class DemoSource implements Source {
  private final Simulator simulator;
  private final Path governance;
  private final IamSource account;

  private DemoSource(Simulator simulator, Path governance, IamSource account) {
    this.simulator = simulator;
    this.governance = governance;
    this.account = account;
  }

  /**
   * Starts the simulator and writes the demo's governance files.
   *
   * @param dir where the governance files go
   */
  public static DemoSource start(
      SourceChoice.Demo demo,
      Path dir,
      OptionNames options,
      Clock clock,
      Sleeper sleeper,
      AuditListener listener) {
    Simulator simulator = Simulator.start(DemoAccount.create(clock), clock);
    try {
      listener.info(
          "Demo: auditing the built-in simulated account served at " + simulator.baseUrl());
      Path governance =
          DemoAccount.writeGovernanceFiles(
              dir, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      IamSettings settings =
          new IamSettings(
              simulator.baseUrl(),
              simulator.baseUrl(),
              DemoAccount.API_KEY,
              "the built-in demo key",
              demo.report(),
              demo.reportTimeout(),
              demo.saveReport(),
              options);
      return new DemoSource(simulator, governance, new IamSource(settings, clock, sleeper));
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  @Override
  public ReportInfo read(
      String accountId, DataRequest request, AuditListener listener, AccountSink sink) {
    return account.read(accountId, request, listener, sink);
  }

  /** The files written for the demo, wherever the audit runs. */
  @Override
  public DefaultFiles defaultFiles(Path repository) {
    DefaultFiles written = DefaultFiles.in(governance);
    return new DefaultFiles(
        written.policy(), written.allowlist(), governance.resolve(DemoAccount.TERRAFORM));
  }

  @Override
  public void close() {
    simulator.close();
  }
}
