package dev.iamaudit.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes read as the allowlist give an allowlist or a {@link UsageException} (exit 2), and every
 * entry that is read names identities. See {@code ActivityReportParserFuzzTest} for how the build
 * runs it.
 */
class AllowlistLoaderFuzzTest {
  private static final Path FILE = FuzzFiles.file("iam-allowlist.yml");
  private static final List<String> RULE_IDS =
      Rules.all().stream().map(RuleDescriptor::id).toList();

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void anyBytesGiveAnAllowlistOrAUsageError(byte[] input) {
    try {
      Files.write(FILE, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Allowlist allowlist =
          new AllowlistLoader(RULE_IDS, LocalDate.of(2026, 11, 24), 365)
              .load(FILE, "iam-allowlist.yml");
      for (AllowlistEntry entry : allowlist.entries()) {
        Match match = entry.match();
        if (match.id() == null
            && match.iamId() == null
            && (match.name() == null
                || match.name().codePoints().noneMatch(Character::isLetterOrDigit))) {
          throw new AssertionError("an entry that names no identity: " + match);
        }
      }
    } catch (UsageException expected) {
      // the one clean refusal
    }
  }
}
