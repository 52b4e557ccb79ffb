package dev.iamaudit.iam;

import static dev.iamaudit.iam.IbmFixtures.SERVICE_IAM_ID;
import static dev.iamaudit.iam.IbmFixtures.SERVICE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.Activity;
import dev.iamaudit.inventory.ActivityReport;
import dev.iamaudit.inventory.ActivityReportParser;
import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.Inventory;
import dev.iamaudit.inventory.KeyOwner;
import dev.iamaudit.inventory.MfaEnrollment;
import dev.iamaudit.inventory.ServiceId;
import dev.iamaudit.inventory.User;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryAssemblerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant CREATED = Instant.parse("2022-07-26T13:00:00Z");
  private static final Instant LAST = Instant.parse("2025-06-01T10:00:00Z");

  private static final ActivityReport REPORT =
      new ActivityReportParser("test")
          .parse(
              new ByteArrayInputStream(
                  IbmFixtures.report(
                          "r-1",
                          720,
                          "2025-12-31T23:00:00:000+0000",
                          "{\"iam_id\":\"IBMid-1\",\"name\":\"Ada"
                              + " Lovelace\",\"username\":\"ada@example.com\"}",
                          "{\"id\":\"ApiKey-old\",\"name\":\"old\",\"type\":\"serviceid\",\"serviceid\":{\"id\":\""
                              + SERVICE_ID
                              + "\",\"name\":\"deployer\"},\"last_authn\":\"2025-06-01T10:00:00:000+0000\"},"
                              + "{\"id\":\"ApiKey-gone\",\"name\":\"gone\",\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-9\"}}",
                          "",
                          "")
                      .getBytes(StandardCharsets.UTF_8)));

  private static ApiKey listed(String id, KeyOwner.Kind owner, String iamId) {
    return new ApiKey(
        id,
        null,
        iamId,
        owner == KeyOwner.Kind.USER ? KeyOwner.user(iamId) : KeyOwner.serviceId(null),
        CREATED,
        "IBMid-1",
        false,
        false,
        null,
        "none",
        Activity.UNKNOWN,
        null);
  }

  private static final List<User> USERS =
      List.of(
          new User(
              "IBMid-1",
              "Ada Lovelace",
              "ada@example.com",
              "ada@example.com",
              "ACTIVE",
              CREATED,
              Activity.UNKNOWN),
          new User(
              "IBMid-2",
              "Alan Turing",
              "alan@example.com",
              "alan@example.com",
              "ACTIVE",
              CREATED,
              Activity.UNKNOWN));
  private static final List<ServiceId> SERVICE_IDS =
      List.of(
          new ServiceId(SERVICE_ID, SERVICE_IAM_ID, "deployer", CREATED, false, Activity.UNKNOWN));

  @Test
  void listingsAreTheIdentitiesAndTheReportTheirActivity() {
    List<ApiKey> keys =
        List.of(
            listed("ApiKey-old", KeyOwner.Kind.SERVICEID, SERVICE_IAM_ID),
            listed("ApiKey-new", KeyOwner.Kind.USER, "IBMid-2"));

    Inventory inventory =
        InventoryAssembler.assemble(
            "acc",
            NOW,
            new InventoryAssembler.Parts(
                REPORT,
                USERS,
                keys,
                SERVICE_IDS,
                null,
                null,
                Map.of("ApiKey-old", 3L, "ApiKey-new", 120L)));

    assertEquals(
        List.of(
            new ApiKey(
                "ApiKey-old",
                "old",
                SERVICE_IAM_ID,
                new KeyOwner(KeyOwner.Kind.SERVICEID, SERVICE_ID, "deployer", null, null),
                CREATED,
                "IBMid-1",
                false,
                false,
                null,
                "none",
                new Activity(Activity.Kind.INACTIVE, LAST),
                3L),
            new ApiKey(
                "ApiKey-new",
                null,
                "IBMid-2",
                new KeyOwner(
                    KeyOwner.Kind.USER,
                    "IBMid-2",
                    "Alan Turing",
                    "alan@example.com",
                    "alan@example.com"),
                CREATED,
                "IBMid-1",
                false,
                false,
                null,
                "none",
                Activity.RECENT,
                120L),
            new ApiKey(
                "ApiKey-gone",
                "gone",
                "IBMid-9",
                KeyOwner.user("IBMid-9"),
                null,
                null,
                null,
                null,
                null,
                null,
                Activity.NEVER,
                null)),
        inventory.apiKeys());
    assertEquals(
        List.of(Activity.NEVER, Activity.RECENT),
        inventory.users().stream().map(User::activity).toList());
    assertEquals(
        List.of(Activity.RECENT),
        inventory.serviceIds().stream().map(ServiceId::activity).toList());
    assertEquals(
        Set.of(
            DataSet.REPORT,
            DataSet.USERS,
            DataSet.API_KEYS,
            DataSet.SERVICE_IDS,
            DataSet.KEY_ACTIVITY),
        inventory.available());
    assertEquals(NOW, inventory.asOf());
    assertEquals("r-1", inventory.report().reference());
  }

  @Test
  void withoutTheReportActivityStaysUnknown() {
    Inventory inventory =
        InventoryAssembler.assemble(
            "acc",
            NOW,
            new InventoryAssembler.Parts(
                null,
                null,
                List.of(listed("ApiKey-x", KeyOwner.Kind.SERVICEID, SERVICE_IAM_ID)),
                null,
                null,
                null,
                null));

    ApiKey key = inventory.apiKeys().get(0);
    assertEquals(Activity.UNKNOWN, key.activity());
    assertEquals(SERVICE_ID, key.owner().id());
    assertEquals(Set.of(DataSet.API_KEYS), inventory.available());
    assertEquals(List.of(), inventory.users());
  }

  @Test
  void withOnlyTheReportTheReportedIdentitiesAreKept() {
    Inventory inventory =
        InventoryAssembler.assemble(
            "acc", NOW, new InventoryAssembler.Parts(REPORT, null, null, null, null, null, null));

    assertEquals(
        List.of("ApiKey-old", "ApiKey-gone"),
        inventory.apiKeys().stream().map(ApiKey::id).toList());
    assertEquals(List.of("IBMid-1"), inventory.users().stream().map(User::iamId).toList());
    assertEquals(Set.of(DataSet.REPORT), inventory.available());
  }

  @Test
  void anInvitationWithoutAnIamIdKeepsItsOwnIdBesideTheReportedUsers() {
    User invitation =
        new User(
            "3c0e5a1b",
            null,
            null,
            "new.hire@example.com",
            "new.hire@example.com",
            "PENDING",
            CREATED,
            Activity.UNKNOWN);
    List<User> users = List.of(USERS.get(0), invitation);

    Inventory inventory =
        InventoryAssembler.assemble(
            "acc", NOW, new InventoryAssembler.Parts(REPORT, users, null, null, null, null, null));

    assertEquals(
        List.of(
            USERS.get(0).withActivity(Activity.NEVER), invitation.withActivity(Activity.RECENT)),
        inventory.users());
  }

  @Test
  void theMfaReportAndWhyADataSetIsMissingAreKept() {
    MfaEnrollment jane =
        new MfaEnrollment(
            "IBMid-1",
            "Jane",
            "jane@example.com",
            null,
            "id_based_mfa",
            "TOTP4ALL",
            false,
            "NO",
            true);

    Inventory withReport =
        InventoryAssembler.assemble(
            "acc",
            NOW,
            new InventoryAssembler.Parts(
                null, null, null, null, null, null, null, List.of(jane), Map.of()));
    Inventory refused =
        InventoryAssembler.assemble(
            "acc",
            NOW,
            new InventoryAssembler.Parts(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(DataSet.MFA_REPORT, "which IAM refused")));

    assertEquals(List.of(jane), withReport.mfaEnrollments());
    assertEquals(Set.of(DataSet.MFA_REPORT), withReport.available());
    assertEquals(Set.of(), refused.available());
    assertEquals(Map.of(DataSet.MFA_REPORT, "which IAM refused"), refused.unavailable());
  }
}
