package dev.iamaudit.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.iamaudit.policy.RuleSpec;
import dev.iamaudit.policy.Severity;
import dev.iamaudit.report.Golden;
import dev.iamaudit.rules.RuleDescriptor;
import dev.iamaudit.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemasTest {
  private static final Schemas SCHEMAS = new Schemas(Rules.all());

  /**
   * The repo's copies are what this catalog generates: after adding a rule or a key, run the tests
   * with {@code -Dgolden.update=true} and commit the regenerated {@code schemas/}.
   */
  @Test
  void theRepoHoldsTheSchemasOfTheCatalog() {
    Golden.assertFile(Path.of("schemas", Schemas.POLICY_FILE), SCHEMAS.policy());
    Golden.assertFile(Path.of("schemas", Schemas.ALLOWLIST_FILE), SCHEMAS.allowlist());
  }

  @Test
  void theJarCarriesTheSameSchemas() throws IOException {
    assertEquals(SCHEMAS.policy(), resource(Schemas.POLICY_FILE));
    assertEquals(SCHEMAS.allowlist(), resource(Schemas.ALLOWLIST_FILE));
  }

  @Test
  void bothAreValidDraft07Schemas() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    var metaSchema =
        registry.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
    ObjectMapper json = new ObjectMapper();
    assertEquals(List.of(), metaSchema.validate(json.readTree(SCHEMAS.policy())));
    assertEquals(List.of(), metaSchema.validate(json.readTree(SCHEMAS.allowlist())));
  }

  @Test
  void aRuleAddedToTheCatalogIsInBothSchemasWithItsDefaults() throws IOException {
    List<RuleDescriptor> catalog = new ArrayList<>(Rules.all());
    catalog.add(new ExampleRule());
    Schemas schemas = new Schemas(catalog);

    JsonNode rule =
        new ObjectMapper()
            .readTree(schemas.policy())
            .at("/properties/rules/properties/example-rule");
    assertEquals(
        "Widgets piling up. Finds more widgets than maxWidgets. Default: off, severity critical,"
            + " graceDays 7, maxWidgets 3.",
        rule.at("/description").asText());
    assertEquals(
        List.of("enabled", "severity", "graceDays", "maxWidgets"),
        fieldNames(rule.at("/properties")));
    assertEquals(false, rule.at("/properties/enabled/default").asBoolean(true));
    assertEquals("critical", rule.at("/properties/severity/default").asText());
    assertEquals(3, rule.at("/properties/maxWidgets/default").asInt());
    assertEquals(
        "maxWidgets of example-rule (Widgets piling up): a whole number, at least 0. Default: 3.",
        rule.at("/properties/maxWidgets/description").asText());
    JsonNode ids =
        new ObjectMapper().readTree(schemas.allowlist()).at("/items/properties/rules/items/enum");
    assertEquals("example-rule", ids.get(ids.size() - 1).asText());

    SchemaCheck policy = new SchemaCheck(schemas.policy());
    assertEquals(
        List.of(), policy.errors("rules:\n  example-rule: { enabled: true, maxWidgets: 5 }\n"));
    assertEquals(
        List.of("additionalProperties at /rules/example-rule: maxWidget"),
        policy.errors("rules:\n  example-rule: { maxWidget: 5 }\n"));
  }

  @Test
  void everyRuleOfTheCatalogHasItsSettings() throws IOException {
    JsonNode rules =
        new ObjectMapper().readTree(SCHEMAS.policy()).at("/properties/rules/properties");
    assertEquals(Rules.all().stream().map(RuleDescriptor::id).toList(), fieldNames(rules));
    JsonNode inactive = rules.at("/apikey-inactive");
    assertEquals(
        "API key not used recently. An API key that has not authenticated for more than maxDays"
            + " days is a standing credential nobody watches. Judged from the activity report's"
            + " last_authn; keys that never authenticated are reported by apikey-never-used"
            + " instead. Keys that cannot authenticate (disabled, or past their expires_at) are"
            + " left alone. Default: on, severity high, maxDays 90.",
        inactive.at("/description").asText());
    assertEquals(90, inactive.at("/properties/maxDays/default").asInt());
    assertEquals(0, inactive.at("/properties/maxDays/minimum").asInt());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        SchemasTest.class.getResourceAsStream(Schemas.RESOURCE_DIRECTORY + name)) {
      assertNotNull(in, Schemas.RESOURCE_DIRECTORY + name + " is not on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A rule no version has: the schemas take it from the catalog like any other. */
  private static final class ExampleRule implements RuleDescriptor {
    @Override
    public RuleSpec spec() {
      return new RuleSpec(
          "example-rule", Severity.CRITICAL, false, Map.of("maxWidgets", 3L, "graceDays", 7L));
    }

    @Override
    public String title() {
      return "Widgets piling up";
    }

    @Override
    public String description() {
      return "Finds more widgets than maxWidgets.";
    }

    @Override
    public String remedy() {
      return "Remove widgets.";
    }
  }
}
