package dev.iamaudit.inventory;

import java.util.Objects;

/**
 * One user of IBM's MFA enrollment status report ({@code UserReportMfaEnrollmentStatus}).
 *
 * @param effectiveMfaType which requirement applies: {@code id_based_mfa} or {@code
 *     account_based_mfa}
 * @param trait the effective ID-based MFA requirement ({@code id_based_mfa.trait_effective}: NONE,
 *     TOTP4ALL, ...)
 * @param idBasedComplies {@code id_based_mfa.complies}: the user is enrolled for what the
 *     requirement asks
 * @param complyState {@code id_based_mfa.comply_state}: NO, ACCOUNT or CROSS_ACCOUNT
 * @param accountBasedComplies {@code account_based_mfa.complies}
 */
public record MfaEnrollment(
    String iamId,
    String name,
    String username,
    String email,
    String effectiveMfaType,
    String trait,
    Boolean idBasedComplies,
    String complyState,
    Boolean accountBasedComplies) {
  public MfaEnrollment {
    Objects.requireNonNull(iamId, "iamId");
  }

  /** False when IBM says the user does not comply with either kind of MFA requirement. */
  public boolean complies() {
    return !Boolean.FALSE.equals(idBasedComplies) && !Boolean.FALSE.equals(accountBasedComplies);
  }
}
