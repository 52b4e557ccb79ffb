package dev.iamaudit.report;

import dev.iamaudit.ShownValue;
import dev.iamaudit.failure.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The output formats by id; {@link OutputDirectory} writes the selected ones. */
public final class ReportFormats {
  /** The formats written when none are selected. */
  public static final List<String> DEFAULT = List.of("sarif", "junit", "json");

  private final Map<String, ReportWriter> writers = new LinkedHashMap<>();

  public ReportFormats(List<ReportWriter> all) {
    all.forEach(writer -> writers.put(writer.format(), writer));
  }

  public static ReportFormats standard() {
    return new ReportFormats(
        List.of(
            new SarifReport(),
            new JunitReport(),
            new JsonReport(),
            new CsvReport(),
            new GitlabCodeQualityReport(),
            new MarkdownReport(),
            new HtmlReport()));
  }

  public Set<String> ids() {
    return writers.keySet();
  }

  /** The file name of every format, which an earlier run may have left in the output directory. */
  public Set<String> fileNames() {
    Set<String> names = new LinkedHashSet<>();
    writers.values().forEach(writer -> names.add(writer.fileName()));
    return names;
  }

  /**
   * Resolves the formats a user selected: ids separated by commas, {@code all} for every format.
   *
   * @throws UsageException for an unknown id
   */
  public List<ReportWriter> select(List<String> ids) {
    Set<ReportWriter> selected = new LinkedHashSet<>();
    for (String raw : ids) {
      for (String id : raw.split(",")) {
        String trimmed = id.trim().toLowerCase(java.util.Locale.ROOT);
        if (trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.equals("all")) {
          selected.addAll(writers.values());
        } else if (writers.containsKey(trimmed)) {
          selected.add(writers.get(trimmed));
        } else {
          throw new UsageException(
              "Unknown report format '"
                  + ShownValue.of(trimmed)
                  + "'; use one or more of "
                  + String.join(", ", writers.keySet())
                  + ", or all");
        }
      }
    }
    if (selected.isEmpty()) {
      throw new UsageException(
          "No report format selected; use one or more of "
              + String.join(", ", writers.keySet())
              + ", or all");
    }
    return new ArrayList<>(selected);
  }
}
