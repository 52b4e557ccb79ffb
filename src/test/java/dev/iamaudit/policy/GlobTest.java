package dev.iamaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {
  /**
   * How globs were matched before: a regex, which backtracks exponentially on stars with shared
   * text. (It quoted each char on its own, so a literal emoji, two chars, never matched; this
   * oracle quotes code points.)
   */
  private static boolean byRegex(String glob, String name) {
    StringBuilder regex = new StringBuilder();
    glob.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(Character.toString(c)));
              }
            });
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
  }

  @Test
  void starIsAnyRunAndQuestionMarkOneCharacter() {
    assertTrue(new Glob("sandbox-*").matches("sandbox-"));
    assertTrue(new Glob("sandbox-*").matches("sandbox-ci"));
    assertFalse(new Glob("sandbox-*").matches("my-sandbox-ci"));
    assertTrue(new Glob("*-prod").matches("a-b-prod"));
    assertTrue(new Glob("ci-??").matches("ci-42"));
    assertFalse(new Glob("ci-??").matches("ci-4"));
    assertTrue(new Glob("terraform.*").matches("terraform.prod"));
    assertFalse(new Glob("terraform.prod").matches("terraformXprod"));
    assertTrue(new Glob("a*b*c").matches("aXbYbZc"));
    assertFalse(new Glob("a*b*c").matches("aXbYbZ"));
    assertTrue(new Glob("").matches(""));
    assertFalse(new Glob("").matches("x"));
  }

  @Test
  void questionMarkTakesAWholeCharacterOutsideTheBasicPlane() {
    assertTrue(new Glob("key-?").matches("key-\ud83d\ude00"));
    assertTrue(new Glob("key-*\ud83d\ude00").matches("key-\ud83d\ude00\ud83d\ude00"));
    assertFalse(new Glob("key-??").matches("key-\ud83d\ude00"));
  }

  @Test
  void manyStarsAgainstAHostileNameFinishAtOnce() {
    String name = "-".repeat(400) + "x";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertFalse(new Glob("*-*-*-*-*-*-prod").matches(name));
          assertFalse(
              new Glob("*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-prod")
                  .matches("-".repeat(100_000)));
        });
  }

  @Test
  void agreesWithTheRegexItReplaces() {
    SplittableRandom random = new SplittableRandom(20261124);
    String[] pieces = {"a", "b", "-", ".", "\\", "$", "\u00e9", "\ud83d\ude00", "\n"};
    for (int i = 0; i < 200_000; i++) {
      StringBuilder glob = new StringBuilder();
      for (int n = random.nextInt(7); n > 0; n--) {
        int pick = random.nextInt(pieces.length + 3);
        glob.append(
            pick == pieces.length
                ? "*"
                : pick == pieces.length + 1
                    ? "?"
                    : pick == pieces.length + 2 ? "**" : pieces[pick]);
      }
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(9); n > 0; n--) {
        name.append(pieces[random.nextInt(pieces.length)]);
      }
      assertEquals(
          byRegex(glob.toString(), name.toString()),
          new Glob(glob.toString()).matches(name),
          () -> "'" + glob + "' against '" + name + "'");
    }
  }
}
