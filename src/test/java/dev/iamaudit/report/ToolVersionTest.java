package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToolVersionTest {
  @Test
  void readsTheFilteredProjectVersion() {
    assertTrue(
        ToolVersion.get().matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"), ToolVersion.get());
  }
}
