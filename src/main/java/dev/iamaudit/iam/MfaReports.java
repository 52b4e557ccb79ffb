package dev.iamaudit.iam;

import dev.iamaudit.Counted;
import dev.iamaudit.OptionNames;
import dev.iamaudit.audit.AuditListener;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.MfaEnrollment;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * IBM's MFA enrollment status report: {@code POST
 * /v1/mfa/accounts/{account}/report?type=mfa_status} answers 202 with a reference, then {@code GET
 * .../report/{reference}} answers 204 while IAM builds it and 200 with the users. IBM requires the
 * Administrator role on the IAM Identity Service to generate and view it (actions {@code
 * iam-identity.report.create} and {@code iam-identity.mfa-status.get}), which an audit key may well
 * lack: a 403 leaves the report unavailable with the role to grant, so the rule that needs it is
 * not evaluated, while the rest of the audit goes on.
 */
final class MfaReports {
  /** The report's users, or why there are none: exactly one of the two is null. */
  record Result(List<MfaEnrollment> users, String unavailable) {}

  record ReportReference(String reference) {}

  record ReportBody(String reference, String reportTime, List<UserItem> users) {}

  record UserItem(
      String iamId,
      String name,
      String username,
      String email,
      String effectiveMfaType,
      IdBased idBasedMfa,
      AccountBased accountBasedMfa) {}

  record IdBased(String traitEffective, Boolean complies, String complyState) {}

  record AccountBased(Boolean complies) {}

  /** A 403: the key may not generate or read the report. */
  private static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final IamHttp http;
  private final String account;
  private final IamSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AuditListener listener;

  MfaReports(
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

  Result fetch() {
    try {
      String reference = trigger();
      HttpUrl url = reportUrl().newBuilder().addPathSegment(reference).build();
      String what = "MFA report " + reference;
      ReportPoller poller =
          new ReportPoller(http, settings.reportTimeout(), clock, sleeper, listener);
      List<MfaEnrollment> users =
          poller.poll(
              url,
              what,
              (response, exchange) ->
                  users(
                      IamJson.read(
                          response.body().byteStream(), ReportBody.class, exchange.answer()),
                      exchange.answer()),
              () ->
                  new DataException(
                      "IAM knows no MFA report "
                          + reference
                          + " for account "
                          + account
                          + " (IBM deletes reports older than a day when a new one is generated);"
                          + " run the audit again"),
              this::refusedOrUnexpected,
              "raise " + settings.options().name(OptionNames.Setting.REPORT_TIMEOUT));
      long failing = users.stream().filter(user -> !user.complies()).count();
      listener.info(
          "Fetched MFA enrollment report "
              + reference
              + ": "
              + Counted.of(users.size(), "user")
              + ", "
              + failing
              + " not enrolled as required");
      return new Result(users, null);
    } catch (Refused refused) {
      return new Result(null, refused.getMessage());
    }
  }

  private String trigger() {
    HttpUrl url = reportUrl().newBuilder().addQueryParameter("type", "mfa_status").build();
    Request post =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .post(RequestBody.create(new byte[0], null))
            .build();
    String reference =
        http.send(
            post,
            (response, exchange) -> {
              if (response.code() != 202 && response.code() != 200 && response.code() != 201) {
                throw refusedOrUnexpected(response, exchange);
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
    listener.info("Triggered MFA enrollment report " + reference);
    return reference;
  }

  private RuntimeException refusedOrUnexpected(Response response, IamHttp.Exchange exchange) {
    if (response.code() != 403) {
      return http.unexpected(response, exchange);
    }
    String detail = http.errorDetail(response).map(d -> " (" + d + ")").orElse("");
    return new Refused(
        "which IAM refused with 403 to "
            + exchange.endpoint()
            + detail
            + ": grant the API key the Administrator role on the IAM Identity Service, which IBM"
            + " requires to generate and view the report");
  }

  private List<MfaEnrollment> users(ReportBody body, String answer) {
    if (body.users() == null) {
      return List.of();
    }
    return body.users().stream()
        .filter(Objects::nonNull)
        .map(
            user -> {
              if (user.iamId() == null || user.iamId().isBlank()) {
                throw new DataException(
                    answer + " lists a user without iam_id; report it to IBM if it persists");
              }
              IdBased idBased = user.idBasedMfa();
              return new MfaEnrollment(
                  user.iamId(),
                  user.name(),
                  user.username(),
                  user.email(),
                  user.effectiveMfaType(),
                  idBased == null ? null : idBased.traitEffective(),
                  idBased == null ? null : idBased.complies(),
                  idBased == null ? null : idBased.complyState(),
                  user.accountBasedMfa() == null ? null : user.accountBasedMfa().complies());
            })
        .toList();
  }

  private HttpUrl reportUrl() {
    return http.endpoints()
        .iam("v1/mfa/accounts")
        .newBuilder()
        .addPathSegment(account)
        .addPathSegment("report")
        .build();
  }

  /** "1 user", "12,345 users". */
}
