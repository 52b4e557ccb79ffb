package dev.iamaudit.terraform;

/**
 * A .tf file that is not valid HCL, at the place the reader stopped. The message is the problem
 * alone.
 */
final class HclSyntaxException extends RuntimeException {
  private final int line;
  private final int column;

  HclSyntaxException(int line, int column, String problem) {
    super(problem, null, false, false);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
