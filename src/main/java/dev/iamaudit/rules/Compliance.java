package dev.iamaudit.rules;

import java.util.Objects;

/**
 * One published control a rule's findings give evidence for: a CIS benchmark item or an IBM Cloud
 * Framework for Financial Services control, as numbered and titled in the named version of its
 * text.
 *
 * @param id the item or control as the text numbers it: {@code 1.3}, {@code IA-2(1)}
 * @param title the item's or control's title, word for word
 */
public record Compliance(Framework framework, String id, String title) {
  /** The published texts the catalog maps to, each at the version the mapping was read from. */
  public enum Framework {
    CIS_IBM_CLOUD("CIS IBM Cloud Foundations Benchmark", "1.1.0", "CIS-IBM-Cloud-1.1.0"),
    FS_CLOUD("IBM Cloud Framework for Financial Services", "2.0", "FS-Cloud");

    private final String title;
    private final String version;
    private final String tagPrefix;

    Framework(String title, String version, String tagPrefix) {
      this.title = title;
      this.version = version;
      this.tagPrefix = tagPrefix;
    }

    public String title() {
      return title;
    }

    public String version() {
      return version;
    }

    /**
     * How tags name the framework: short, and with the version where item numbers change between
     * versions.
     */
    public String tagPrefix() {
      return tagPrefix;
    }
  }

  public Compliance {
    Objects.requireNonNull(framework, "framework");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a control needs its id");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("control " + id + " needs its title");
    }
  }

  /**
   * The tag code-scanning UIs show and filter on, such as {@code CIS-IBM-Cloud-1.1.0/1.3} or {@code
   * FS-Cloud/IA-5}.
   */
  public String tag() {
    return framework.tagPrefix() + "/" + id;
  }
}
