package dev.iamaudit.terraform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource block that declares an identity or the account settings: one record per resource
 * instance the state names, or per block when there is no state for it.
 *
 * @param address the Terraform address: {@code module.team.ibm_iam_service_id.ci["deploy"]} with
 *     the state, {@code module.team.ibm_iam_service_id.ci} without
 * @param file relative to the repository root, with forward slashes
 * @param startLine the line of {@code resource}
 * @param endLine the line of the block's closing brace
 * @param attributes the block's arguments in the order written; a secret ({@code apikey}) is never
 *     read
 * @param blocks the nested blocks, such as the settings' {@code user_mfa}
 * @param id the IBM id the state gives for this instance; null without one
 */
public record Declaration(
    DeclarationKind kind,
    String address,
    String file,
    int startLine,
    int endLine,
    Map<String, Attribute> attributes,
    List<NestedBlock> blocks,
    String id) {
  public Declaration {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(file, "file");
    if (startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException("lines " + startLine + "-" + endLine);
    }
    attributes = orderedCopy(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The literal {@code name}, when the files give one. */
  public Optional<String> name() {
    return attribute("name").map(a -> a.value() instanceof HclValue.Text text ? text.text() : null);
  }

  public Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The nested blocks of one type, such as {@code user_mfa}. */
  public List<NestedBlock> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).toList();
  }

  /** Where a finding on this declaration points: the resource block's first line. */
  public SourceLine location() {
    return new SourceLine(file, startLine);
  }

  /**
   * Where a finding about one argument points: the argument's line, or the block's first line when
   * the argument is not written (a setting the declaration leaves to its default).
   */
  public SourceLine locationOf(String argument) {
    return new SourceLine(file, attribute(argument).map(Attribute::line).orElse(startLine));
  }

  static Map<String, Attribute> orderedCopy(Map<String, Attribute> attributes) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
