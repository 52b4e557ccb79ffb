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

  @Test
  void readsIbmsReportShape() throws IOException {
    ActivityReport report;
    try (InputStream in = getClass().getResourceAsStream("ibm-report.json")) {
      report = PARSER.parse(in);
    }
    assertEquals(new ReportInfo("reference", 720, Instant.parse("2022-07-11T00:00:00Z"),
        Instant.parse("2022-08-10T00:00:00Z"), "IBMid-1000"), report.info());
    assertEquals(List.of(new User("IBMid-2000", "Jane Doe", "jane@example.com", "jane@example.com", null, null,
        new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-10T02:33:15.564Z")))), report.users());
    assertEquals(List.of(
        new ApiKey("ApiKey-1", "ci", null, new KeyOwner(KeyOwner.Kind.SERVICEID, "ServiceId-1", "deployer", null,
            null), null, null, null, null, null, null, Activity.NEVER, null),
        new ApiKey("ApiKey-2", "laptop", "IBMid-2000", new KeyOwner(KeyOwner.Kind.USER, "IBMid-2000", "Jane Doe",
            "jane@example.com", "jane@example.com"), null, null, null, null, null, null,
            new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-04-21T00:52:21.186Z")), null)),
        report.apiKeys());
    assertEquals(List.of(new ServiceId("ServiceId-1", null, "deployer", null, null, Activity.NEVER)),
        report.serviceIds());
    assertEquals(List.of(new Profile("Profile-1", null, "k8s", null,
        new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-01T00:00:00Z")))), report.profiles());
  }

  @Test
  void missingArraysAreEmpty() {
    ActivityReport report = parse("{\"reference\":\"r\",\"report_duration\":\"24\",\"report_end_time\":"
        + "\"2022-08-10T00:00:00:000+0000\",\"users\":null}");
    assertEquals(0, report.size());
    assertEquals(24, report.info().durationHours());
  }

  @Test
  void truncatedReportNamesWhereItEnds() {
    assertEquals("report.json is not a valid activity report at line 1, column 45: the report ends early "
        + "(truncated?). Fetch the report again or check that the file is complete.",
        message("{\"reference\":\"r\",\"apikeys\":[{\"id\":\"ApiKey-1\""));
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    assertEquals("report.json is not a valid activity report at line 2, column 2: Unexpected character (',' "
        + "(code 44)): was expecting double-quote to start field name. Fetch the report again or check that "
        + "the file is complete.", message("{\"reference\":\"r\",\n ,}"));
  }

  @Test
  void requiredHeaderFields() {
    assertEquals("report.json is not a valid activity report at line 1, column 64: the required field "
        + "'reference' is missing. Fetch the report again or check that the file is complete.",
        message("{\"report_duration\":\"720\",\"report_end_time\":\"2022-08-10T00:00Z\"}"));
    assertEquals("report.json is not a valid activity report at line 1, column 36: 'report_duration' is not a "
        + "number of hours: \"thirty days\". Fetch the report again or check that the file is complete.",
        message("{\"reference\":\"r\",\"report_duration\":\"thirty days\",\"report_end_time\":\"2022-08-10\"}")
            );
  }

  @Test
  void badTimestampAndBadTypeAreRefused() {
    assertEquals("report.json is not a valid activity report at line 1, column 44: 'last_authn' is not a "
        + "timestamp: \"last week\". Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"IBMid-1\",\"last_authn\":\"last week\"}]}"));
    assertEquals("report.json is not a valid activity report at line 1, column 44: API key ApiKey-1 has type "
        + "'robot'; expected 'user' or 'serviceid'. Fetch the report again or check that the file is complete.",
        message("{\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"robot\"}]}"));
  }

  @Test
  void emptyInputIsNotAReport() {
    assertEquals("report.json is not a valid activity report at line 1, column 1: the report is empty or ends "
        + "early (truncated?). Fetch the report again or check that the file is complete.", message(""));
  }

  @Test
  void readsTimestampsInPlaceWhateverTheirSpelling() {
    List<User> users = parse("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":\"2022-08-10T02:33:15\\u003a564+0000\"},"
        + "{\"iam_id\":\"b\",\"last_authn\":\" 2022-08-10 \"},{\"iam_id\":\"c\",\"last_authn\":null},"
        + "{\"iam_id\":\"d\",\"last_authn\":\"\"}],\"reference\":\"r\",\"report_duration\":\"1\","
        + "\"report_end_time\":\"2022-08-10T00:00Z\"}").users();
    assertEquals(List.of(new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-10T02:33:15.564Z")),
        new Activity(Activity.Kind.INACTIVE, Instant.parse("2022-08-10T00:00:00Z")), Activity.NEVER, Activity.NEVER),
        users.stream().map(User::activity).toList());
  }

  @Test
  void aTimestampThatIsNotTextIsQuotedInTheError() {
    assertEquals("report.json is not a valid activity report at line 1, column 38: 'last_authn' is not a "
        + "timestamp: \"20220810\". Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":20220810}]}"));
    assertEquals("report.json is not a valid activity report at line 1, column 38: 'last_authn' is not a "
        + "timestamp: \"true\". Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":true}]}"));
    assertEquals("report.json is not a valid activity report at line 1, column 38: 'last_authn' must be a "
        + "string. Fetch the report again or check that the file is complete.",
        message("{\"users\":[{\"iam_id\":\"a\",\"last_authn\":[1]}]}"));
  }

  @Test
  void anOwnerIsOneCopyHoweverTheReportSpellsIt() {
    ActivityReport report = parse("{\"reference\":\"r\",\"report_duration\":\"1\",\"report_end_time\":\"2022-08-10\","
        + "\"users\":[{\"iam_id\":\"IBMid-1\",\"name\":\"J\u00f6rg \ud83d\ude00\",\"email\":\"j@example.com\"}],"
        + "\"apikeys\":["
        + "{\"id\":\"ApiKey-1\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-1\",\"name\":\"J\u00f6rg \ud83d\ude00\"}},"
        + "{\"id\":\"ApiKey-2\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-\\u0031\","
        + "\"name\":\"J\\u00f6rg \\ud83d\\ude00\",\"email\":\"j@example.com\"}},"
        + "{\"id\":\"ApiKey-3\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-10\",\"name\":\"Jorg \ud83d\ude00\"}},"
        + "{\"id\":\"ApiKey-4\",\"type\":\"serviceid\",\"serviceid\":{\"id\":\"ServiceId-1\",\"name\":\"svc\"}}],"
        + "\"serviceids\":[{\"id\":\"ServiceId-1\",\"name\":\"svc\"}]}");
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
    ReportInfo info = PARSER.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
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
    assertEquals(List.of("header r null", "IBMid-1", "ApiKey-1", "Profile-1", "returned r 2022-07-11T00:00:00Z"),
        events("{\"reference\":\"r\",\"report_duration\":\"720\",\"report_end_time\":\"2022-08-10\","
            + "\"users\":[{\"iam_id\":\"IBMid-1\"}],\"apikeys\":[{\"id\":\"ApiKey-1\",\"type\":\"user\"}],"
            + "\"profiles\":[{\"id\":\"Profile-1\"}],\"report_start_time\":\"2022-07-11\"}"));
  }

  @Test
  void aHeaderAfterTheIdentitiesIsHandedOnAfterThem() {
    assertEquals(List.of("IBMid-1", "ServiceId-1", "header r 2022-07-11T00:00:00Z", "returned r 2022-07-11T00:00:00Z"),
        events("{\"users\":[{\"iam_id\":\"IBMid-1\"}],\"reference\":\"r\",\"report_duration\":\"720\","
            + "\"serviceids\":[{\"id\":\"ServiceId-1\"}],\"report_start_time\":\"2022-07-11\","
            + "\"report_end_time\":\"2022-08-10\"}"));
  }
}
