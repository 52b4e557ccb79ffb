package dev.iamaudit.source;

import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.ActivityReportParser;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.Timestamps;
import dev.iamaudit.rules.RuleContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A saved activity report, audited offline. It holds only the report, so ages are measured from the
 * report's end time (the moment it describes) and rules that need the listings say they were not
 * evaluated.
 *
 * <p>The report is judged as it is read, so a report of any size is never held whole: IBM writes
 * the header (reference, duration, end time) before the identities. A report that puts them after
 * its identities is held in memory until its header is read, since ages cannot be measured before.
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
  public ReportInfo read(
      String accountId, DataRequest request, AuditListener listener, AccountSink sink) {
    if (Files.isDirectory(file)) {
      throw new UsageException(
          displayName + ": is a directory; name the report file to audit inside it");
    }
    String account = accountId != null ? accountId : UNKNOWN_ACCOUNT;
    Handler handler = new Handler(account, request, sink);
    ReportInfo info;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      info = new ActivityReportParser(displayName).read(in, handler);
    } catch (NoSuchFileException e) {
      throw new UsageException(
          displayName + ": report file not found; check the path of the report file to audit");
    } catch (IOException e) {
      throw new DataException(
          "Could not read "
              + displayName
              + ": "
              + e.getMessage()
              + "; check that the file is readable",
          e);
    }
    listener.info(
        "Read "
            + displayName
            + ": report "
            + info.reference()
            + ", "
            + ActivityReport.describe(info, handler.identities)
            + ", as of "
            + Timestamps.readable(info.endTime()));
    return info;
  }

  /** Starts the audit at the header, holding the identities that come before it. */
  private final class Handler implements ActivityReportParser.Handler {
    private final String account;
    private final DataRequest request;
    private final AccountSink sink;
    private List<Identity> early = new ArrayList<>();
    private long identities;

    Handler(String account, DataRequest request, AccountSink sink) {
      this.account = account;
      this.request = request;
      this.sink = sink;
    }

    @Override
    public void header(ReportInfo info) {
      ReportChecks.checkDuration(info, request, displayName + " covers");
      sink.begin(
          new RuleContext(account, info.endTime(), Set.of(DataSet.REPORT), Map.of(), null, null));
      early.forEach(sink::accept);
      early = null;
    }

    @Override
    public void identity(Identity identity) {
      identities++;
      if (early != null) {
        early.add(identity);
      } else {
        sink.accept(identity);
      }
    }
  }
}
