package dev.iamaudit.terraform;

import java.util.List;
import java.util.Optional;

/** The arguments and blocks of a file or of a block, in the order written. */
record HclBody(List<Attribute> attributes, List<Block> blocks) {
  HclBody {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * {@code type "label" ... { body }}, from the line of its type to the line of its closing brace.
   */
  record Block(String type, List<String> labels, int line, int endLine, HclBody body) {
    Block {
      labels = List.copyOf(labels);
    }
  }

  /** {@code name = value}, on the line of its name. */
  record Attribute(String name, int line, HclExpr value) {}
}
