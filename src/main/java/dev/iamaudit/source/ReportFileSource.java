package dev.iamaudit.source;

import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.ActivityReportParser;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A saved activity report, audited offline. It holds only the report, so ages are measured from the report's end
 * time (the moment it describes) and rules that need the listings say they were not evaluated.
 */
public final class ReportFileSource implements Source {
  /** The account a report file is filed under when neither the options nor the policy name one. */
  public static final String UNKNOWN_ACCOUNT = "unknown";

  private final Path file;
  private final String displayName;

  public ReportFileSource(Path file, String displayName) {
    this.file = file;
    this.displayName = displayName;
  }

  @Override
  public Inventory load(String accountId, DataRequest request, AuditListener listener) {
    if (Files.isDirectory(file)) {
      throw new UsageException(displayName + ": is a directory; name the report file to audit inside it");
    }
    ActivityReport report;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      report = new ActivityReportParser(displayName).parse(in);
    } catch (NoSuchFileException e) {
      throw new UsageException(displayName + ": report file not found; check the path of the report file to audit");
    } catch (IOException e) {
      throw new DataException("Could not read " + displayName + ": " + e.getMessage()
          + "; check that the file is readable", e);
    }
    ReportChecks.checkDuration(report.info(), request, displayName + " covers");
    listener.info("Read " + displayName + ": report " + report.info().reference() + ", " + report.describe()
        + ", as of " + report.info().endTime());
    return new Inventory(accountId != null ? accountId : UNKNOWN_ACCOUNT, report.info().endTime(), report.info(),
        report.users(), report.apiKeys(), report.serviceIds(), report.profiles(), null, Set.of(DataSet.REPORT), Map.of());
  }
}
