package dev.iamaudit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamaudit.OptionNames;
import dev.iamaudit.OptionNames.Setting;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PropertyNamesTest {
  private static final OptionNames NAMES = PropertyNames.INSTANCE;

  /**
   * The user properties of iam:audit, as the plugin descriptor Maven reads declares them:
   * "iam.report".
   */
  private static Set<String> auditProperties() throws Exception {
    Document descriptor;
    try (InputStream in =
        PropertyNamesTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    Set<String> properties = new HashSet<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (!mojo.getElementsByTagName("goal").item(0).getTextContent().equals("audit")) {
        continue;
      }
      NodeList values =
          ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
      for (int j = 0; j < values.getLength(); j++) {
        String text = values.item(j).getTextContent().trim();
        if (text.startsWith("${") && text.endsWith("}")) {
          properties.add(text.substring(2, text.length() - 1));
        }
      }
    }
    return properties;
  }

  @Test
  void everySettingIsAUserPropertyOfTheAuditGoal() throws Exception {
    Set<String> properties = auditProperties();
    assertTrue(properties.contains("iam.reportTimeout"), properties::toString);
    for (Setting setting : Setting.values()) {
      assertTrue(properties.contains(NAMES.name(setting)), setting + " is " + NAMES.name(setting));
    }
  }

  @Test
  void aValueIsSetAsOnMavensCommandLine() {
    assertEquals("iam.report", NAMES.name(Setting.REPORT));
    assertEquals("-Diam.report=new", NAMES.set(Setting.REPORT, "new"));
    assertEquals("-Diam.terraform=none", NAMES.set(Setting.TERRAFORM, "none"));
    assertEquals("-Diam.demo", NAMES.on(Setting.DEMO));
    assertEquals("iam.reportTimeout", NAMES.name(Setting.REPORT_TIMEOUT));
  }
}
