package dev.iamaudit.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {
  private static HclBody.Block only(String hcl) {
    List<HclBody.Block> blocks = HclParser.parse(hcl).blocks();
    assertEquals(1, blocks.size(), "blocks: " + blocks);
    return blocks.get(0);
  }

  private static HclExpr valueOf(String expression) {
    return HclParser.parse("x = " + expression + "\n").attribute("x").orElseThrow().value();
  }

  private static String error(String hcl) {
    HclSyntaxException e = assertThrows(HclSyntaxException.class, () -> HclParser.parse(hcl));
    return e.line() + ":" + e.column() + ": " + e.getMessage();
  }

  private static HclExpr.Literal text(String text) {
    return new HclExpr.Literal(new HclValue.Text(text));
  }

  @Test
  void readsAResourceBlockWithItsLinesAndArgumentLines() {
    HclBody.Block block =
        only(
            """

            resource "ibm_iam_service_id" "ci" {
              name        = "ci-deployer"
              description = "Deploys"
            }
            """);
    assertEquals("resource", block.type());
    assertEquals(List.of("ibm_iam_service_id", "ci"), block.labels());
    assertEquals(2, block.line());
    assertEquals(5, block.endLine());
    assertEquals(
        List.of(
            new HclBody.Attribute("name", 3, text("ci-deployer")),
            new HclBody.Attribute("description", 4, text("Deploys"))),
        block.body().attributes());
  }

  @Test
  void skipsTheThreeKindsOfComment() {
    HclBody.Block block =
        only(
            """
            # a hash comment with a { brace
            // a slash comment with "a quote
            /* a block comment
               over lines } */ resource "a" "b" { # after the brace
              name = "x" // after the value
              /* inline */ tags = ["y"] /* trailing */
            }
            """);
    assertEquals(4, block.line());
    assertEquals(7, block.endLine());
    assertEquals(new HclBody.Attribute("name", 5, text("x")), block.body().attributes().get(0));
    assertEquals(6, block.body().attributes().get(1).line());
  }

  @Test
  void commentMarkersInsideAStringAreText() {
    assertEquals(text("a # b // c /* d */"), valueOf("\"a # b // c /* d */\""));
  }

  @Test
  void decodesEscapes() {
    assertEquals(
        text("say \"hi\"\\\n\t\r é \uD83D\uDE00"),
        valueOf("\"say \\\"hi\\\"\\\\\\n\\t\\r \\u00e9 \\U0001F600\""));
  }

  @Test
  void doubledTemplateSigilsAreLiteral() {
    assertEquals(text("${literal} and %{also}"), valueOf("\"$${literal} and %%{also}\""));
  }

  @Test
  void anInterpolationMakesATemplateWhateverItHolds() {
    HclBody body =
        HclParser.parse(
            """
            a = "team-${each.key}"
            b = "${join(",", [for s in var.x : "${s}}"])}-suffix"
            c = "%{ if var.on }yes%{ else }no%{ endif }"
            d = "after"
            """);
    HclExpr interpolated = new HclExpr.Opaque("an interpolated string");
    assertEquals(
        List.of(
            new HclBody.Attribute("a", 1, interpolated),
            new HclBody.Attribute("b", 2, interpolated),
            new HclBody.Attribute("c", 3, interpolated),
            new HclBody.Attribute("d", 4, text("after"))),
        body.attributes());
  }

  @Test
  void heredocsAreOpaqueAndEndAtTheirMarker() {
    HclBody body =
        HclParser.parse(
            """
            a = <<EOT
            not a } brace, not a "quote, ${not.closed
            EOT
            b = <<-INDENTED
                indented } text
              INDENTED
            c = jsonencode(<<END-OF-POLICY
            { "a": "}" }
            END-OF-POLICY
            )
            d = "after"
            """);
    assertEquals(
        List.of(
            new HclBody.Attribute("a", 1, new HclExpr.Opaque("a heredoc")),
            new HclBody.Attribute("b", 4, new HclExpr.Opaque("a heredoc")),
            new HclBody.Attribute("c", 7, new HclExpr.Opaque("a call of jsonencode()")),
            new HclBody.Attribute("d", 11, text("after"))),
        body.attributes());
  }

  @Test
  void readsLiterals() {
    assertEquals(new HclExpr.Literal(new HclValue.Number(new BigDecimal("3600"))), valueOf("3600"));
    assertEquals(
        new HclExpr.Literal(new HclValue.Number(new BigDecimal("-1.5e3"))), valueOf("-1.5e3"));
    assertEquals(new HclExpr.Literal(new HclValue.Bool(true)), valueOf("true"));
    assertEquals(new HclExpr.Literal(new HclValue.Bool(false)), valueOf("false"));
    assertEquals(new HclExpr.Literal(new HclValue.Null()), valueOf("null"));
    assertEquals(
        new HclExpr.Literal(
            new HclValue.ListOf(
                List.of(
                    new HclValue.Text("a"),
                    new HclValue.Number(BigDecimal.ONE),
                    new HclValue.Bool(true)))),
        valueOf("[\"a\", 1, true,]"));
    assertEquals(new HclExpr.Literal(new HclValue.ListOf(List.of())), valueOf("[]"));
  }

  @Test
  void keepsAVariableReferenceToFollowIt() {
    assertEquals(new HclExpr.Variable("name"), valueOf("var.name"));
  }

  @Test
  void namesWhatItDoesNotEvaluate() {
    assertEquals(new HclExpr.Opaque("a call of toset()"), valueOf("toset([\"a\", \"b\"])"));
    assertEquals(
        new HclExpr.Opaque("the reference ibm_iam_service_id.ci.iam_id"),
        valueOf("ibm_iam_service_id.ci.iam_id"));
    assertEquals(new HclExpr.Opaque("the reference local.names.0"), valueOf("local.names.0"));
    assertEquals(new HclExpr.Opaque("the reference each"), valueOf("each"));
    assertEquals(
        new HclExpr.Opaque("a for expression"), valueOf("[for n in var.names : upper(n)]"));
    assertEquals(new HclExpr.Opaque("a list of expressions"), valueOf("[var.a, \"b\"]"));
    assertEquals(new HclExpr.Opaque("an object"), valueOf("{ a = 1 }"));
    assertEquals(
        new HclExpr.Opaque("an expression"), valueOf("var.env == \"prod\" ? \"a\" : \"b\""));
    assertEquals(new HclExpr.Opaque("an expression"), valueOf("var.a.b[0]"));
  }

  @Test
  void anExpressionSpansLinesInsideBrackets() {
    HclBody body =
        HclParser.parse(
            """
            tags = [
              "a",
              "b", # a comment inside
            ]
            object = {
              key = "value"
              other = [1, 2]
            }
            call = merge(
              local.a,
              { b = 2 },
            )
            next = "x"
            """);
    assertEquals(
        List.of("tags", "object", "call", "next"),
        body.attributes().stream().map(HclBody.Attribute::name).toList());
    assertEquals(
        new HclExpr.Literal(
            new HclValue.ListOf(List.of(new HclValue.Text("a"), new HclValue.Text("b")))),
        body.attributes().get(0).value());
    assertEquals(13, body.attributes().get(3).line());
  }

  @Test
  void aNewLineOutsideBracketsEndsTheExpressionAsInTerraform() {
    assertEquals(
        "2:3: expected an argument or a block, found a string",
        error(
            """
            a = var.x ?
              "yes" : "no"
            """));
    HclBody body =
        HclParser.parse(
            """
            ids = ibm_iam_service_id.all.*
            name = "x"
            """);
    assertEquals(
        List.of("ids", "name"), body.attributes().stream().map(HclBody.Attribute::name).toList());
  }

  @Test
  void readsNestedOneLineAndDynamicBlocks() {
    HclBody.Block block =
        only(
            """
            resource "ibm_iam_account_settings" "s" {
              lifecycle { ignore_changes = [entity_tag] }
              user_mfa {
                iam_id = "IBMid-1"
              }
              dynamic "user_mfa" {
                for_each = var.exempt
                content {
                  iam_id = user_mfa.value
                }
              }
            }
            """);
    List<HclBody.Block> nested = block.body().blocks();
    assertEquals(
        List.of("lifecycle", "user_mfa", "dynamic"),
        nested.stream().map(HclBody.Block::type).toList());
    assertEquals(2, nested.get(0).line());
    assertEquals(2, nested.get(0).endLine());
    assertEquals(
        List.of(
            new HclBody.Attribute(
                "ignore_changes", 2, new HclExpr.Opaque("a list of expressions"))),
        nested.get(0).body().attributes());
    assertEquals(
        new HclBody.Block(
            "user_mfa",
            List.of(),
            3,
            5,
            new HclBody(List.of(new HclBody.Attribute("iam_id", 4, text("IBMid-1"))), List.of())),
        nested.get(1));
    assertEquals(List.of("user_mfa"), nested.get(2).labels());
    assertEquals(6, nested.get(2).line());
    assertEquals(11, nested.get(2).endLine());
    assertEquals(8, nested.get(2).body().blocks().get(0).line());
  }

  @Test
  void acceptsBareWordLabelsCrlfAndAByteOrderMark() {
    HclBody.Block block = only("\uFEFFmodule x {\r\n  source = \"./x\"\r\n}\r\n");
    assertEquals(List.of("x"), block.labels());
    assertEquals(1, block.line());
    assertEquals(3, block.endLine());
    assertEquals(
        List.of(new HclBody.Attribute("source", 2, text("./x"))), block.body().attributes());
  }

  @Test
  void aBlockThatIsNotClosedIsAnErrorAtItsBrace() {
    assertEquals(
        "1:36: the block opened here is not closed; add its closing }",
        error("resource \"ibm_iam_service_id\" \"ci\" {\n  name = \"x\"\n"));
  }

  @Test
  void aStringThatIsNotClosedIsAnErrorAtItsQuote() {
    assertEquals(
        "2:10: the string is not closed on its line; add the closing \"",
        error("a = 1\nname   = \"ci-deployer\nb = 2\n"));
  }

  @Test
  void otherSyntaxErrorsArePlaced() {
    assertEquals(
        "1:1: this } closes no block; remove it or add the block it should close", error("}\n"));
    assertEquals("2:3: the argument 'name' has no value after '='", error("x {\n  name =\n}\n"));
    assertEquals(
        "1:8: expected '=' or '{' after 'name', found the end of the line", error("name ci\n"));
    assertEquals(
        "1:12: found ')' where the '[' of line 1 should be closed", error("tags = [\"a\")\n"));
    assertEquals("1:8: this '[' is not closed", error("tags = [\"a\",\n\"b\"\n"));
    assertEquals("1:11: unexpected character ';'", error("name = \"x\";\n"));
    assertEquals("1:9: unknown escape \\q; write \\\\ for a backslash", error("name = \"\\q\"\n"));
    assertEquals(
        "1:5: the heredoc <<EOT is not closed; add a line with EOT alone",
        error("a = <<EOT\ntext\n"));
    assertEquals("2:1: the /* comment is not closed; add */", error("a = 1\n/* open\n"));
    assertEquals(
        "2:1: the argument 'a' is set twice (first at line 1); keep only one",
        error("a = 1\na = 2\n"));
    assertEquals("1:8: the ${ is not closed; add its closing }", error("a = \"x-${var.y"));
    assertEquals(
        "1:10: a block label must be a plain string, without ${...}",
        error("resource \"${x}\" {\n}\n"));
    assertEquals("1:1: expected an argument or a block, found '['", error("[1]\n"));
  }
}
