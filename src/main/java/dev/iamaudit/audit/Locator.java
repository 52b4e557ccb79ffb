package dev.iamaudit.audit;

import dev.iamaudit.policy.AllowlistEntry;
import dev.iamaudit.policy.FilePosition;
import dev.iamaudit.policy.Policy;

/**
 * Where in the user's repo a finding points. Code-scanning UIs drop results without a file, and IAM identities
 * have no source line of their own, so this is one replaceable piece: today the identity's allowlist entry, else
 * the rule's settings in the policy, else the policy file; later, the Terraform line that declares the identity.
 */
public interface Locator {
  /** The policy file name findings point at when the repo has none. */
  String DEFAULT_POLICY_FILE = "iam-audit.yml";

  FilePosition locate(String ruleId, AllowlistEntry entry);

  static Locator of(Policy policy) {
    FilePosition policyFile = new FilePosition(policy.file() != null ? policy.file() : DEFAULT_POLICY_FILE, 1, 1);
    return (ruleId, entry) -> {
      if (entry != null) {
        return entry.position();
      }
      var config = policy.rules().get(ruleId);
      if (config != null && config.position() != null) {
        return config.position();
      }
      return policyFile;
    };
  }
}
