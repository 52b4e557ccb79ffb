package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShownValueTest {
  @Test
  void ordinaryValuesShowAsTheyAre() {
    assertEquals("severe", ShownValue.of("severe"));
    assertEquals("governance/iam-audit.yml", ShownValue.of("governance/iam-audit.yml"));
    assertEquals(
        "ApiKey-7f3c1a2b-0000-4000-8000-000000000001",
        ShownValue.of("ApiKey-7f3c1a2b-0000-4000-8000-000000000001"));
    assertEquals("https://iam.cloud.ibm.com", ShownValue.of("https://iam.cloud.ibm.com"));
    assertEquals(
        "a-very-long-file-name-without-any-digits-in-it.json",
        ShownValue.of("a-very-long-file-name-without-any-digits-in-it.json"));
  }

  @Test
  void whatLooksLikeAKeyOrATokenIsNotShown() {
    assertEquals(
        "[not shown: looks like a key]",
        ShownValue.of("Hk7Qm2Zx9Lp4Wv8Rt1Yc6Nb3Sd5Fg0Jj-Aa_Ee12345"));
    assertEquals(
        "reports/[not shown: looks like a key]/x.json",
        ShownValue.of("reports/Hk7Qm2Zx9Lp4Wv8Rt1Yc6Nb3Sd5Fg0Jj-Aa_Ee12345/x.json"));
    assertEquals(
        "Bearer [not shown: looks like a key]", ShownValue.of("Bearer eyJhbGciOi.eyJzdWIi.c2ln"));
  }
}
