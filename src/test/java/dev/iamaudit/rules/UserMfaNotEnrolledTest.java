package dev.iamaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.inventory.DataSet;
import dev.iamaudit.inventory.MfaEnrollment;
import dev.iamaudit.inventory.TestInventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserMfaNotEnrolledTest {
  private final UserMfaNotEnrolled rule = new UserMfaNotEnrolled();

  private static MfaEnrollment user(
      String iamId, String name, Boolean idBased, Boolean accountBased) {
    return new MfaEnrollment(
        iamId,
        name,
        iamId.toLowerCase() + "@example.com",
        null,
        "id_based_mfa",
        "TOTP4ALL",
        idBased,
        Boolean.FALSE.equals(idBased) ? "NO" : "CROSS_ACCOUNT",
        accountBased);
  }

  @Test
  void aUserWhoDoesNotComplyWithEitherKindOfMfaIsFound() {
    var inventory =
        TestInventory.builder()
            .mfa(
                user("IBMid-ok", "Olga Ok", true, true),
                user("IBMid-id", "Ines Id", false, true),
                user("IBMid-acct", null, true, false),
                user("IBMid-both", "Bo Both", false, false),
                user("IBMid-unknown", "Una Known", null, null))
            .build();

    RuleAssertions.Outcome outcome = RuleAssertions.run(rule, inventory);

    String fix =
        "Fix: ask them to log in and set up the factor, which IBM Cloud asks for at the next login"
            + " (console: Manage > Access (IAM) > MFA status), or remove the user with 'ibmcloud"
            + " account user-remove ";
    assertEquals(
        List.of(
            "User 'Ines Id' (IBMid-id) has not enrolled for the MFA required of them (id_based_mfa:"
                + " TOTP4ALL, complies false). "
                + fix
                + "ibmid-id@example.com', or accept it in the allowlist with match: { id: IBMid-id"
                + " }, rules: [user-mfa-not-enrolled].",
            "User 'ibmid-acct@example.com' (IBMid-acct) has not enrolled for the MFA required of"
                + " them (account_based_mfa: complies false). "
                + fix
                + "ibmid-acct@example.com', or accept it in the allowlist "
                + "with match: { id: IBMid-acct }, rules: [user-mfa-not-enrolled].",
            "User 'Bo Both' (IBMid-both) has not enrolled for the MFA required of them"
                + " (id_based_mfa: TOTP4ALL, complies false; account_based_mfa: complies false). "
                + fix
                + "ibmid-both@example.com', or accept it in the "
                + "allowlist with match: { id: IBMid-both }, rules: [user-mfa-not-enrolled]."),
        outcome.violations().stream().map(Violation::message).toList());
    assertEquals(5, outcome.checked());
  }

  @Test
  void withoutTheReportItIsNotEvaluatedAndSaysWhy() {
    RuleAssertions.Outcome saved = RuleAssertions.run(rule, TestInventory.builder().build());
    RuleAssertions.Outcome refused =
        RuleAssertions.run(
            rule,
            TestInventory.builder()
                .unavailable(
                    DataSet.MFA_REPORT,
                    "which IAM refused with 403 to POST /v1/mfa/accounts/a1b2c3/report: grant "
                        + "the API key the Administrator role on the IAM Identity Service")
                .build());

    assertEquals(false, saved.evaluated());
    assertEquals(
        "needs the MFA enrollment report, which a saved activity report does not hold",
        saved.note());
    assertEquals(false, refused.evaluated());
    assertEquals(
        "needs the MFA enrollment report, which IAM refused with 403 to POST"
            + " /v1/mfa/accounts/a1b2c3/report: grant the API key the Administrator role on the IAM"
            + " Identity Service",
        refused.note());
  }

  @Test
  void anEmptyReportPasses() {
    RuleAssertions.Outcome outcome =
        RuleAssertions.run(rule, TestInventory.builder().mfa().build());
    assertEquals(true, outcome.evaluated());
    assertEquals(List.of(), outcome.violations());
    assertEquals(0, outcome.checked());
  }
}
