package dev.iamaudit.terraform;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A block inside a declaration, such as {@code user_mfa { iam_id = "..." mfa = "NONE" }}. A {@code
 * dynamic "user_mfa"} block is kept as it is written: type {@code dynamic}, label {@code user_mfa},
 * since its content is only known when Terraform runs.
 */
public record NestedBlock(
    String type,
    List<String> labels,
    int startLine,
    int endLine,
    Map<String, Attribute> attributes,
    List<NestedBlock> blocks) {
  public NestedBlock {
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    attributes = Declaration.orderedCopy(attributes);
    blocks = List.copyOf(blocks);
  }

  public Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
