package dev.iamaudit.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.audit.AccountSink;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Identity;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileSourceTest {
  private static final DataRequest REQUEST =
      new DataRequest(Set.of(DataSet.REPORT), OptionalLong.of(2160), 24);
  private static final String IDENTITIES =
      "\"users\":[{\"iam_id\":\"IBMid-1\"}],"
          + "\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"serviceid\",\"serviceid\":{\"id\":\"ServiceId-1\"}}],"
          + "\"serviceids\":[],\"profiles\":[]";
  private static final String HEADER =
      "\"reference\":\"r-1\",\"report_duration\":\"720\","
          + "\"report_start_time\":\"2026-10-21T06:00:00:000+0000\",\"report_end_time\":\"2026-11-20T06:00:00:000+0000\"";

  @TempDir Path dir;

  /**
   * What the audit is handed: the context's account, moment and data first, then each identity's
   * id.
   */
  private static final class Recording implements AccountSink {
    final List<String> seen = new ArrayList<>();

    @Override
    public void begin(RuleContext context) {
      seen.add(
          "begin "
              + context.accountId()
              + " as of "
              + context.asOf()
              + " with "
              + context.available());
    }

    @Override
    public void accept(Identity identity) {
      seen.add(identity.entity().id());
    }
  }

  private List<String> read(String json, List<String> said) throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, json);
    Recording sink = new Recording();
    ReportInfo info =
        new ReportFileSource(file, "report.json")
            .read(
                null,
                REQUEST,
                new AuditListener() {
                  @Override
                  public void info(String message) {
                    said.add(message);
                  }
                },
                sink);
    sink.seen.add("report " + info.reference() + " from " + info.startTime());
    return sink.seen;
  }

  @Test
  void handsTheAuditEachIdentityAsItIsRead() throws IOException {
    List<String> said = new ArrayList<>();
    assertEquals(
        List.of(
            "begin unknown as of 2026-11-20T06:00:00Z with [REPORT]",
            "IBMid-1",
            "ApiKey-1",
            "report r-1 from 2026-10-21T06:00:00Z"),
        read("{" + HEADER + "," + IDENTITIES + "}", said));
    assertEquals(
        List.of(
            "Read report.json: report r-1, 2 inactive identities over 720 hours, as of "
                + "2026-11-20 06:00:00 UTC"),
        said);
  }

  /** Ages are measured from the header's end time, so the identities before it wait for it. */
  @Test
  void identitiesBeforeTheHeaderWaitForIt() throws IOException {
    List<String> said = new ArrayList<>();
    assertEquals(
        List.of(
            "begin unknown as of 2026-11-20T06:00:00Z with [REPORT]",
            "IBMid-1",
            "ApiKey-1",
            "report r-1 from 2026-10-21T06:00:00Z"),
        read("{" + IDENTITIES + "," + HEADER + "}", said));
    assertEquals(1, said.size());
  }
}
