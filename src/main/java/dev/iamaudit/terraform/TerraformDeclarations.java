package dev.iamaudit.terraform;

import dev.iamaudit.Counted;
import dev.iamaudit.failure.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the repository's Terraform declares about IAM identities and the account settings, and
 * where.
 *
 * <p>An identity is matched to its declaration by id when the Terraform state gives the
 * declaration's address an id, else by the declaration's literal {@code name}. Nothing is guessed:
 * a name that is not a literal, a module whose source is not local, a file that is not valid HCL
 * are {@link #notes() notes} for the reports.
 */
public final class TerraformDeclarations {
  private static final Comparator<Declaration> ORDER =
      Comparator.comparing(Declaration::file)
          .thenComparingInt(Declaration::startLine)
          .thenComparing(Declaration::address);

  private final String dir;
  private final String stateName;
  private final List<Declaration> declarations;
  private final List<String> notes;
  private final List<String> gaps;
  private final int filesRead;
  // By kind, then id or name: a lookup for each finding of a large account allocates nothing.
  private final Map<DeclarationKind, Map<String, List<Declaration>>> byId =
      new EnumMap<>(DeclarationKind.class);
  private final Map<DeclarationKind, Map<String, List<Declaration>>> byName =
      new EnumMap<>(DeclarationKind.class);
  private final Map<DeclarationKind, Set<String>> stateIds;

  private TerraformDeclarations(
      String dir,
      String stateName,
      List<Declaration> declarations,
      List<Note> notes,
      int filesRead,
      Map<DeclarationKind, Set<String>> stateIds) {
    this.dir = dir;
    this.stateName = stateName;
    this.declarations = declarations.stream().sorted(ORDER).toList();
    List<Note> sorted = notes.stream().sorted().distinct().toList();
    this.notes = sorted.stream().map(Note::toString).toList();
    this.gaps =
        sorted.stream().filter(note -> note.hides(stateName != null)).map(Note::toString).toList();
    this.filesRead = filesRead;
    this.stateIds = stateIds.isEmpty() ? Map.of() : new EnumMap<>(stateIds);
    for (Declaration declaration : this.declarations) {
      if (declaration.id() != null) {
        index(byId, declaration.kind(), declaration.id(), declaration);
      } else {
        declaration.name().ifPresent(name -> index(byName, declaration.kind(), name, declaration));
      }
    }
  }

  /** Terraform turned off: declares nothing, notes nothing. */
  public static TerraformDeclarations none() {
    return new TerraformDeclarations(null, null, List.of(), List.of(), 0, Map.of());
  }

  /**
   * Scans {@code dir} recursively for {@code *.tf} and maps its declarations, through the state
   * when one is given.
   *
   * @param dir the directory to scan
   * @param baseDir the repository root: every file is named relative to it, with forward slashes
   * @param skip directories below {@code dir} not to scan, such as the reports' output directory
   * @param stateFile {@code terraform.tfstate} or the output of {@code terraform show -json}; null
   *     for none
   * @param stateName how messages name the state file (the path as the user gave it); ignored
   *     without one
   * @throws UsageException when dir is not a directory, or the state file is missing, malformed or
   *     unsupported
   */
  public static TerraformDeclarations load(
      Path dir, Path baseDir, Collection<Path> skip, Path stateFile, String stateName) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(baseDir, "baseDir");
    TerraformState state = stateFile == null ? null : TerraformState.read(stateFile, stateName);
    TerraformScan scan = TerraformScan.scan(dir, baseDir, skip);
    ModuleTree tree = ModuleTree.walk(scan.modules());
    List<Note> notes = new ArrayList<>(scan.notes());
    notes.addAll(tree.notes());
    Matcher matcher = new Matcher(tree.templates(), state, notes);
    return new TerraformDeclarations(
        scan.path(dir),
        state == null ? null : state.file(),
        matcher.declarations(),
        notes,
        scan.filesRead(),
        matcher.stateIds());
  }

  /** Whether Terraform was read at all: false when it is turned off. */
  public boolean enabled() {
    return dir != null;
  }

  /**
   * Whether a state was given: identities are then matched by id, and the state tells what
   * Terraform manages.
   */
  public boolean hasState() {
    return stateName != null;
  }

  /** How messages name the state file; null without one. */
  public String stateName() {
    return stateName;
  }

  /**
   * The scanned directory as messages name it, relative to the repository root; null when Terraform
   * is off.
   */
  public String dir() {
    return dir;
  }

  /**
   * The notes that mean a declaration may be missing or match nothing, so that no identity can be
   * called unmanaged: without a state, a file that could not be read, a module that is not read, a
   * name that is not a literal; with a state, which lists every resource Terraform manages, only a
   * state that holds none.
   */
  public List<String> gaps() {
    return gaps;
  }

  /**
   * What was read, for the run's log: "Read 3 Terraform files under terraform: 5 declarations of
   * IAM identities, account settings at terraform/main.tf:40; the state state.json gives 4 of them
   * their ids".
   */
  public String summary() {
    if (!enabled()) {
      return "No Terraform read: turned off";
    }
    List<Declaration> settings =
        declarations.stream().filter(d -> d.kind() == DeclarationKind.ACCOUNT_SETTINGS).toList();
    long identities = declarations.size() - settings.size();
    StringBuilder summary = new StringBuilder();
    if (filesRead == 0) {
      summary.append("No Terraform files under ").append(dir);
    } else {
      summary
          .append("Read ")
          .append(Counted.of(filesRead, "Terraform file"))
          .append(" under ")
          .append(dir)
          .append(": ")
          .append(
              Counted.of(
                  identities, "declaration of an IAM identity", "declarations of IAM identities"))
          .append(", ")
          .append(
              settings.isEmpty()
                  ? "no account settings"
                  : "account settings at "
                      + settings.stream()
                          .map(d -> d.location().toString())
                          .distinct()
                          .collect(Collectors.joining(", ")));
    }
    if (hasState()) {
      summary.append("; the state ").append(stateName);
      if (filesRead == 0) {
        int named = stateIds.values().stream().mapToInt(Set::size).sum();
        summary.append(" names ").append(Counted.of(named, "resource"));
      } else {
        long mapped =
            declarations.stream()
                .filter(d -> d.id() != null && d.kind() != DeclarationKind.ACCOUNT_SETTINGS)
                .count();
        summary
            .append(" gives ")
            .append(mapped)
            .append(mapped == 1 ? " of them its id" : " of them their ids");
      }
    }
    return summary.toString();
  }

  /** Every declaration, by file and line. */
  public List<Declaration> declarations() {
    return declarations;
  }

  /** One line each, {@code file:line: what and what to do}, by file and line; never a secret. */
  public List<String> notes() {
    return notes;
  }

  /** How many .tf and tfvars files were read. */
  public int filesRead() {
    return filesRead;
  }

  /**
   * The declaration of an identity: the one the state gives this id, else the only one of this kind
   * whose literal name is {@code name} and that the state maps to no id. Empty when there is none,
   * when the state names the id at an address no .tf file declares, or when several declarations
   * share the name.
   *
   * @param name the identity's name; null to match by id only
   */
  public Optional<Declaration> declarationOf(DeclarationKind kind, String id, String name) {
    List<Declaration> withId = lookup(byId, kind, id);
    if (!withId.isEmpty()) {
      return withId.size() == 1 ? Optional.of(withId.get(0)) : Optional.empty();
    }
    if (inState(kind, id)) {
      return Optional.empty();
    }
    List<Declaration> named = lookup(byName, kind, name);
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  /**
   * Whether Terraform manages the identity: the state names its id, or a declaration of this kind
   * without an id has its literal name. For {@code identity-unmanaged}; read {@link #notes()} too,
   * since a declaration whose name cannot be resolved matches nothing.
   */
  public boolean isDeclared(DeclarationKind kind, String id, String name) {
    return inState(kind, id) || !lookup(byName, kind, name).isEmpty();
  }

  /**
   * Whether any {@code ibm_iam_account_settings} is declared: {@code account-settings-drift} is
   * then on.
   */
  public boolean declaresAccountSettings() {
    return declarations.stream().anyMatch(d -> d.kind() == DeclarationKind.ACCOUNT_SETTINGS);
  }

  /**
   * The {@code ibm_iam_account_settings} of an account: the one the state gives this account id,
   * else the only one the state maps to no id. Empty when there is none or several.
   */
  public Optional<Declaration> accountSettings(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    List<Declaration> withId = lookup(byId, DeclarationKind.ACCOUNT_SETTINGS, accountId);
    if (!withId.isEmpty()) {
      return withId.size() == 1 ? Optional.of(withId.get(0)) : Optional.empty();
    }
    List<Declaration> unmapped =
        declarations.stream()
            .filter(d -> d.kind() == DeclarationKind.ACCOUNT_SETTINGS && d.id() == null)
            .toList();
    return unmapped.size() == 1 ? Optional.of(unmapped.get(0)) : Optional.empty();
  }

  private static void index(
      Map<DeclarationKind, Map<String, List<Declaration>>> index,
      DeclarationKind kind,
      String key,
      Declaration declaration) {
    index
        .computeIfAbsent(kind, k -> new HashMap<>())
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(declaration);
  }

  private static List<Declaration> lookup(
      Map<DeclarationKind, Map<String, List<Declaration>>> index,
      DeclarationKind kind,
      String key) {
    Map<String, List<Declaration>> ofKind = key == null ? null : index.get(kind);
    return ofKind == null ? List.of() : ofKind.getOrDefault(key, List.of());
  }

  private boolean inState(DeclarationKind kind, String id) {
    Set<String> ids = id == null ? null : stateIds.get(kind);
    return ids != null && ids.contains(id);
  }

  private static String key(DeclarationKind kind, String value) {
    return kind.name() + "\u0000" + value;
  }

  /** Joins the templates of the .tf files with the instances of the state. */
  private static final class Matcher {
    private final List<Declaration> declarations = new ArrayList<>();
    private final Map<DeclarationKind, Set<String>> stateIds = new EnumMap<>(DeclarationKind.class);

    Matcher(List<ModuleTree.Template> templates, TerraformState state, List<Note> notes) {
      Map<String, List<ModuleTree.Template>> byAddress = new LinkedHashMap<>();
      templates.forEach(t -> byAddress.computeIfAbsent(t.address(), a -> new ArrayList<>()).add(t));
      Set<String> matched = new HashSet<>();
      if (state != null) {
        matchState(state, byAddress, matched, notes);
      }
      for (ModuleTree.Template template : templates) {
        if (!matched.contains(template.address())) {
          Declaration declaration = declaration(template, template.address(), null);
          declarations.add(declaration);
          noteUnmatchable(declaration, state, notes);
        }
      }
      noteSharedNames(notes);
    }

    private void matchState(
        TerraformState state,
        Map<String, List<ModuleTree.Template>> byAddress,
        Set<String> matched,
        List<Note> notes) {
      if (state.empty()) {
        notes.add(
            Note.about(
                    state.file(),
                    "the state holds no resources; run terraform show -json in the root module's"
                        + " directory after terraform init, against the state the pipeline applies")
                .hiding(Note.Gap.ALWAYS));
      }
      Map<String, Integer> undeclared = new TreeMap<>();
      for (TerraformState.Instance instance : state.instances()) {
        List<ModuleTree.Template> candidates =
            byAddress.getOrDefault(instance.staticAddress(), List.of());
        if (instance.id() == null) {
          notes.add(
              Note.about(
                  state.file(),
                  instance.address()
                      + " has no id in the state; it is matched by"
                      + " name, if at all"));
          continue;
        }
        stateIds.computeIfAbsent(instance.kind(), k -> new HashSet<>()).add(instance.id());
        if (candidates.isEmpty()) {
          undeclared.merge(instance.staticAddress(), 1, Integer::sum);
        } else if (candidates.size() > 1) {
          if (matched.add(instance.staticAddress())) {
            notes.add(
                Note.about(
                    state.file(),
                    instance.staticAddress()
                        + " is declared in several root modules ("
                        + candidates.stream()
                            .map(ModuleTree.Template::root)
                            .distinct()
                            .collect(Collectors.joining(", "))
                        + "); scan only the root module the state belongs to, so findings can point"
                        + " at its block"));
          }
        } else {
          matched.add(instance.staticAddress());
          declarations.add(declaration(candidates.get(0), instance.address(), instance.id()));
        }
      }
      undeclared.forEach(
          (address, count) ->
              notes.add(
                  Note.about(
                      state.file(),
                      address
                          + (count > 1 ? " (" + count + " instances)" : "")
                          + " is in the state but no scanned .tf file declares it; findings"
                          + " on its identities cannot point at a .tf line")));
    }

    private static Declaration declaration(
        ModuleTree.Template template, String address, String id) {
      return new Declaration(
          template.kind(),
          address,
          template.file(),
          template.startLine(),
          template.endLine(),
          template.attributes(),
          template.blocks(),
          id);
    }

    /** A declaration without an id is matched by its literal name; say so when it has none. */
    private static void noteUnmatchable(
        Declaration declaration, TerraformState state, List<Note> notes) {
      if (declaration.kind() == DeclarationKind.ACCOUNT_SETTINGS) {
        return;
      }
      String remedy =
          state == null
              ? "give the Terraform state so it is matched by id"
              : "the state has no instance of it, so it is matched by name only";
      Optional<Attribute> name = declaration.attribute("name");
      if (name.isEmpty()) {
        notes.add(
            Note.at(
                    declaration.location(),
                    declaration.address()
                        + " has no name argument, so it matches no"
                        + " "
                        + declaration.kind().label()
                        + "; "
                        + remedy)
                .hiding(Note.Gap.WITHOUT_STATE));
      } else if (!(name.get().value() instanceof HclValue.Text)) {
        String reason =
            name.get().value() instanceof HclValue.Unresolved unresolved
                ? unresolved.reason()
                : "is not a string";
        notes.add(
            Note.at(
                    new SourceLine(declaration.file(), name.get().line()),
                    declaration.address()
                        + ": the name "
                        + reason
                        + ", so it matches no "
                        + declaration.kind().label()
                        + "; "
                        + remedy)
                .hiding(Note.Gap.WITHOUT_STATE));
      }
    }

    private void noteSharedNames(List<Note> notes) {
      Map<String, List<Declaration>> byName = new LinkedHashMap<>();
      for (Declaration declaration : declarations) {
        if (declaration.id() == null && declaration.kind() != DeclarationKind.ACCOUNT_SETTINGS) {
          declaration
              .name()
              .ifPresent(
                  name ->
                      byName
                          .computeIfAbsent(key(declaration.kind(), name), k -> new ArrayList<>())
                          .add(declaration));
        }
      }
      for (List<Declaration> same : byName.values()) {
        if (same.size() > 1) {
          Declaration first = same.get(0);
          notes.add(
              Note.at(
                  first.location(),
                  same.stream()
                          .map(d -> d.address() + " (" + d.location() + ")")
                          .collect(Collectors.joining(", "))
                      + " all declare the "
                      + first.kind().label()
                      + " name '"
                      + first.name().orElseThrow()
                      + "', so findings on an identity of that name point at none of them;"
                      + " give the Terraform state to match them by id"));
        }
      }
      List<Declaration> settings =
          declarations.stream()
              .filter(d -> d.kind() == DeclarationKind.ACCOUNT_SETTINGS && d.id() == null)
              .toList();
      if (settings.size() > 1) {
        notes.add(
            Note.at(
                settings.get(0).location(),
                settings.stream()
                        .map(d -> d.address() + " (" + d.location() + ")")
                        .collect(Collectors.joining(", "))
                    + " all declare account settings, and nothing tells which account each is for;"
                    + " give the Terraform state to match them by account id"));
      }
    }

    List<Declaration> declarations() {
      return declarations;
    }

    Map<DeclarationKind, Set<String>> stateIds() {
      return stateIds;
    }
  }
}
