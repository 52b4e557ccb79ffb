package dev.iamaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest {
  @Test
  void parsesTheDocumentedExample() {
    assertEquals(
        List.of(
            new Fault(Fault.Kind.STATUS, 429, Fault.Trigger.EVERY, 10, "/", 1),
            new Fault(Fault.Kind.STATUS, 503, Fault.Trigger.FIRST, 2, "/", 1),
            new Fault(Fault.Kind.MALFORMED, 0, Fault.Trigger.ALWAYS, 0, "/v1/apikeys", 1)),
        Fault.parseAll("429:every=10,5xx:first=2,malformed:/v1/apikeys"));
  }

  @Test
  void parsesAnExplicitStatusRetryAfterAndPrefix() {
    assertEquals(
        List.of(
            new Fault(Fault.Kind.STATUS, 429, Fault.Trigger.FIRST, 3, "/identity", 30),
            new Fault(Fault.Kind.STATUS, 501, Fault.Trigger.ALWAYS, 0, "/v2/", 1)),
        Fault.parseAll("429:first=3:retry-after=30:/identity, 501:/v2/"));
  }

  @Test
  void firesOnTheCountedRequests() {
    Fault every = Fault.parseAll("429:every=3").get(0);
    Fault first = Fault.parseAll("5xx:first=2").get(0);

    assertEquals(
        List.of(false, false, true, false, false, true),
        List.of(1L, 2L, 3L, 4L, 5L, 6L).stream().map(every::firesOn).toList());
    assertEquals(
        List.of(true, true, false), List.of(1L, 2L, 3L).stream().map(first::firesOn).toList());
    assertTrue(Fault.parseAll("malformed:/v1/apikeys").get(0).appliesTo("/v1/apikeys/ApiKey-1"));
    assertFalse(Fault.parseAll("malformed:/v1/apikeys").get(0).appliesTo("/v1/profiles"));
  }

  @Test
  void namesTheBadPart() {
    assertEquals(
        "unknown fault 'teapot' in 'teapot:every=2'; " + Fault.SYNTAX,
        assertThrows(IllegalArgumentException.class, () -> Fault.parseAll("teapot:every=2"))
            .getMessage());
    assertEquals(
        "'x' in fault '429:every=x' is not a number; " + Fault.SYNTAX,
        assertThrows(IllegalArgumentException.class, () -> Fault.parseAll("429:every=x"))
            .getMessage());
    assertEquals(
        "unknown option 'sometimes' in fault '5xx:sometimes'; " + Fault.SYNTAX,
        assertThrows(IllegalArgumentException.class, () -> Fault.parseAll("5xx:sometimes"))
            .getMessage());
    assertEquals(
        "fault '404': a fault's status must be 429 or 500 to 599, not 404; " + Fault.SYNTAX,
        assertThrows(IllegalArgumentException.class, () -> Fault.parseAll("404")).getMessage());
    assertEquals(
        "fault '429:first=0': every= and first= need a count of at least 1, not 0; " + Fault.SYNTAX,
        assertThrows(IllegalArgumentException.class, () -> Fault.parseAll("429:first=0"))
            .getMessage());
    assertEquals(
        "no fault given in ' , '; " + Fault.SYNTAX,
        assertThrows(IllegalArgumentException.class, () -> Fault.parseAll(" , ")).getMessage());
  }
}
