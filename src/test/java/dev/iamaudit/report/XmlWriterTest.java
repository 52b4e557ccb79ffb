package dev.iamaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/** The writer's bytes are those of the JDK's XMLStreamWriter fed {@link XmlText}'s cleaned text. */
class XmlWriterTest {
  /** Markup, quotes, line breaks, a control char, a non-character, non-ASCII, a surrogate pair and its halves. */
  private static final String[] PIECES = {"a", " ", "&", "<", ">", "\"", "'", "\r", "\n", "\r\n", "\t", "\u0001",
      "\u007F", "\uFFFE", "é", "日本", "\uD83D\uDE00", "\uD83D", "\uDE00", "plain ASCII text"};

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
    xml.writeAttribute("x", XmlText.attribute(text));
    xml.writeAttribute("y", "1");
    xml.writeCharacters(XmlText.content(text));
    xml.writeEmptyElement("b");
    xml.writeAttribute("z", XmlText.attribute(text));
    xml.writeStartElement("c");
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return out.toByteArray();
  }

  private static byte[] ours(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XmlWriter(out).declaration().text("\n").start("a").attribute("x", text)
        .attribute("y", new StringBuilder("1")).text(new StringBuilder(text)).empty("b").attribute("z", text)
        .start("c").end().end().flush();
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
  void emptyElementsCloseThemselves() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XmlWriter(out).start("a").empty("b").attribute("n", "1").text("\n").empty("c").end().flush();
    assertEquals("<a><b n=\"1\"/>\n<c/></a>", out.toString(StandardCharsets.UTF_8));
  }
}
