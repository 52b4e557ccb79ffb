package dev.iamaudit.terraform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the scanned directories as Terraform would: from each root module (a directory no local
 * {@code module} block calls) through its local module calls, giving every mapped resource block
 * its address and its arguments' values. A value is followed through {@code var.NAME} to the
 * calling module block's input, the root's tfvars files or the variable's default, as long as each
 * step is a literal; anything else stays unresolved.
 */
final class ModuleTree {
  private static final Set<String> MODULE_META =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  /**
   * A resource block as declared at one module address, before the state is consulted.
   *
   * @param root the path of the root module it was reached from, to name it when two roots share an
   *     address
   */
  record Template(
      DeclarationKind kind,
      String address,
      String file,
      int startLine,
      int endLine,
      Map<String, Attribute> attributes,
      List<NestedBlock> blocks,
      String root) {}

  private final Map<Path, TerraformScan.ModuleDir> dirs = new LinkedHashMap<>();
  private final List<Template> templates = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();

  private ModuleTree(List<TerraformScan.ModuleDir> modules) {
    modules.forEach(m -> dirs.put(m.dir(), m));
  }

  static ModuleTree walk(List<TerraformScan.ModuleDir> modules) {
    ModuleTree tree = new ModuleTree(modules);
    Set<Path> called = new HashSet<>();
    for (TerraformScan.ModuleDir module : modules) {
      for (TerraformScan.ParsedFile file : module.files()) {
        for (HclBody.Block block : file.body().blocks()) {
          if (isModuleCall(block)) {
            localSource(block)
                .ifPresent(source -> called.add(module.dir().resolve(source).normalize()));
          }
        }
      }
    }
    for (TerraformScan.ModuleDir module : modules) {
      if (!called.contains(module.dir())) {
        tree.instantiate(module, "", new RootScope(module), module.path(), new ArrayList<>());
      }
    }
    return tree;
  }

  List<Template> templates() {
    return templates;
  }

  List<Note> notes() {
    return notes;
  }

  private static boolean isModuleCall(HclBody.Block block) {
    return block.type().equals("module") && block.labels().size() == 1;
  }

  /** A literal source starting with ./ or ../, which Terraform reads from the repository itself. */
  private static Optional<String> localSource(HclBody.Block block) {
    return block
        .body()
        .attribute("source")
        .filter(
            a ->
                a.value() instanceof HclExpr.Literal literal
                    && literal.value() instanceof HclValue.Text)
        .map(a -> ((HclValue.Text) ((HclExpr.Literal) a.value()).value()).text())
        .filter(source -> source.startsWith("./") || source.startsWith("../"));
  }

  private void instantiate(
      TerraformScan.ModuleDir module, String prefix, Scope scope, String root, List<Path> callers) {
    for (TerraformScan.ParsedFile file : module.files()) {
      for (HclBody.Block block : file.body().blocks()) {
        SourceLine at = new SourceLine(file.path(), block.line());
        if (block.type().equals("resource") && block.labels().size() == 2) {
          Optional<DeclarationKind> kind = DeclarationKind.ofResourceType(block.labels().get(0));
          if (kind.isEmpty()) {
            continue;
          }
          String address = prefix + block.labels().get(0) + "." + block.labels().get(1);
          if (file.override()) {
            notes.add(
                Note.at(
                        at,
                        address
                            + ": override files are not merged with the block they override; the"
                            + " values iam-audit reads for it may not be the ones Terraform"
                            + " applies")
                    .hiding(Note.Gap.WITHOUT_STATE));
            continue;
          }
          templates.add(
              new Template(
                  kind.get(),
                  address,
                  file.path(),
                  block.line(),
                  block.endLine(),
                  attributes(block.body(), file.path(), scope),
                  nested(block.body(), file.path(), scope),
                  root));
        } else if (isModuleCall(block)) {
          call(module, file, block, prefix, scope, root, callers);
        }
      }
    }
  }

  private void call(
      TerraformScan.ModuleDir module,
      TerraformScan.ParsedFile file,
      HclBody.Block block,
      String prefix,
      Scope scope,
      String root,
      List<Path> callers) {
    String address = prefix + "module." + block.labels().get(0);
    SourceLine at = new SourceLine(file.path(), block.line());
    Optional<String> source = localSource(block);
    if (source.isEmpty()) {
      // The note leaves the source out: a registry or git address may hold credentials.
      notes.add(
          Note.at(
                  at,
                  address
                      + ": the module's source is not a local path (./ or ../), so the resources it"
                      + " declares are not read; identities it manages are matched only through the"
                      + " Terraform state, and findings on them cannot point at a .tf line")
              .hiding(Note.Gap.WITHOUT_STATE));
      return;
    }
    Path target = module.dir().resolve(source.get()).normalize();
    TerraformScan.ModuleDir child = dirs.get(target);
    if (child == null) {
      notes.add(
          Note.at(
                  at,
                  address
                      + ": its source directory holds no .tf file in the scanned directory, so the"
                      + " resources it declares are not read")
              .hiding(Note.Gap.WITHOUT_STATE));
      return;
    }
    if (callers.contains(target) || target.equals(module.dir())) {
      notes.add(
          Note.at(
              at,
              address + ": the module calls itself through its callers; the call is not followed"));
      return;
    }
    List<Path> chain = new ArrayList<>(callers);
    chain.add(module.dir());
    instantiate(
        child,
        address + ".",
        new CallScope(child, block, file.path(), address, scope),
        root,
        chain);
  }

  private static Map<String, Attribute> attributes(HclBody body, String file, Scope scope) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    for (HclBody.Attribute attribute : body.attributes()) {
      SourceLine at = new SourceLine(file, attribute.line());
      Resolved resolved =
          attribute.name().equals("apikey")
              ? new Resolved(
                  new HclValue.Unresolved("is a secret, which iam-audit never reads"), null)
              : scope.resolve(attribute.value(), at);
      attributes.put(
          attribute.name(),
          new Attribute(attribute.name(), attribute.line(), resolved.value(), resolved.at()));
    }
    return attributes;
  }

  private static List<NestedBlock> nested(HclBody body, String file, Scope scope) {
    return body.blocks().stream()
        .map(
            b ->
                new NestedBlock(
                    b.type(),
                    b.labels(),
                    b.line(),
                    b.endLine(),
                    attributes(b.body(), file, scope),
                    nested(b.body(), file, scope)))
        .toList();
  }

  /** A value and where its literal is written; at is null when the value is unresolved. */
  record Resolved(HclValue value, SourceLine at) {
    static Resolved unresolved(String reason) {
      return new Resolved(new HclValue.Unresolved(reason), null);
    }
  }

  /** Where {@code var.NAME} gets its value. */
  private abstract static class Scope {
    Resolved resolve(HclExpr expr, SourceLine at) {
      if (expr instanceof HclExpr.Literal literal) {
        return new Resolved(literal.value(), at);
      }
      if (expr instanceof HclExpr.Variable variable) {
        return variable(variable.name());
      }
      return Resolved.unresolved(
          "is " + ((HclExpr.Opaque) expr).what() + ", which iam-audit does not evaluate");
    }

    abstract Resolved variable(String name);

    /** A variable's default: literal, since Terraform allows no reference there. */
    static Resolved defaultOf(TerraformScan.ModuleDir module, String name, String whenNone) {
      for (TerraformScan.ParsedFile file : module.files()) {
        for (HclBody.Block block : file.body().blocks()) {
          if (block.type().equals("variable") && block.labels().equals(List.of(name))) {
            Optional<HclBody.Attribute> value = block.body().attribute("default");
            if (value.isEmpty()) {
              return Resolved.unresolved(
                  "comes from var." + name + ", which has no default and " + whenNone);
            }
            if (value.get().value() instanceof HclExpr.Literal literal) {
              return new Resolved(literal.value(), new SourceLine(file.path(), value.get().line()));
            }
            return Resolved.unresolved(
                "comes from var."
                    + name
                    + ", whose default is "
                    + ((HclExpr.Opaque) value.get().value()).what()
                    + ", which iam-audit does not evaluate");
          }
        }
      }
      return Resolved.unresolved(
          "comes from var." + name + ", which no variable block of " + module.path() + " declares");
    }
  }

  /** A root module: tfvars files Terraform loads by itself, then the default. */
  private static final class RootScope extends Scope {
    private final TerraformScan.ModuleDir module;

    RootScope(TerraformScan.ModuleDir module) {
      this.module = module;
    }

    @Override
    Resolved variable(String name) {
      if (module.tfvarsBroken()) {
        return Resolved.unresolved(
            "comes from var."
                + name
                + ", and a tfvars file of "
                + module.path()
                + " could not be read");
      }
      Resolved fromTfvars = null;
      for (TerraformScan.ParsedFile tfvars : module.tfvars()) {
        Optional<HclBody.Attribute> value = tfvars.body().attribute(name);
        if (value.isPresent()) {
          fromTfvars =
              value.get().value() instanceof HclExpr.Literal literal
                  ? new Resolved(literal.value(), new SourceLine(tfvars.path(), value.get().line()))
                  : Resolved.unresolved(
                      "comes from var."
                          + name
                          + ", which "
                          + tfvars.path()
                          + " sets to something"
                          + " other than a literal");
        }
      }
      if (fromTfvars != null) {
        return fromTfvars;
      }
      return defaultOf(
          module,
          name,
          "no tfvars file sets it (a -var, -var-file or TF_VAR_" + name + " value is not seen)");
    }
  }

  /** A called module: the calling block's input, else the default. */
  private static final class CallScope extends Scope {
    private final TerraformScan.ModuleDir module;
    private final HclBody.Block call;
    private final String callFile;
    private final String callAddress;
    private final Scope caller;

    CallScope(
        TerraformScan.ModuleDir module,
        HclBody.Block call,
        String callFile,
        String callAddress,
        Scope caller) {
      this.module = module;
      this.call = call;
      this.callFile = callFile;
      this.callAddress = callAddress;
      this.caller = caller;
    }

    @Override
    Resolved variable(String name) {
      if (!MODULE_META.contains(name)) {
        Optional<HclBody.Attribute> input = call.body().attribute(name);
        if (input.isPresent()) {
          SourceLine at = new SourceLine(callFile, input.get().line());
          Resolved resolved = caller.resolve(input.get().value(), at);
          if (resolved.value() instanceof HclValue.Unresolved unresolved) {
            return Resolved.unresolved(
                "comes from var."
                    + name
                    + ", which "
                    + callAddress
                    + " ("
                    + at
                    + ") sets to a value that "
                    + unresolved.reason());
          }
          return resolved;
        }
      }
      return defaultOf(
          module, name, callAddress + " (" + callFile + ":" + call.line() + ") does not set it");
    }
  }
}
