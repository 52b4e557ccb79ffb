package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/** The writer's bytes are those of the JDK's XMLStreamWriter fed the text cleaned the plain way. */
class XmlWriterTest {
  /** Text XML 1.0 can carry: what no parser accepts, even escaped, becomes U+FFFD. */
  private static String content(String text) {
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pairedSurrogate =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1));
      boolean allowed =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || pairedSurrogate;
      clean.append(allowed ? c : '\uFFFD');
    }
    return clean.toString();
  }

  /** An attribute value also loses its line breaks and tabs to spaces. */
  private static String attribute(String text) {
    return content(text)
        .replace("\r\n", " ")
        .replace('\r', ' ')
        .replace('\n', ' ')
        .replace('\t', ' ');
  }

  /**
   * Markup, quotes, line breaks, a control char, a non-character, non-ASCII, a surrogate pair and
   * its halves.
   */
  private static final String[] PIECES = {
    "a",
    " ",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u0001",
    "\u007F",
    "\uFFFE",
    "é",
    "日本",
    "\uD83D\uDE00",
    "\uD83D",
    "\uDE00",
    "plain ASCII text"
  };

  private static String random(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static byte[] stax(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("a");
    xml.writeAttribute("x", attribute(text));
    xml.writeAttribute("y", "1");
    xml.writeCharacters(content(text));
    xml.writeEmptyElement("b");
    xml.writeAttribute("z", attribute(text));
    xml.writeStartElement("c");
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return out.toByteArray();
  }

  private static byte[] ours(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XmlWriter(out)
        .declaration()
        .text("\n")
        .start("a")
        .attribute("x", text)
        .attribute("y", new StringBuilder("1"))
        .text(new StringBuilder(text))
        .empty("b")
        .attribute("z", text)
        .start("c")
        .end()
        .end()
        .flush();
    return out.toByteArray();
  }

  @Test
  void writesWhatStaxWritesForCleanedText() throws Exception {
    Random random = new Random(7);
    for (int run = 0; run < 5_000; run++) {
      String text = random(random, random.nextInt(16));
      assertArrayEquals(stax(text), ours(text), text);
    }
  }

  @Test
  void textLongerThanTheBufferIsWrittenWhole() throws Exception {
    Random random = new Random(11);
    for (int run = 0; run < 20; run++) {
      String text = random(random, 20_000 + random.nextInt(20_000));
      assertArrayEquals(stax(text), ours(text));
    }
  }

  @Test
  void controlCharactersInNamesStayValidXml() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XmlWriter(out)
        .start("a")
        .attribute("x", "a\u0001b\nc")
        .text("a\u0001b\nc | \uD83D\uDE00 \uD83D")
        .end()
        .flush();
    assertEquals(
        "<a x=\"a\uFFFDb c\">a\uFFFDb\nc | \uD83D\uDE00 \uFFFD</a>",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void emptyElementsCloseThemselves() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XmlWriter(out)
        .start("a")
        .empty("b")
        .attribute("n", "1")
        .text("\n")
        .empty("c")
        .end()
        .flush();
    assertEquals("<a><b n=\"1\"/>\n<c/></a>", out.toString(StandardCharsets.UTF_8));
  }
}
