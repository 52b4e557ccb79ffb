package dev.iamaudit.iam;

import static dev.iamaudit.OptionNames.Setting.REPORT;
import static dev.iamaudit.OptionNames.Setting.REPORT_TIMEOUT;

import dev.iamaudit.OptionNames;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.ActivityReportParser;
import dev.iamaudit.inventory.ReportInfo;
import dev.iamaudit.inventory.Timestamps;
import dev.iamaudit.source.DataRequest;
import dev.iamaudit.source.ReportChecks;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Gets the activity report the run asked for ({@code new}, {@code latest} or a reference) and makes
 * sure it can be trusted: a report older than the policy allows, or longer than the shortest
 * inactivity threshold, proves nothing.
 */
final class ActivityReports {
  /** IBM's documented default duration, used when no enabled rule judges inactivity. */
  static final long DEFAULT_HOURS = 720;

  record ReportReference(String reference) {}

  private final IamHttp http;
  private final String account;
  private final IamSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AuditListener listener;

  ActivityReports(
      IamHttp http,
      String account,
      IamSettings settings,
      Clock clock,
      Sleeper sleeper,
      AuditListener listener) {
    this.http = http;
    this.account = account;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  ActivityReport fetch(DataRequest request) {
    long hours = request.maxReportDurationHours().orElse(DEFAULT_HOURS);
    String wanted = settings.report();
    ActivityReport report;
    if (wanted.equals("new")) {
      report = fresh(request, hours);
    } else if (wanted.equals("latest")) {
      report = latest(request, hours);
    } else {
      report =
          accepted(
              poll(wanted, "report " + wanted),
              info -> {
                ReportChecks.checkDuration(info, request, "Report " + wanted + " covers");
                refuseStale(info, request, "Report " + wanted);
              });
    }
    ReportInfo info = report.info();
    listener.info(
        "Fetched activity report "
            + info.reference()
            + ": "
            + report.describe()
            + ", as of "
            + Timestamps.readable(info.endTime()));
    return report;
  }

  private ActivityReport latest(DataRequest request, long hours) {
    Fetched latest = poll("latest", "the latest report");
    ReportInfo info = latest.report().info();
    if (request.maxReportDurationHours().isPresent() && info.durationHours() > hours) {
      latest.discard();
      listener.warn(
          "The latest report ("
              + info.reference()
              + ") covers "
              + info.durationHours()
              + " hours of inactivity, longer than the shortest inactivity threshold ("
              + hours
              + " hours), so it "
              + "cannot prove that threshold; triggering a new report over "
              + hours
              + " hours instead");
      return fresh(request, hours);
    }
    return accepted(
        latest,
        checked ->
            refuseStale(checked, request, "The latest report (" + checked.reference() + ")"));
  }

  private ActivityReport fresh(DataRequest request, long hours) {
    HttpUrl url =
        reportUrl()
            .newBuilder()
            .addQueryParameter("type", "inactive")
            .addQueryParameter("duration", Long.toString(hours))
            .build();
    Request trigger =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .post(RequestBody.create(new byte[0], null))
            .build();
    String reference =
        http.send(
            trigger,
            (response, exchange) -> {
              if (response.code() != 202 && response.code() != 200 && response.code() != 201) {
                throw http.unexpected(response, exchange);
              }
              String ref =
                  IamJson.read(
                          response.body().byteStream(), ReportReference.class, exchange.answer())
                      .reference();
              if (ref == null || ref.isBlank()) {
                throw new DataException(
                    exchange.answer() + " holds no report reference; try again later");
              }
              return ref;
            });
    listener.info("Triggered activity report " + reference + " over " + hours + " hours");
    // IAM might build a longer report than asked for; it would silently miss identities idle for
    // less than it.
    return accepted(
        poll(reference, "report " + reference),
        info ->
            ReportChecks.checkDuration(
                info,
                request,
                "Report " + reference + ", triggered over " + hours + " hours, covers"));
  }

  /** A report and, when it is to be saved, its raw bytes waiting to be kept. */
  private record Fetched(ActivityReport report, SavedReport saved) {
    void discard() {
      if (saved != null) {
        saved.close();
      }
    }
  }

  private interface Check {
    void check(ReportInfo info);
  }

  private ActivityReport accepted(Fetched fetched, Check check) {
    try {
      check.check(fetched.report().info());
      if (fetched.saved() != null) {
        fetched.saved().keep();
      }
      return fetched.report();
    } finally {
      fetched.discard();
    }
  }

  /** GETs the report until IBM has built it (204 until then), for at most the report timeout. */
  private Fetched poll(String reference, String what) {
    HttpUrl url = reportUrl().newBuilder().addPathSegment(reference).build();
    return new ReportPoller(http, settings.reportTimeout(), clock, sleeper, listener)
        .poll(
            url,
            what,
            (response, exchange) -> read(response.body().byteStream(), reference),
            () -> notFound(reference),
            http::unexpected,
            "raise "
                + options().name(REPORT_TIMEOUT)
                + " or use "
                + options().set(REPORT, "latest"));
  }

  private Fetched read(InputStream body, String reference) {
    ActivityReportParser parser = new ActivityReportParser("Report " + reference + " from IAM");
    if (settings.saveReport() == null) {
      return new Fetched(parser.parse(new BufferedInputStream(body, 1 << 16)), null);
    }
    SavedReport saved = SavedReport.copy(body, settings.saveReport(), options());
    try (InputStream in = new BufferedInputStream(Files.newInputStream(saved.file()), 1 << 16)) {
      return new Fetched(parser.parse(in), saved);
    } catch (IOException | RuntimeException e) {
      saved.close();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new DataException(
          "Could not read report "
              + reference
              + " back from "
              + saved.file()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private DataException notFound(String reference) {
    if (reference.equals("latest")) {
      return new DataException(
          "IAM has no activity report for account "
              + account
              + " yet; use "
              + options().set(REPORT, "new"));
    }
    return new DataException(
        "IAM knows no report "
            + reference
            + " for account "
            + account
            + " (IBM deletes "
            + "reports older than a day when a new one is generated); use "
            + options().set(REPORT, "new")
            + " or "
            + options().set(REPORT, "latest"));
  }

  private void refuseStale(ReportInfo info, DataRequest request, String subject) {
    Instant now = clock.instant();
    if (ReportChecks.stale(info, now, request.maxReportAgeHours())) {
      throw new DataException(
          subject
              + " ended "
              + Duration.between(info.endTime(), now).toHours()
              + " hours ago, at "
              + info.endTime()
              + ", older than maxReportAgeHours ("
              + request.maxReportAgeHours()
              + "); use "
              + options().set(REPORT, "new")
              + " to trigger a fresh one");
    }
  }

  private OptionNames options() {
    return settings.options();
  }

  private HttpUrl reportUrl() {
    return http.endpoints()
        .iam("v1/activity/accounts")
        .newBuilder()
        .addPathSegment(account)
        .addPathSegment("report")
        .build();
  }
}
