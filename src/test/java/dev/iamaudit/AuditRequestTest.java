package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.failure.UsageException;
import dev.iamaudit.iam.IamSettings;
import dev.iamaudit.iam.Secret;
import dev.iamaudit.policy.FailOn;
import dev.iamaudit.policy.Severity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a front end's options become one source, checked once, with messages in the front end's own
 * names.
 */
class AuditRequestTest {
  private static final Path BASE = Path.of("/repo");
  private final List<String> lookedUp = new ArrayList<>();

  private AuditRequest.Builder builder() {
    return AuditRequest.builder(BASE, BASE.resolve("out"), TestOptionNames.INSTANCE)
        .apiKey(
            null,
            variable -> {
              lookedUp.add(variable);
              return new ApiKeyVariable.Found(
                  variable.equals("IBMCLOUD_API_KEY") ? new Secret("key-0123") : null,
                  "variable " + variable);
            });
  }

  private String refused(AuditRequest.Builder builder) {
    return assertThrows(UsageException.class, builder::build).getMessage();
  }

  @Test
  void withoutADemoOrAReportFileTheLiveAccountIsAuditedWithTheDefaults() {
    AuditRequest request = builder().build();

    IamSettings live = ((SourceChoice.Live) request.source()).settings();
    assertEquals(
        new IamSettings(
            URI.create("https://iam.cloud.ibm.com"),
            URI.create("https://user-management.cloud.ibm.com"),
            live.apiKey(),
            "variable IBMCLOUD_API_KEY",
            "new",
            Duration.ofMinutes(10),
            null,
            TestOptionNames.INSTANCE),
        live);
    assertEquals("key-0123", live.apiKey().reveal());
    assertEquals(List.of("IBMCLOUD_API_KEY"), lookedUp);
    assertEquals(List.of("sarif", "junit", "json"), request.formats());
    assertNull(request.failOn());
    assertFalse(request.terraformOff());
    assertNull(request.terraformDir());
  }

  @Test
  void aLiveAuditTakesItsEndpointsReportTimeoutAndSavedCopy() {
    AuditRequest request =
        builder()
            .iamUrl(URI.create("http://127.0.0.1:1"))
            .userManagementUrl(URI.create("http://127.0.0.1:2"))
            .report("latest")
            .reportTimeout("90s")
            .saveReport(BASE.resolve("raw.json"))
            .build();

    IamSettings live = ((SourceChoice.Live) request.source()).settings();
    assertEquals(
        List.of(
            URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:2"),
            "latest",
            Duration.ofSeconds(90),
            BASE.resolve("raw.json")),
        List.of(
            live.iamUrl(),
            live.userManagementUrl(),
            live.report(),
            live.reportTimeout(),
            live.saveReport()));
  }

  @Test
  void theDemoAndAReportFileNeedNoKeyAndLookNoneUp() {
    assertEquals(
        new SourceChoice.Demo("latest", Duration.ofMinutes(10), BASE.resolve("raw.json")),
        builder().demo().report("latest").saveReport(BASE.resolve("raw.json")).build().source());
    assertEquals(
        new SourceChoice.ReportFile(BASE.resolve("saved.json")),
        builder().reportFile(BASE.resolve("saved.json")).build().source());
    assertEquals(List.of(), lookedUp);
  }

  @Test
  void optionsThatExcludeEachOtherAreRefusedInTheFrontEndsNames() {
    assertEquals(
        "<demo> and <report file> exclude each other; choose one",
        refused(builder().demo().reportFile(BASE.resolve("saved.json"))));
    assertEquals(
        "<report> picks a report to fetch and <report file> audits a saved one; choose one",
        refused(builder().reportFile(BASE.resolve("saved.json")).report("latest")));
    assertEquals(
        "<save report> keeps a fetched report, and <report file> fetches none; drop <save report>",
        refused(
            builder().reportFile(BASE.resolve("saved.json")).saveReport(BASE.resolve("raw.json"))));
    assertEquals(
        "<terraform>=none turns Terraform off, and <terraform state> needs it; drop one",
        refused(builder().terraform("none").terraformState(BASE.resolve("terraform.tfstate"))));
  }

  @Test
  void aReportFileWithTheDefaultReportIsNoConflict() {
    assertEquals(
        new SourceChoice.ReportFile(BASE.resolve("saved.json")),
        builder().reportFile(BASE.resolve("saved.json")).report("new").build().source());
  }

  @Test
  void noKeySaysWhereItWasLookedForAndOffersTheDemo() {
    assertEquals(
        "No API key: set the variable PROD_KEY to an IBM Cloud API key with Service Configuration"
            + " Reader on IAM Identity, or try the built-in demo account (<demo> on)",
        refused(
            builder()
                .apiKey(
                    "PROD_KEY",
                    variable -> new ApiKeyVariable.Found(null, "variable " + variable))));
  }

  @Test
  void aVariableNameThatIsNoneIsRefusedBeforeAnyLookup() {
    assertEquals(
        "<api key env> takes the name of an environment variable, in upper case (A-Z, 0-9, _), such"
            + " as IBMCLOUD_API_KEY; the value given is not one, and is not shown in case it is the"
            + " key itself",
        refused(
            builder()
                .apiKey(
                    "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0uVwX",
                    variable -> {
                      throw new AssertionError("looked up " + variable);
                    })));
  }

  @Test
  void failOnIsReadInAnyCaseAndABadOneNamedWithoutASecret() {
    assertEquals(FailOn.of(Severity.HIGH), builder().failOn(" High ").build().failOn());
    assertEquals(FailOn.parse("never"), builder().failOn("NEVER").build().failOn());
    assertEquals(
        "<fail on> must be one of critical, high, medium, low, never, not 'severe'",
        refused(builder().failOn("severe")));
    assertEquals(
        "<fail on> must be one of critical, high, medium, low, never, not '[not shown: looks like a"
            + " key]'",
        refused(builder().failOn("a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0uVwX")));
  }

  @Test
  void aBadReportTimeoutIsNamedAsTheFrontEndNamesIt() {
    assertEquals(
        "<report timeout> must be a positive duration such as 90s, 10m or 1h, not 'soon'",
        refused(builder().demo().reportTimeout("soon")));
  }

  @Test
  void terraformIsADirectoryUnderTheBaseOrNone() {
    AuditRequest request = builder().terraform("infra/iam").build();
    assertEquals(BASE.resolve("infra/iam"), request.terraformDir());
    assertFalse(request.terraformOff());

    request = builder().terraform("none").build();
    assertTrue(request.terraformOff());
    assertNull(request.terraformDir());
  }
}
