package dev.iamaudit.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Any glob against any name answers at once, and, where the regex it replaced can answer in time
 * (few stars, short inputs), answers the same. The input is the glob, a line feed, then the name.
 * See {@code ActivityReportParserFuzzTest} for how the build runs it.
 */
class GlobFuzzTest {
  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void anyGlobAgainstAnyNameAgreesWithTheRegex(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int split = text.indexOf('\n');
    String glob = split < 0 ? text : text.substring(0, split);
    String name = split < 0 ? "" : text.substring(split + 1);
    boolean matched = new Glob(glob).matches(name);
    if (glob.chars().filter(c -> c == '*').count() <= 3 && name.length() <= 64) {
      StringBuilder regex = new StringBuilder();
      glob.codePoints()
          .forEach(
              c ->
                  regex.append(
                      c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(Character.toString(c))));
      if (matched != Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches()) {
        throw new AssertionError("'" + glob + "' against '" + name + "': " + matched);
      }
    }
  }
}
