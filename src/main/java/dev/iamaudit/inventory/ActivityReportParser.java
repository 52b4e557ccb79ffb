package dev.iamaudit.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an activity report with Jackson's streaming parser straight into the compact inventory records, so a report
 * of hundreds of thousands of identities never exists as a JSON tree, and hands each identity on as it is read (see
 * {@link #read}), so a report of millions need not be held either. Unknown fields are skipped; a missing
 * {@code last_authn} means never; a truncated or malformed document is a {@link DataException} naming the source,
 * line and column.
 */
public final class ActivityReportParser {
  /** Takes a report as it is read. */
  public interface Handler {
    /**
     * The report's header, once: before the first identity when the report names its reference, duration and end
     * time before its identities, as IBM writes reports; otherwise after the last identity.
     */
    void header(ReportInfo info);

    /** The next identity, in the report's order. */
    void identity(Identity identity);
  }

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final String sourceName;
  /**
   * One copy of each text the report repeats: users and service IDs own many keys each, and the report names the
   * owner in every key as well as in the owner's own entry; every key has a type.
   */
  private final SharedStrings shared = new SharedStrings();
  /**
   * The {@code id|iam_id, name, username, email} of the key being read, in that order: refilled for every key
   * instead of allocated, as a report has one owner object per key.
   */
  private final String[] keyOwner = new String[4];
  private final CharWindow window = new CharWindow();

  /** @param sourceName how errors name the input, e.g. the file path or "the activity report from IAM" */
  public ActivityReportParser(String sourceName) {
    this.sourceName = sourceName;
  }

  /** The whole report, held in memory. */
  public ActivityReport parse(InputStream in) {
    List<User> users = new ArrayList<>();
    List<ApiKey> apiKeys = new ArrayList<>();
    List<ServiceId> serviceIds = new ArrayList<>();
    List<Profile> profiles = new ArrayList<>();
    ReportInfo info = read(in, new Handler() {
      @Override
      public void header(ReportInfo header) {}

      @Override
      public void identity(Identity identity) {
        if (identity instanceof User user) {
          users.add(user);
        } else if (identity instanceof ApiKey key) {
          apiKeys.add(key);
        } else if (identity instanceof ServiceId serviceId) {
          serviceIds.add(serviceId);
        } else {
          profiles.add((Profile) identity);
        }
      }
    });
    return new ActivityReport(info, users, apiKeys, serviceIds, profiles);
  }

  /**
   * Reads the report, handing each identity to {@code handler} as soon as it is read.
   *
   * @return the header, with every field the report has
   */
  public ReportInfo read(InputStream in, Handler handler) {
    try (JsonParser parser = JSON.createParser(in)) {
      return readReport(parser, handler);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      boolean truncated = e instanceof JsonEOFException || e.getOriginalMessage().startsWith("Unexpected end-of-input");
      throw new DataException(sourceName + " is not a valid activity report" + where + ": "
          + (truncated ? "the report ends early (truncated?)" : e.getOriginalMessage())
          + ". Fetch the report again or check that the file is complete.");
    } catch (IOException e) {
      throw new DataException("Could not read " + sourceName + ": " + e.getMessage(), e);
    }
  }

  private ReportInfo readReport(JsonParser p, Handler handler) throws IOException {
    expect(p, p.nextToken(), JsonToken.START_OBJECT, "the report must be a JSON object");
    String reference = null;
    Long duration = null;
    Instant start = null;
    Instant end = null;
    String createdBy = null;
    boolean announced = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "reference" -> reference = text(p);
        case "report_duration" -> duration = hours(p, text(p));
        case "report_start_time" -> start = time(p);
        case "report_end_time" -> end = time(p);
        case "created_by" -> createdBy = text(p);
        case "users", "apikeys", "serviceids", "profiles" -> {
          if (!announced && reference != null && duration != null && end != null) {
            handler.header(new ReportInfo(reference, duration, start, end, createdBy));
            announced = true;
          }
          readIdentities(p, field, handler);
        }
        default -> p.skipChildren();
      }
      if (value == null) {
        break;
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw fail(p, "the report ends early (truncated?)");
    }
    if (p.nextToken() != null) {
      throw fail(p, "unexpected content after the report");
    }
    if (reference == null) {
      throw fail(p, "the required field 'reference' is missing");
    }
    if (duration == null) {
      throw fail(p, "the required field 'report_duration' is missing");
    }
    if (end == null) {
      throw fail(p, "the required field 'report_end_time' is missing");
    }
    ReportInfo info = new ReportInfo(reference, duration, start, end, createdBy);
    if (!announced) {
      handler.header(info);
    }
    return info;
  }

  private void readIdentities(JsonParser p, String field, Handler handler) throws IOException {
    switch (field) {
      case "users" -> readArray(p, () -> handler.identity(readUser(p)));
      case "apikeys" -> readArray(p, () -> handler.identity(readApiKey(p)));
      case "serviceids" -> readArray(p, () -> handler.identity(readServiceId(p)));
      default -> readArray(p, () -> handler.identity(readProfile(p)));
    }
  }

  private User readUser(JsonParser p) throws IOException {
    String iamId = null;
    String name = null;
    String username = null;
    String email = null;
    Instant last = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "iam_id" -> iamId = shared(p);
        case "name" -> name = shared(p);
        case "username" -> username = shared(p);
        case "email" -> email = shared(p);
        case "last_authn" -> last = time(p);
        default -> p.skipChildren();
      }
    }
    return new User(required(p, iamId, "users[].iam_id"), name, username, email, null, null,
        Activity.fromReport(last));
  }

  private ApiKey readApiKey(JsonParser p) throws IOException {
    String id = null;
    String name = null;
    String type = null;
    String ownerId = null;
    String ownerName = null;
    String ownerUsername = null;
    String ownerEmail = null;
    String userIamId = null;
    Instant last = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "id" -> id = text(p);
        case "name" -> name = text(p);
        case "type" -> type = shared(p);
        case "last_authn" -> last = time(p);
        case "serviceid" -> {
          readOwner(p, "id");
          ownerId = keyOwner[0];
          ownerName = keyOwner[1];
        }
        case "user" -> {
          readOwner(p, "iam_id");
          userIamId = keyOwner[0];
          ownerName = keyOwner[1];
          ownerUsername = keyOwner[2];
          ownerEmail = keyOwner[3];
        }
        default -> p.skipChildren();
      }
    }
    required(p, id, "apikeys[].id");
    KeyOwner owner;
    if ("user".equals(type)) {
      owner = new KeyOwner(KeyOwner.Kind.USER, userIamId, ownerName, ownerUsername, ownerEmail);
    } else if ("serviceid".equals(type)) {
      owner = new KeyOwner(KeyOwner.Kind.SERVICEID, ownerId, ownerName, null, null);
    } else {
      throw fail(p, "API key " + id + " has type '" + type + "'; expected 'user' or 'serviceid'");
    }
    return new ApiKey(id, name, owner.isUser() ? userIamId : null, owner, null, null, null, null, null, null,
        Activity.fromReport(last), null);
  }

  /** Reads {@code {id|iam_id, name, username, email}} into {@link #keyOwner}; a null owner leaves it all null. */
  private void readOwner(JsonParser p, String idField) throws IOException {
    Arrays.fill(keyOwner, null);
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(p, p.currentToken(), JsonToken.START_OBJECT, "an API key's owner must be an object");
    while (nextField(p)) {
      String field = p.currentName();
      int slot = field.equals(idField) ? 0 : switch (field) {
        case "name" -> 1;
        case "username" -> 2;
        case "email" -> 3;
        default -> -1;
      };
      // One place reads the value: the JIT inlines shared(), with Jackson's buffer access, at each call site, and
      // this method twice into readApiKey. A copy per field made readApiKey by far the costliest method to compile,
      // on the critical path of a short run and in its peak memory.
      if (slot < 0) {
        p.skipChildren();
      } else {
        keyOwner[slot] = shared(p);
      }
    }
  }

  private ServiceId readServiceId(JsonParser p) throws IOException {
    EntityRow row = readEntity(p, "serviceids[].id");
    return new ServiceId(row.id(), null, row.name(), null, null, Activity.fromReport(row.lastAuthn()));
  }

  private Profile readProfile(JsonParser p) throws IOException {
    EntityRow row = readEntity(p, "profiles[].id");
    return new Profile(row.id(), null, row.name(), null, Activity.fromReport(row.lastAuthn()));
  }

  /** IBM's {@code EntityActivity}, shared by service IDs and trusted profiles. */
  private record EntityRow(String id, String name, Instant lastAuthn) {}

  private EntityRow readEntity(JsonParser p, String idField) throws IOException {
    String id = null;
    String name = null;
    Instant last = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "id" -> id = shared(p);
        case "name" -> name = shared(p);
        case "last_authn" -> last = time(p);
        default -> p.skipChildren();
      }
    }
    return new EntityRow(required(p, id, idField), name, last);
  }

  private interface ItemReader {
    void read() throws IOException;
  }

  private void readArray(JsonParser p, ItemReader item) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(p, p.currentToken(), JsonToken.START_ARRAY, "'" + p.currentName() + "' must be an array");
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
      item.read();
    }
    if (token != JsonToken.END_ARRAY) {
      throw fail(p, token == null ? "the report ends early (truncated?)" : "array items must be objects");
    }
  }

  /** Advances to the next field of the current object and onto its value; false at the object's end. */
  private boolean nextField(JsonParser p) throws IOException {
    JsonToken token = p.nextToken();
    if (token == JsonToken.END_OBJECT) {
      return false;
    }
    if (token != JsonToken.FIELD_NAME) {
      throw fail(p, token == null ? "the report ends early (truncated?)" : "expected a field name");
    }
    if (p.nextToken() == null) {
      throw fail(p, "the report ends early (truncated?)");
    }
    return true;
  }

  private String text(JsonParser p) throws IOException {
    return hasText(p) ? p.getText() : null;
  }

  /** {@link #text} for values that repeat, read from Jackson's buffer so that a repeat allocates nothing. */
  private String shared(JsonParser p) throws IOException {
    return hasText(p) ? shared.get(inPlace(p)) : null;
  }

  private Instant time(JsonParser p) throws IOException {
    if (!hasText(p)) {
      return null;
    }
    try {
      return Timestamps.parse(inPlace(p));
    } catch (DateTimeParseException e) {
      throw fail(p, "'" + p.currentName() + "' is not a timestamp: \"" + p.getText() + "\"");
    }
  }

  /** The current value's text where Jackson decoded it, good until the next token. */
  private CharWindow inPlace(JsonParser p) throws IOException {
    // Jackson finishes decoding the value in getTextCharacters, so it is called before the offset and length.
    char[] chars = p.getTextCharacters();
    return window.set(chars, p.getTextOffset(), p.getTextLength());
  }

  /** False for null; any other scalar is read as its text. */
  private boolean hasText(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (!token.isScalarValue()) {
      throw fail(p, "'" + p.currentName() + "' must be a string");
    }
    return true;
  }

  private long hours(JsonParser p, String duration) {
    try {
      return Long.parseLong(duration == null ? "" : duration.trim());
    } catch (NumberFormatException e) {
      throw fail(p, "'report_duration' is not a number of hours: \"" + duration + "\"");
    }
  }

  private String required(JsonParser p, String value, String field) {
    if (value == null || value.isEmpty()) {
      throw fail(p, "the required field '" + field + "' is missing");
    }
    return value;
  }

  private void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw fail(p, actual == null ? "the report is empty or ends early (truncated?)" : what);
    }
  }

  private DataException fail(JsonParser p, String what) {
    JsonLocation at = p.currentToken() == null ? p.currentLocation() : p.currentTokenLocation();
    return new DataException(sourceName + " is not a valid activity report at line " + at.getLineNr()
        + ", column " + at.getColumnNr() + ": " + what
        + ". Fetch the report again or check that the file is complete.");
  }
}
