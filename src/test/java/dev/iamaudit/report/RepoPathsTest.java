package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RepoPathsTest {
  @Test
  void keepsPathsRelativeWithForwardSlashes() {
    assertEquals("conf/iam-allowlist.yml", RepoPaths.relative(".\\conf\\iam-allowlist.yml"));
    assertEquals("iam-audit.yml", RepoPaths.relative("./iam-audit.yml"));
  }

  @Test
  void cutsAbsolutePathsToTheFileName() {
    assertEquals("iam-allowlist.yml", RepoPaths.relative("/home/ci/repo/iam-allowlist.yml"));
    assertEquals("iam-allowlist.yml", RepoPaths.relative("C:\\repo\\iam-allowlist.yml"));
    assertEquals("iam-audit.yml", RepoPaths.relative("https://example.com/iam-audit.yml"));
  }

  @Test
  void percentEncodesUriCharacters() {
    assertEquals("my%20dir/allow%23list%C3%BC.yml", RepoPaths.uri("my dir/allow#listü.yml"));
  }
}
