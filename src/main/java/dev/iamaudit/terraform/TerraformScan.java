package dev.iamaudit.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Terraform files under a directory, parsed and grouped by directory (a Terraform module is a
 * directory). Skipped as Terraform skips them: hidden directories (so {@code .terraform/}, where
 * {@code terraform init} copies modules) and files whose name starts with a dot; skipped too, the
 * directories the caller names (the reports' output, a build's {@code target/}: copies there would
 * declare every identity twice). A file that cannot be read or parsed becomes a note, and the other
 * files are still read.
 */
final class TerraformScan {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  /** One parsed file: {@code main.tf}, or a tfvars file whose body holds arguments only. */
  record ParsedFile(String path, HclBody body, boolean override) {}

  /**
   * @param tfvars the files Terraform loads by itself for a root module, in its order: {@code
   *     terraform.tfvars}, {@code terraform.tfvars.json}, then {@code *.auto.tfvars} and {@code
   *     *.auto.tfvars.json} by name
   * @param tfvarsBroken whether one of them could not be read, so no variable of this directory can
   *     be trusted
   */
  record ModuleDir(
      Path dir,
      String path,
      List<ParsedFile> files,
      List<ParsedFile> tfvars,
      boolean tfvarsBroken) {}

  private final Path baseDir;
  private final Map<Path, List<ParsedFile>> files = new TreeMap<>();
  private final Map<Path, List<ParsedFile>> tfvars = new TreeMap<>();
  private final Map<Path, Boolean> tfvarsBroken = new TreeMap<>();
  private final List<Note> notes = new ArrayList<>();
  private int filesRead;

  private TerraformScan(Path baseDir) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  /**
   * @param dir the directory to scan
   * @param baseDir paths are shown relative to it
   * @param skip directories below dir not to enter
   * @throws UsageException when dir is not a directory
   */
  static TerraformScan scan(Path dir, Path baseDir, Collection<Path> skip) {
    TerraformScan scan = new TerraformScan(baseDir);
    Path root = dir.toAbsolutePath().normalize();
    Set<Path> skipped = new HashSet<>();
    skip.forEach(path -> skipped.add(path.toAbsolutePath().normalize()));
    if (!Files.isDirectory(root)) {
      String shown = scan.path(root);
      throw new UsageException(
          shown
              + (Files.exists(root)
                  ? ": is a file; name the directory that holds the .tf files"
                  : ": directory not found; name the directory that holds the .tf files, or none to"
                      + " turn Terraform off"));
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
              return d.equals(root) || !(hidden(d) || skipped.contains(d))
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && !hidden(file)) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              scan.notes.add(
                  Note.about(
                          scan.path(file),
                          "cannot be read ("
                              + e.getClass().getSimpleName()
                              + "); declarations in it are not seen")
                      .hiding(Note.Gap.WITHOUT_STATE));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UsageException(scan.path(root) + ": cannot be scanned: " + e.getMessage());
    }
    found.sort(Comparator.comparing(scan::path));
    found.forEach(scan::read);
    return scan;
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private void read(Path file) {
    String name = file.getFileName().toString();
    Path dir = file.getParent();
    if (name.endsWith(".tf")) {
      // A directory whose every file is broken is still a module: calls to it resolve, and its
      // notes explain.
      List<ParsedFile> parsed = files.computeIfAbsent(dir, d -> new ArrayList<>());
      int before = notes.size();
      HclBody body = parse(file);
      for (int i = before; i < notes.size(); i++) {
        notes.set(i, notes.get(i).hiding(Note.Gap.WITHOUT_STATE));
      }
      if (body != null) {
        boolean override = name.equals("override.tf") || name.endsWith("_override.tf");
        parsed.add(new ParsedFile(path(file), body, override));
      }
    } else if (name.endsWith(".tf.json")) {
      notes.add(
          Note.about(
                  path(file),
                  "Terraform's JSON syntax is not read; declarations in this file are not"
                      + " seen, so write them in .tf files for findings to point at them")
              .hiding(Note.Gap.WITHOUT_STATE));
    } else if (name.equals("terraform.tfvars") || name.endsWith(".auto.tfvars")) {
      addTfvars(dir, parse(file), file);
    } else if (name.equals("terraform.tfvars.json") || name.endsWith(".auto.tfvars.json")) {
      addTfvars(dir, parseJsonVars(file), file);
    }
  }

  private void addTfvars(Path dir, HclBody body, Path file) {
    if (body == null) {
      tfvarsBroken.put(dir, true);
      return;
    }
    tfvars
        .computeIfAbsent(dir, d -> new ArrayList<>())
        .add(new ParsedFile(path(file), body, false));
  }

  private HclBody parse(Path file) {
    String text = text(file);
    if (text == null) {
      return null;
    }
    try {
      HclBody body = HclParser.parse(text);
      filesRead++;
      return body;
    } catch (HclSyntaxException e) {
      notes.add(
          new Note(
              path(file),
              e.line(),
              e.column(),
              "not valid HCL: "
                  + e.getMessage()
                  + "; the declarations in this file are not read until it is fixed"));
      return null;
    }
  }

  private String text(Path file) {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      notes.add(
          Note.about(path(file), "is not UTF-8 text; the declarations in this file are not read"));
    } catch (IOException e) {
      notes.add(
          Note.about(
              path(file),
              "cannot be read ("
                  + e.getClass().getSimpleName()
                  + "); the declarations in this file are not read"));
    }
    return null;
  }

  /** A {@code .tfvars.json} file's top-level values, as arguments on the lines of their names. */
  private HclBody parseJsonVars(Path file) {
    String text = text(file);
    if (text == null) {
      return null;
    }
    List<HclBody.Attribute> attributes = new ArrayList<>();
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        notes.add(
            new Note(
                path(file),
                1,
                1,
                "is not a JSON object of variable values; its values are not read"));
        return null;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        int line = json.currentTokenLocation().getLineNr();
        JsonToken value = json.nextToken();
        HclExpr expr =
            switch (value) {
              case VALUE_STRING -> new HclExpr.Literal(new HclValue.Text(json.getText()));
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                  new HclExpr.Literal(new HclValue.Number(json.getDecimalValue()));
              case VALUE_TRUE, VALUE_FALSE ->
                  new HclExpr.Literal(new HclValue.Bool(value == JsonToken.VALUE_TRUE));
              case VALUE_NULL -> new HclExpr.Literal(new HclValue.Null());
              default -> {
                json.skipChildren();
                yield new HclExpr.Opaque("a list or an object");
              }
            };
        attributes.add(new HclBody.Attribute(name, line, expr));
      }
      filesRead++;
      return new HclBody(attributes, List.of());
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the text it choked on, which may be a secret value: only its
      // place is shown.
      notes.add(
          new Note(
              path(file),
              Math.max(1, e.getLocation().getLineNr()),
              Math.max(1, e.getLocation().getColumnNr()),
              "not valid JSON; its variable values are not read"));
      return null;
    } catch (IOException e) {
      notes.add(Note.about(path(file), "cannot be read (" + e.getClass().getSimpleName() + ")"));
      return null;
    }
  }

  /** The path as reports show it: relative to the base directory, with forward slashes. */
  String path(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String relative = baseDir.relativize(absolute).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }

  /** The directories that hold .tf files, by path. */
  List<ModuleDir> modules() {
    List<ModuleDir> modules = new ArrayList<>();
    files.forEach(
        (dir, parsed) ->
            modules.add(
                new ModuleDir(
                    dir,
                    path(dir),
                    parsed,
                    tfvarsInTerraformOrder(tfvars.getOrDefault(dir, List.of())),
                    tfvarsBroken.getOrDefault(dir, false))));
    return modules;
  }

  private static List<ParsedFile> tfvarsInTerraformOrder(List<ParsedFile> files) {
    return files.stream()
        .sorted(
            Comparator.comparingInt((ParsedFile f) -> tfvarsRank(f.path()))
                .thenComparing(ParsedFile::path))
        .toList();
  }

  private static int tfvarsRank(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return switch (name) {
      case "terraform.tfvars" -> 0;
      case "terraform.tfvars.json" -> 1;
      default -> 2;
    };
  }

  List<Note> notes() {
    return notes;
  }

  /** How many files were read and parsed: .tf and tfvars. */
  int filesRead() {
    return filesRead;
  }
}
