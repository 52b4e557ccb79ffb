package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.iamaudit.audit.AuditResult;
import dev.iamaudit.audit.Finding;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.Identity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CsvReportTest {
  /** Read back with Jackson's CSV parser, not with anything of ours. */
  private static List<List<String>> parse(String csv) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows =
        mapper.readerForListOf(String.class).readValues(csv)) {
      return rows.readAll();
    }
  }

  @Test
  void oneRowPerIdentityThenTheAccount() throws Exception {
    AuditResult result = ReportFixtures.sample();
    List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), result));
    assertEquals(CsvReport.HEADER, rows.get(0));
    assertEquals(1 + result.scope().identities() + 1, rows.size());
    assertEquals(
        List.of(
            "IBMid-1000AAAA",
            ReportFixtures.TRICKY,
            "2026-05-06T09:00:00Z",
            "apikey",
            "ApiKey-1111",
            "Jane O'Neil <ops>",
            "jane@example.com",
            "jane@example.com",
            "IBMid-1000AAAA",
            "2025-10-18T09:00:00Z",
            "false",
            "",
            "active",
            "apikey-inactive;apikey-too-old",
            "high",
            "violation"),
        rows.get(3));
    assertEquals(
        List.of(
            "iam-ServiceId-9",
            "dr-drill",
            "2026-07-25T09:00:00Z",
            "apikey",
            "ApiKey-3333",
            "builder",
            "",
            "",
            "iam-ServiceId-9",
            "2026-10-03T09:00:00Z",
            "false",
            "42",
            "active",
            "apikey-inactive",
            "high",
            "allowlisted"),
        rows.get(5));
    assertEquals(
        List.of(
            "iam-ServiceId-9",
            "fresh",
            "",
            "apikey",
            "ApiKey-5555",
            "builder",
            "",
            "",
            "iam-ServiceId-9",
            "2026-11-12T09:00:00Z",
            "false",
            "42",
            "active",
            "",
            "",
            "pass"),
        rows.get(7));
    assertEquals("never", rows.get(10).get(2));
    assertEquals(
        List.of(
            "",
            "",
            "",
            "account",
            ReportFixtures.ACCOUNT,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "account-mfa-disabled;allowlist-expired;account-serviceid-creation-unrestricted;allowlist-unused",
            "high",
            "violation"),
        rows.get(rows.size() - 1));
  }

  /**
   * Keyed by the header's names, as Python's csv.DictReader and pandas read it: no column may
   * shadow another.
   */
  private static List<Map<String, String>> parseByHeader(String csv) throws Exception {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows =
        mapper
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv)) {
      return rows.readAll();
    }
  }

  @Test
  void everyColumnHasANameOfItsOwnSoAReaderByHeaderKeepsThemAll() throws Exception {
    List<Map<String, String>> rows =
        parseByHeader(ReportFixtures.render(new CsvReport(), ReportFixtures.sample()));
    assertEquals(ReportFixtures.sample().scope().identities() + 1, rows.size());
    Map<String, String> key = new LinkedHashMap<>();
    key.put("iam_id", "IBMid-1000AAAA");
    key.put("name", ReportFixtures.TRICKY);
    key.put("last_authn", "2026-05-06T09:00:00Z");
    key.put("type", "apikey");
    key.put("id", "ApiKey-1111");
    key.put("owner_name", "Jane O'Neil <ops>");
    key.put("owner_username", "jane@example.com");
    key.put("owner_email", "jane@example.com");
    key.put("created_by", "IBMid-1000AAAA");
    key.put("created_at", "2025-10-18T09:00:00Z");
    key.put("locked", "false");
    key.put("authn_count", "");
    key.put("state", "active");
    key.put("findings", "apikey-inactive;apikey-too-old");
    key.put("severity", "high");
    key.put("status", "violation");
    assertEquals(key, rows.get(2));
    assertEquals(List.copyOf(key.keySet()), List.copyOf(rows.get(2).keySet()));
    Map<String, String> serviceId = rows.get(7);
    assertEquals("builder", serviceId.get("name"));
    assertEquals("ServiceId-9", serviceId.get("id"));
    assertEquals("", serviceId.get("owner_name"));
    assertEquals("2025-07-10T09:00:00Z", serviceId.get("created_at"));
    Map<String, String> user = rows.get(0);
    assertEquals("Jane O'Neil <ops>", user.get("name"));
    assertEquals("Jane O'Neil <ops>", user.get("owner_name"));
    assertEquals("jane@example.com", user.get("owner_email"));
    rows.forEach(row -> assertEquals(CsvReport.HEADER, List.copyOf(row.keySet())));
  }

  @Test
  void defusesSpreadsheetFormulas() throws Exception {
    List<List<String>> rows =
        parse(ReportFixtures.render(new CsvReport(), ReportFixtures.sample()));
    assertEquals("'=cmd|' /C calc'!A0", rows.get(2).get(1));
  }

  @Test
  void quotesPerRfc4180WithCrlf() {
    String csv = ReportFixtures.render(new CsvReport(), ReportFixtures.sample());
    assertTrue(
        csv.startsWith(
            "iam_id,name,last_authn,type,id,owner_name,owner_username,owner_email,created_by,"
                + "created_at,locked,authn_count,state,findings,severity,status\r\n"));
    assertTrue(
        csv.contains(",\"deploy, \"\"prod\"\" <main> & Zoë\nline2 | ü*_\",2026-05-06T09:00:00Z,"));
    assertTrue(csv.endsWith(",high,violation\r\n"));
    assertEquals("", CsvRow.field(null));
    assertEquals("plain", CsvRow.field("plain"));
    assertEquals("\"a\rb\"", CsvRow.field("a\rb"));
    assertEquals("'+1", CsvRow.field("+1"));
  }

  @Test
  void emptyAccountIsHeaderAndAccount() throws Exception {
    List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), ReportFixtures.empty()));
    assertEquals(2, rows.size());
    assertEquals(
        List.of(
            "",
            "",
            "",
            "account",
            ReportFixtures.ACCOUNT,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "pass"),
        rows.get(1));
  }

  /**
   * Each identity's row, in the inventory's order, names exactly its findings' rules and the worst
   * severity.
   */
  @Test
  void largeAccountRowsCarryTheirIdentitysFindings() throws Exception {
    AuditResult result = ReportFixtures.generated(12_000);
    List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), result));
    List<Identity> identities = ReportFixtures.generatedInventory(12_000).identities().toList();
    assertEquals(1 + identities.size() + 1, rows.size());
    Map<String, List<Finding>> byIdentity =
        ReportFixtures.findings(result).stream()
            .collect(Collectors.groupingBy(f -> f.entity().type().id() + ":" + f.entity().id()));
    for (int i = 0; i < identities.size(); i++) {
      Entity entity = identities.get(i).entity();
      List<String> row = rows.get(1 + i);
      assertEquals(List.of(entity.type().id(), entity.id()), row.subList(3, 5));
      List<Finding> findings =
          byIdentity.getOrDefault(entity.type().id() + ":" + entity.id(), List.of());
      assertEquals(
          findings.stream().map(Finding::rule).distinct().collect(Collectors.joining(";")),
          row.get(13));
      assertEquals(
          findings.stream().map(f -> f.severity().id()).findFirst().orElse(""), row.get(14));
      assertEquals(findings.isEmpty() ? "pass" : "violation", row.get(15));
    }
  }

  @Test
  void largeAccountHasEveryIdentity() throws Exception {
    AuditResult result = ReportFixtures.generated(6_000);
    List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), result));
    assertEquals(1 + 6_000 + 600 + 600 + 1, rows.size());
    assertEquals(
        result.violations(), rows.stream().filter(row -> row.get(15).equals("violation")).count());
  }
}
