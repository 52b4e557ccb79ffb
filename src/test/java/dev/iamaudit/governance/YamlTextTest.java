package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.AllowlistLoader;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What baseline writes reads back as the very text it was given, whatever IBM's data or the user's
 * owner hold.
 */
class YamlTextTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final List<String> TRICKY =
      List.of(
          "ApiKey-7f3c1a2b-0000-4000-8000-000000000001",
          "a1b2c3d4e5f60718293a4b5c6d7e8f90",
          "1234567890",
          "1e10",
          "2026-11-24",
          "yes",
          "No",
          "on",
          "OFF",
          "true",
          "null",
          "~",
          "y",
          "id: nested",
          "a, b",
          "{ braces }",
          "[list]",
          "#hash",
          "trailing #comment",
          "*alias",
          "&anchor",
          "!tag",
          "@at",
          "%percent",
          "`tick`",
          "'single'",
          "\"double\"",
          "back\\slash",
          "tab\there",
          "line\nbreak",
          "carriage\rreturn",
          "nel\u0085next",
          "line\u2028separator",
          "bidi\u202eeval\u202c",
          "bom\ufeff",
          "emoji \ud83d\udd11",
          "lone \ud83d surrogate",
          "bell\u0007",
          " leading space",
          "trailing space ",
          "Zoë's deploy, prod",
          "- dash",
          "? question",
          ": colon",
          "|pipe",
          ">fold");

  @TempDir Path dir;

  @Test
  void plainOnlyWhereThatReadsBackAsTheSameText() {
    assertEquals(
        "ApiKey-7f3c1a2b-0000-4000-8000-000000000001",
        YamlText.scalar("ApiKey-7f3c1a2b-0000-4000-8000-000000000001"));
    assertEquals("secops@example.com", YamlText.scalar("secops@example.com"));
    assertEquals(
        "a1b2c3d4e5f60718293a4b5c6d7e8f90", YamlText.scalar("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    assertEquals(
        "\"4a1b2c3d4e5f60718293a4b5c6d7e8f9\"",
        YamlText.scalar("4a1b2c3d4e5f60718293a4b5c6d7e8f9"));
    assertEquals("\"Yes\"", YamlText.scalar("Yes"));
    assertEquals("\"Jane Doe\"", YamlText.scalar("Jane Doe"));
    assertEquals(
        "\"say \\\"hi\\\" \\\\ bye\\n\\u202E\"", YamlText.quoted("say \"hi\" \\ bye\n\u202e"));
  }

  @Test
  void aCommentStaysOneLineAndShowsWhatHides() {
    assertEquals(
        "API key 'x\\n- match: { id: evil }'",
        YamlText.comment("API key 'x\n- match: { id: evil }'"));
    assertEquals("a\\u2028b\\u202Ec\\r", YamlText.comment("a\u2028b\u202ec\r"));
    assertEquals("x".repeat(120) + "...", YamlText.comment("x".repeat(500)));
  }

  /**
   * Each tricky text as an id, a name in the comment and an owner: one entry each, read back
   * unchanged.
   */
  @Test
  void everyEntryReadsBackAsWritten() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String text : TRICKY) {
      lines.addAll(
          new BaselineEntry(text, "apikey-inactive", "API key '" + text + "'")
              .lines("Accepted as a baseline on " + TODAY + ": " + text, text, TODAY.plusDays(90)));
    }
    Path file =
        Files.writeString(
            dir.resolve("iam-allowlist.yml"),
            String.join("\n", lines) + "\n",
            StandardCharsets.UTF_8);

    List<AllowlistEntry> entries =
        new AllowlistLoader(Rules.all().stream().map(RuleDescriptor::id).toList(), TODAY, 365)
            .load(file, "iam-allowlist.yml")
            .entries();

    assertEquals(TRICKY.size(), entries.size());
    for (int i = 0; i < TRICKY.size(); i++) {
      String text = TRICKY.get(i);
      assertEquals(text, entries.get(i).match().id(), "id " + i);
      assertEquals(text, entries.get(i).owner(), "owner " + i);
      assertEquals(
          "Accepted as a baseline on " + TODAY + ": " + text,
          entries.get(i).reason(),
          "reason " + i);
    }
  }
}
