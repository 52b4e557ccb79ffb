package dev.iamaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamaudit.failure.DataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityReportParserTest {
  private static final ActivityReportParser PARSER = new ActivityReportParser("report.json");

  private static ActivityReport parse(String json) {
    return PARSER.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String message(String json) {
    return assertThrows(DataException.class, () -> parse(json)).getMessage();
  }

  /** A report's header, consistent unless a test says otherwise, before the given fields. */
  private static String report(String duration, String start, String end, String fields) {
    return "{\"reference\":\"r\",\"report_duration\":\""
        + duration
        + "\",\"report_start_time\":\""
        + start
        + "\",\"report_end_time\":\""
        + end
        + "\""
        + (fields.isEmpty() ? "" : "," + fields)
        + "}";
  }

  /**
   * A consistent 24-hour report ending 2022-08-10 with the given lists; the lists not given are
   * empty.
   */
  private static String report(String lists) {
    StringBuilder fields = new StringBuilder(lists);
    for (String list : List.of("users", "apikeys", "serviceids", "profiles")) {
      if (!lists.contains("\"" + list + "\":")) {
        fields.append(fields.length() == 0 ? "" : ",").append('"').append(list).append("\":[]");
      }
    }
    return report(
        "24", "2022-08-09T00:00:00:000+0000", "2022-08-10T00:00:00:000+0000", fields.toString());
  }

  private static final String ALL_LISTS =
      "\"users\":[],\"apikeys\":[],\"serviceids\":[],\"profiles\":[]";

  @Test
  void readsIbmsReportShape() throws IOException {
    ActivityReport report;
    try (InputStream in = getClass().getResourceAsStream("ibm-report.json")) {
      report = PARSER.parse(in);
    }
    assertEquals(
        new ReportInfo(
            "reference",
            720,
            Instant.parse("2022-07-12T06:00:00Z"),
            Instant.parse("2022-08-11T06:00:00Z"),
            "IBMid-1000"),
        report.info());
    assertEquals(
        List.of(
            new User(
                "IBMid-2000",
                "Jane Doe",
                "jane@example.com",
                "jane@example.com",
                null,
                null,
                new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-10T02:33:15.564Z")))),
        report.users());
    assertEquals(
        List.of(
            new ApiKey(
                "ApiKey-1",
                "ci",
                null,
                new KeyOwner(KeyOwner.Kind.SERVICEID, "ServiceId-1", "deployer", null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                Activity.NEVER,
                null),
            new ApiKey(
                "ApiKey-2",
                "laptop",
                "IBMid-2000",
                new KeyOwner(
                    KeyOwner.Kind.USER,
                    "IBMid-2000",
                    "Jane Doe",
                    "jane@example.com",
                    "jane@example.com"),
                null,
                null,
                null,
                null,
                null,
                null,
                new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-04-21T00:52:21.186Z")),
                null)),
        report.apiKeys());
    assertEquals(
        List.of(new ServiceId("ServiceId-1", null, "deployer", null, null, Activity.NEVER)),
        report.serviceIds());
    assertEquals(
        List.of(
            new Profile(
                "Profile-1",
                null,
                "k8s",
                null,
                new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-01T00:00:00Z")))),
        report.profiles());
  }

  @Test
  void aReportWithoutItsIdentityListsIsRefusedNotReadAsNobodyInactive() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 126: the required list"
            + " 'users' is missing (IBM's reports always hold users, apikeys, serviceids, profiles,"
            + " if only as []). Fetch the report again or check that the file is complete.",
        message(report("720", "2026-10-21T00:00:00Z", "2026-11-20T00:00:00Z", "")));
  }

  @Test
  void aNullListCountsAsMissing() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 175: the required list"
            + " 'profiles' is missing (IBM's reports always hold users, apikeys, serviceids,"
            + " profiles, if only as []). Fetch the report again or check that the file is"
            + " complete.",
        message(
            report(
                "24",
                "2022-08-09T00:00Z",
                "2022-08-10T00:00Z",
                "\"users\":[],\"apikeys\":[],\"serviceids\":[],\"profiles\":null")));
  }

  @Test
  void aMisnamedListIsNamedInTheRefusal() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 190: the required list"
            + " 'apikeys' is missing; found 'apiKeys' instead (IBM's reports always hold users,"
            + " apikeys, serviceids, profiles, if only as []). Fetch the report again or check that"
            + " the file is complete.",
        message(
            report(
                "24",
                "2022-08-09T00:00Z",
                "2022-08-10T00:00Z",
                "\"users\":[],\"apiKeys\":[{\"id\":\"ApiKey-1\"}],\"serviceids\":[],\"profiles\":[]")));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 173: the required list"
            + " 'serviceids' is missing; found 'service_id' instead (IBM's reports always hold"
            + " users, apikeys, serviceids, profiles, if only as []). Fetch the report again or"
            + " check that the file is complete.",
        message(
            report(
                "24",
                "2022-08-09T00:00Z",
                "2022-08-10T00:00Z",
                "\"users\":[],\"apikeys\":[],\"service_id\":[],\"profiles\":[]")));
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    assertEquals(
        "report.json contradicts itself: 'report_end_time' 2022-07-10T00:00:00Z is before"
            + " 'report_start_time' 2022-08-09T00:00:00Z. IBM's reports agree with themselves"
            + " (within 15 minutes), so this one was damaged or altered: fetch a new report from"
            + " IAM and audit that.",
        message(report("720", "2022-08-09T00:00Z", "2022-07-10T00:00Z", ALL_LISTS)));
  }

  @Test
  void aDurationThatDisagreesWithStartAndEndIsRefused() {
    assertEquals(
        "report.json contradicts itself: 'report_duration' is 24 hours, but 'report_start_time'"
            + " 2022-07-11T00:00:00Z to 'report_end_time' 2022-08-10T00:00:00Z is 720 hours. IBM's"
            + " reports agree with themselves (within 15 minutes), so this one was damaged or"
            + " altered: fetch a new report from IAM and audit that.",
        message(report("24", "2022-07-11T00:00Z", "2022-08-10T00:00Z", ALL_LISTS)));
    assertEquals(
        "report.json contradicts itself: 'report_duration' is 24 hours, but 'report_start_time'"
            + " 2022-08-09T00:00:00Z to 'report_end_time' 2022-08-10T00:16:00Z is 24 hours 16"
            + " minutes. IBM's reports agree with themselves (within 15 minutes), so this one was"
            + " damaged or altered: fetch a new report from IAM and audit that.",
        message(report("24", "2022-08-09T00:00Z", "2022-08-10T00:16Z", ALL_LISTS)));
  }

  @Test
  void aLastAuthenticationAfterTheReportsEndIsRefused() {
    assertEquals(
        "report.json contradicts itself: API key ApiKey-2 last authenticated at"
            + " 2022-08-10T00:15:01Z, after the report's end, 'report_end_time'"
            + " 2022-08-10T00:00:00Z. IBM's reports agree with themselves (within 15 minutes), so"
            + " this one was damaged or altered: fetch a new report from IAM and audit that.",
        message(
            report(
                "\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"user\",\"last_authn\":\"2022-08-10T00:10Z\"},"
                    + "{\"id\":\"ApiKey-2\",\"type\":\"user\",\"last_authn\":\"2022-08-10T00:15:01Z\"}]")));
  }

  @Test
  void timesWithinTheToleranceOfClockSkewAreAccepted() {
    ActivityReport report =
        parse(
            report(
                "24",
                "2022-08-09T00:14:59Z",
                "2022-08-10T00:00Z",
                "\"users\":[{\"iam_id\":\"IBMid-1\",\"last_authn\":\"2022-08-10T00:15Z\"}],\"apikeys\":[],"
                    + "\"serviceids\":[],\"profiles\":[]"));
    assertEquals(
        Instant.parse("2022-08-10T00:15:00Z"), report.users().get(0).activity().lastAuthn());
    assertEquals(0, parse(report("0", "2022-08-10T00:10Z", "2022-08-10T00:00Z", ALL_LISTS)).size());
  }

  @Test
  void aNegativeOrAbsurdDurationIsRefused() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 36: 'report_duration' is -1"
            + " hours; a report covers from 0 to 1000000 hours. Fetch the report again or check"
            + " that the file is complete.",
        message(report("-1", "2022-08-10T00:00Z", "2022-08-10T00:00Z", ALL_LISTS)));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 36: 'report_duration' is"
            + " 9223372036854775807 hours; a report covers from 0 to 1000000 hours. Fetch the"
            + " report again or check that the file is complete.",
        message(
            report("9223372036854775807", "2022-08-10T00:00Z", "2022-08-10T00:00Z", ALL_LISTS)));
  }

  @Test
  void anIdentityListedTwiceIsRefused() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 217: Service ID ServiceId-1"
            + " is listed twice, and IBM lists each identity once. Fetch the report again or check"
            + " that the file is complete.",
        message(
            report(
                "\"serviceids\":[{\"id\":\"ServiceId-1\",\"name\":\"a\"},{\"id\":\"ServiceId-1\","
                    + "\"name\":\"b\"}]")));
    ActivityReport sameIdOtherKind =
        parse(report("\"serviceids\":[{\"id\":\"X-1\"}],\"profiles\":[{\"id\":\"X-1\"}]"));
    assertEquals(2, sameIdOtherKind.size());
  }

  @Test
  void aLongNameIsCutWithAVisibleMark() {
    String name = "n".repeat(8 * 1024 * 1024);
    ActivityReport report =
        parse(
            report(
                "\"profiles\":[{\"id\":\"Profile-1\",\"name\":\""
                    + name
                    + "\"}],"
                    + "\"users\":[{\"iam_id\":\"IBMid-1\",\"name\":\""
                    + name
                    + "\",\"email\":\""
                    + name
                    + "\"}]"));
    String cut = "n".repeat(1024) + "[... cut at 1024 of 8388608 characters]";
    assertEquals(cut, report.profiles().get(0).name());
    assertEquals(cut, report.users().get(0).name());
    assertSame(report.users().get(0).name(), report.users().get(0).email());
  }

  @Test
  void aLongIdIsRefusedRatherThanCut() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 158: 'id' is 300 characters"
            + " long, more than the 256 an IBM id can have: \""
            + "k".repeat(64)
            + "...\". Fetch the report again or check "
            + "that the file is complete.",
        message(report("\"apikeys\":[{\"id\":\"" + "k".repeat(300) + "\"}]")));
  }

  @Test
  void aLongBadValueIsQuotedOnlyInPart() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 177: 'last_authn' is not a "
            + "timestamp: \""
            + "9".repeat(64)
            + "...\". Fetch the report again or check that the file is complete.",
        message(
            report("\"users\":[{\"iam_id\":\"a\",\"last_authn\":\"" + "9".repeat(5000) + "\"}]")));
  }

  @Test
  void truncatedReportNamesWhereItEnds() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 45: the report ends early "
            + "(truncated?). Fetch the report again or check that the file is complete.",
        message("{\"reference\":\"r\",\"apikeys\":[{\"id\":\"ApiKey-1\""));
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    assertEquals(
        "report.json is not a valid activity report at line 2, column 2: Unexpected character (','"
            + " (code 44)): was expecting double-quote to start field name. Fetch the report again"
            + " or check that the file is complete.",
        message("{\"reference\":\"r\",\n ,}"));
  }

  @Test
  void requiredHeaderFields() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 64: the required field "
            + "'reference' is missing. Fetch the report again or check that the file is complete.",
        message("{\"report_duration\":\"720\",\"report_end_time\":\"2022-08-10T00:00Z\"}"));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 36: 'report_duration' is not"
            + " a number of hours: \"thirty days\". Fetch the report again or check that the file"
            + " is complete.",
        message(
            "{\"reference\":\"r\",\"report_duration\":\"thirty"
                + " days\",\"report_end_time\":\"2022-08-10\"}"));
  }

  @Test
  void badTimestampAndBadTypeAreRefused() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 44: 'last_authn' is not a"
            + " timestamp: \"last week\". Fetch the report again or check that the file is"
            + " complete.",
        message("{\"users\":[{\"iam_id\":\"IBMid-1\",\"last_authn\":\"last week\"}]}"));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 44: API key ApiKey-1 has type"
            + " 'robot'; expected 'user' or 'serviceid'. Fetch the report again or check that the"
            + " file is complete.",
        message("{\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"robot\"}]}"));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 29: API key ApiKey-1 has type"
            + " 'null'; expected 'user' or 'serviceid'. Fetch the report again or check that the"
            + " file is complete.",
        message("{\"apikeys\":[{\"id\":\"ApiKey-1\"}]}"));
  }

  @Test
  void emptyInputIsNotAReport() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 1: the report is empty or"
            + " ends early (truncated?). Fetch the report again or check that the file is"
            + " complete.",
        message(""));
  }

  @Test
  void readsTimestampsInPlaceWhateverTheirSpelling() {
    List<User> users =
        parse(
                report(
                    "\"users\":[{\"iam_id\":\"a\",\"last_authn\":\"2022-08-09T02:33:15\\u003a564+0000\"},{\"iam_id\":\"b\",\"last_authn\":\""
                        + " 2022-08-10 \"},{\"iam_id\":\"c\",\"last_authn\":null},"
                        + "{\"iam_id\":\"d\",\"last_authn\":\"\"}]"))
            .users();
    assertEquals(
        List.of(
            new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-09T02:33:15.564Z")),
            new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-10T00:00:00Z")),
            Activity.NEVER,
            Activity.NEVER),
        users.stream().map(User::activity).toList());
  }

  @Test
  void aTimestampThatIsNotTextIsQuotedInTheError() {
    assertEquals(
        "report.json is not a valid activity report at line 1, column 38: 'last_authn' is not a "
            + "timestamp: \"20220810\". Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":20220810}]}"));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 38: 'last_authn' is not a "
            + "timestamp: \"true\". Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":true}]}"));
    assertEquals(
        "report.json is not a valid activity report at line 1, column 38: 'last_authn' must be a "
            + "string. Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":[1]}]}"));
  }

  @Test
  void anOwnerIsOneCopyHoweverTheReportSpellsIt() {
    ActivityReport report =
        parse(
            report(
                "\"users\":[{\"iam_id\":\"IBMid-1\",\"name\":\"J\u00f6rg"
                    + " \ud83d\ude00\",\"email\":\"j@example.com\"}],"
                    + "\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-1\",\"name\":\"J\u00f6rg"
                    + " \ud83d\ude00\"}},"
                    + "{\"id\":\"ApiKey-2\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-\\u0031\",\"name\":\"J\\u00f6rg"
                    + " \\ud83d\\ude00\",\"email\":\"j@example.com\"}},{\"id\":\"ApiKey-3\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-10\",\"name\":\"Jorg"
                    + " \ud83d\ude00\"}},"
                    + "{\"id\":\"ApiKey-4\",\"type\":\"serviceid\",\"serviceid\":{\"id\":\"ServiceId-1\",\"name\":\"svc\"}}],"
                    + "\"serviceids\":[{\"id\":\"ServiceId-1\",\"name\":\"svc\"}]"));
    User user = report.users().get(0);
    List<ApiKey> keys = report.apiKeys();
    assertEquals("J\u00f6rg \ud83d\ude00", user.name());
    for (ApiKey key : keys.subList(0, 2)) {
      assertSame(user.iamId(), key.owner().id());
      assertSame(user.name(), key.owner().name());
    }
    assertSame(user.email(), keys.get(1).owner().email());
    assertEquals("IBMid-10", keys.get(2).owner().id());
    assertEquals("Jorg \ud83d\ude00", keys.get(2).owner().name());
    assertNotSame(user.name(), keys.get(2).owner().name());
    assertSame(report.serviceIds().get(0).id(), keys.get(3).owner().id());
    assertSame(report.serviceIds().get(0).name(), keys.get(3).owner().name());
  }

  /** What a handler is told, in order: "header REF START" or an identity's id. */
  private static List<String> events(String json) {
    List<String> events = new ArrayList<>();
    ReportInfo info =
        PARSER.read(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            new ActivityReportParser.Handler() {
              @Override
              public void header(ReportInfo header) {
                events.add("header " + header.reference() + " " + header.startTime());
              }

              @Override
              public void identity(Identity identity) {
                events.add(identity.entity().id());
              }
            });
    events.add("returned " + info.reference() + " " + info.startTime());
    return events;
  }

  @Test
  void handsEachIdentityOnAsItIsReadOnceTheHeaderIsKnown() {
    assertEquals(
        List.of(
            "header r 2022-07-11T00:00:00Z",
            "IBMid-1",
            "ApiKey-1",
            "Profile-1",
            "returned r 2022-07-11T00:00:00Z"),
        events(
            "{\"reference\":\"r\",\"report_duration\":\"720\",\"report_start_time\":\"2022-07-11\","
                + "\"report_end_time\":\"2022-08-10\",\"users\":[{\"iam_id\":\"IBMid-1\"}],"
                + "\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"user\"}],\"serviceids\":[],"
                + "\"profiles\":[{\"id\":\"Profile-1\"}],\"created_by\":\"IBMid-9\"}"));
  }

  @Test
  void aHeaderAfterTheIdentitiesIsHandedOnAfterThem() {
    assertEquals(
        List.of(
            "IBMid-1",
            "ServiceId-1",
            "header r 2022-07-11T00:00:00Z",
            "returned r 2022-07-11T00:00:00Z"),
        events(
            "{\"users\":[{\"iam_id\":\"IBMid-1\"}],\"reference\":\"r\",\"report_duration\":\"720\","
                + "\"serviceids\":[{\"id\":\"ServiceId-1\"}],\"report_start_time\":\"2022-07-11\","
                + "\"report_end_time\":\"2022-08-10\",\"apikeys\":[],\"profiles\":[]}"));
  }
}
