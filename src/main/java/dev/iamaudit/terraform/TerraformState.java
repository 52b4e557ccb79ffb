package dev.iamaudit.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IBM ids a Terraform state gives the resources iam-audit maps, by address. Reads {@code
 * terraform.tfstate} (format version 4) and the output of {@code terraform show -json}.
 *
 * <p>A state holds every API key's value ({@code apikey}, in clear text in both formats). The file
 * is streamed and only the resource's type, mode, name, module, instance key and {@code id} are
 * ever read as text; every other value is skipped unread. Errors name the file and the place, never
 * a value: Jackson's messages quote the text they stopped at, so they are not passed on, not even
 * as a cause.
 */
final class TerraformState {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  private static final String WHAT_TO_GIVE =
      "give terraform.tfstate (format version 4) or the output of terraform show -json";

  /**
   * One instance of a mapped resource.
   *
   * @param address the full address: {@code module.team["a"].ibm_iam_service_id.ci[0]}
   * @param staticAddress without instance keys, as the .tf files declare it: {@code
   *     module.team.ibm_iam_service_id.ci}
   * @param id null when the state holds none
   */
  record Instance(DeclarationKind kind, String address, String staticAddress, String id) {}

  private final String file;
  private final List<Instance> instances;
  private final boolean empty;

  private TerraformState(String file, List<Instance> instances, boolean empty) {
    this.file = file;
    this.instances = List.copyOf(instances);
    this.empty = empty;
  }

  String file() {
    return file;
  }

  List<Instance> instances() {
    return instances;
  }

  /**
   * Whether the state holds no resources at all (never applied, or {@code terraform show -json}
   * found none).
   */
  boolean empty() {
    return empty;
  }

  /**
   * @param displayName how messages name the file: the path as the user gave it
   * @throws UsageException when the file is missing, is not a state, or is a state of an
   *     unsupported version
   */
  static TerraformState read(Path path, String displayName) {
    if (Files.isDirectory(path)) {
      throw new UsageException(displayName + ": is a directory; " + WHAT_TO_GIVE);
    }
    try (InputStream in = Files.newInputStream(path);
        JsonParser json = JSON.createParser(in)) {
      return new Reader(displayName, json).read();
    } catch (NoSuchFileException e) {
      throw new UsageException(
          displayName + ": file not found; check the path, or " + WHAT_TO_GIVE);
    } catch (AccessDeniedException e) {
      throw new UsageException(displayName + ": cannot be read (permission denied)");
    } catch (JsonProcessingException e) {
      throw new UsageException(
          place(displayName, e.getLocation()) + ": not valid JSON; " + WHAT_TO_GIVE);
    } catch (IOException e) {
      throw new UsageException(
          displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String place(String file, JsonLocation at) {
    return at == null
        ? file
        : file + ":" + Math.max(1, at.getLineNr()) + ":" + Math.max(1, at.getColumnNr());
  }

  /** One pass over the file; only the fields named here are read. */
  private static final class Reader {
    private final String file;
    private final JsonParser json;
    private final List<Instance> instances = new ArrayList<>();
    private int resources;

    Reader(String file, JsonParser json) {
      this.file = file;
      this.json = json;
    }

    TerraformState read() throws IOException {
      expect(json.nextToken(), JsonToken.START_OBJECT, "a JSON object");
      Integer version = null;
      String formatVersion = null;
      boolean values = false;
      boolean plan = false;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "version" -> version = value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : -1;
          case "format_version" -> {
            expect(value, JsonToken.VALUE_STRING, "format_version as a string");
            formatVersion = json.getText();
          }
          case "resources" -> stateResources(value);
          case "values" -> {
            values = value != JsonToken.VALUE_NULL;
            showValues(value);
          }
          case "planned_values", "resource_changes" -> {
            plan = true;
            json.skipChildren();
          }
          default -> json.skipChildren();
        }
      }
      if (json.nextToken() != null) {
        throw notState("one JSON value, not a second one");
      }
      if (version != null) {
        if (version != 4) {
          throw new UsageException(
              file
                  + ": state format version "
                  + (version < 0 ? "?" : version)
                  + " is not supported; run terraform show -json > state.json with Terraform 0.12"
                  + " or later and give that file");
        }
      } else if (formatVersion != null) {
        if (!formatVersion.startsWith("1.")) {
          throw new UsageException(
              file
                  + ": format_version "
                  + formatVersion
                  + " of terraform show -json is not"
                  + " supported; iam-audit reads format 1.x");
        }
        if (plan && !values) {
          throw new UsageException(
              file
                  + ": is the JSON of a plan, not of the state; run terraform show -json"
                  + " without a plan file and give that output");
        }
      } else {
        throw new UsageException(
            file
                + ": is not a Terraform state (it has neither version nor format_version); "
                + WHAT_TO_GIVE);
      }
      return new TerraformState(file, instances, resources == 0);
    }

    /** terraform.tfstate: {@code resources[].instances[].attributes.id}. */
    private void stateResources(JsonToken token) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return;
      }
      expect(token, JsonToken.START_ARRAY, "resources as a list");
      while (json.nextToken() != JsonToken.END_ARRAY) {
        expect(json.currentToken(), JsonToken.START_OBJECT, "a resource as an object");
        resources++;
        String module = null;
        String mode = null;
        String type = null;
        String name = null;
        List<String[]> keysAndIds = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          JsonToken value = json.nextToken();
          switch (field) {
            case "module" -> module = text(value, "module");
            case "mode" -> mode = text(value, "mode");
            case "type" -> type = text(value, "type");
            case "name" -> name = text(value, "name");
            case "instances" -> stateInstances(value, keysAndIds);
            default -> json.skipChildren();
          }
        }
        if (!"managed".equals(mode) || type == null || name == null) {
          continue;
        }
        String resourceAddress =
            (module == null || module.isEmpty() ? "" : module + ".") + type + "." + name;
        for (String[] keyAndId : keysAndIds) {
          add(type, resourceAddress + keyAndId[0], keyAndId[1]);
        }
      }
    }

    private void stateInstances(JsonToken token, List<String[]> keysAndIds) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return;
      }
      expect(token, JsonToken.START_ARRAY, "instances as a list");
      while (json.nextToken() != JsonToken.END_ARRAY) {
        expect(json.currentToken(), JsonToken.START_OBJECT, "an instance as an object");
        String key = "";
        String id = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          JsonToken value = json.nextToken();
          switch (field) {
            case "index_key" -> key = indexKey(value);
            case "attributes" -> id = idOf(value);
            default -> json.skipChildren();
          }
        }
        keysAndIds.add(new String[] {key, id});
      }
    }

    /**
     * terraform show -json: {@code values.root_module}, its {@code child_modules}, their {@code
     * resources}.
     */
    private void showValues(JsonToken token) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return;
      }
      expect(token, JsonToken.START_OBJECT, "values as an object");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("root_module")) {
          showModule(value);
        } else {
          json.skipChildren();
        }
      }
    }

    private void showModule(JsonToken token) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return;
      }
      expect(token, JsonToken.START_OBJECT, "a module as an object");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "resources" -> {
            if (value != JsonToken.VALUE_NULL) {
              expect(value, JsonToken.START_ARRAY, "resources as a list");
              while (json.nextToken() != JsonToken.END_ARRAY) {
                showResource(json.currentToken());
              }
            }
          }
          case "child_modules" -> {
            if (value != JsonToken.VALUE_NULL) {
              expect(value, JsonToken.START_ARRAY, "child_modules as a list");
              while (json.nextToken() != JsonToken.END_ARRAY) {
                showModule(json.currentToken());
              }
            }
          }
          default -> json.skipChildren();
        }
      }
    }

    private void showResource(JsonToken token) throws IOException {
      expect(token, JsonToken.START_OBJECT, "a resource as an object");
      resources++;
      String address = null;
      String mode = null;
      String type = null;
      String id = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "address" -> address = text(value, "address");
          case "mode" -> mode = text(value, "mode");
          case "type" -> type = text(value, "type");
          case "values" -> id = idOf(value);
          default -> json.skipChildren();
        }
      }
      if ("managed".equals(mode) && type != null && address != null) {
        add(type, address, id);
      }
    }

    private void add(String type, String address, String id) {
      DeclarationKind.ofResourceType(type)
          .ifPresent(kind -> instances.add(new Instance(kind, address, withoutKeys(address), id)));
    }

    /**
     * The {@code id} of an attributes object; every other attribute, secrets included, is skipped
     * unread.
     */
    private String idOf(JsonToken token) throws IOException {
      if (token != JsonToken.START_OBJECT) {
        json.skipChildren();
        return null;
      }
      String id = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("id") && value == JsonToken.VALUE_STRING) {
          id = json.getText();
        } else {
          json.skipChildren();
        }
      }
      return id;
    }

    /** {@code [0]} for a {@code count} instance, {@code ["name"]} for a {@code for_each} one. */
    private String indexKey(JsonToken token) throws IOException {
      return switch (token) {
        case VALUE_NUMBER_INT -> "[" + json.getText() + "]";
        case VALUE_STRING ->
            "[\"" + json.getText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        case VALUE_NULL -> "";
        default -> throw notState("index_key as a number or a string");
      };
    }

    private String text(JsonToken token, String what) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      expect(token, JsonToken.VALUE_STRING, what + " as a string");
      return json.getText();
    }

    private void expect(JsonToken actual, JsonToken expected, String what) {
      if (actual != expected) {
        throw notState(what);
      }
    }

    private UsageException notState(String expected) {
      return new UsageException(
          place(file, json.currentTokenLocation())
              + ": not a Terraform state: expected "
              + expected
              + "; "
              + WHAT_TO_GIVE);
    }
  }

  /**
   * {@code module.a["x"].ibm_iam_service_id.b[0]} without its instance keys: {@code
   * module.a.ibm_iam_service_id.b}.
   */
  static String withoutKeys(String address) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"' && depth > 0) {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
