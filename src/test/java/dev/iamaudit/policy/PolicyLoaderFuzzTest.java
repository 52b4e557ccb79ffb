package dev.iamaudit.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamaudit.failure.UsageException;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes read as the policy give a policy or a {@link UsageException} (exit 2), nothing else.
 * See {@code ActivityReportParserFuzzTest} for how the build runs it.
 */
class PolicyLoaderFuzzTest {
  private static final Path FILE = FuzzFiles.file("iam-audit.yml");

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void anyBytesGiveAPolicyOrAUsageError(byte[] input) {
    try {
      Files.write(FILE, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Policy policy = new PolicyLoader(Rules.specs()).load(FILE, "iam-audit.yml");
      if (policy.rules().size() != Rules.specs().size()) {
        throw new AssertionError("rules lost: " + policy.rules().keySet());
      }
    } catch (UsageException expected) {
      // the one clean refusal
    }
  }
}
