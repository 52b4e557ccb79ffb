package dev.iamaudit.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A YAML document checked against one of the tool's JSON Schemas by networknt's validator, as
 * draft-07 with format assertions on (an impossible date is refused, as the loader refuses it).
 * Each error reads "keyword at location", e.g. "enum at /failOn" or "additionalProperties at
 * /rules: apikey-inactiv".
 */
final class SchemaCheck {
  /**
   * yes, no, on and off as text, as in YAML 1.2, which the yaml-language-server reads (and so does
   * the loader).
   */
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private final Schema schema;

  SchemaCheck(String schemaJson) {
    this.schema = REGISTRY.getSchema(schemaJson);
  }

  static SchemaCheck policy() {
    return new SchemaCheck(new Schemas(Rules.all()).policy());
  }

  static SchemaCheck allowlist() {
    return new SchemaCheck(new Schemas(Rules.all()).allowlist());
  }

  /**
   * The errors of {@code yaml}; none for an empty document (only comments), which the loaders
   * accept too.
   */
  List<String> errors(String yaml) {
    JsonNode document;
    try {
      document = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (document == null || document.isMissingNode()) {
      return List.of();
    }
    return schema.validate(document).stream().map(SchemaCheck::describe).sorted().toList();
  }

  private static String describe(Error error) {
    return error.getKeyword()
        + " at "
        + error.getInstanceLocation()
        + (error.getProperty() == null ? "" : ": " + error.getProperty());
  }
}
