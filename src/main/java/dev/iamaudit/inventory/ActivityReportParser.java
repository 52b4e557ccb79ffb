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
 * Reads an activity report with Jackson's streaming parser straight into the compact inventory
 * records, so a report of hundreds of thousands of identities never exists as a JSON tree, and
 * hands each identity on as it is read (see {@link #read}), so a report of millions need not be
 * held either. Unknown fields are skipped; a missing {@code last_authn} means never; a truncated,
 * malformed or inconsistent document is a {@link DataException} naming the source, line and column.
 *
 * <p>A report that lacks one of its four lists, contradicts itself or lists an identity twice is
 * refused rather than read as "nobody inactive": see {@link ReportConsistency}. No text a report
 * holds reaches a message or an output longer than {@link #MAX_TEXT} characters.
 */
public final class ActivityReportParser {
  /** Takes a report as it is read. */
  public interface Handler {
    /**
     * The report's header, once: before the first identity when the report names its reference,
     * duration, start and end time before its identities, as IBM writes reports; otherwise after
     * the last identity.
     */
    void header(ReportInfo info);

    /**
     * The next identity, in the report's order. A report found inconsistent after its identities
     * were handed on still fails the read, so what took them must not act on them before the read
     * returns.
     */
    void identity(Identity identity);
  }

  /**
   * The longest name, username or e-mail kept whole; longer ones are cut there and marked. IBM
   * documents no limit, and real names are a few dozen characters; an 8 MB name would otherwise be
   * copied into every report.
   */
  public static final int MAX_TEXT = 1024;

  /**
   * The longest id, reference or timestamp read at all: IBM's are under 100 characters, and one cut
   * short is wrong.
   */
  public static final int MAX_ID = 256;

  /** How much of a value that is not what it should be is quoted in the error. */
  private static final int QUOTED = 64;

  /** How many unknown top-level fields are kept, to name one that looks like a misspelt list. */
  private static final int MAX_OTHER_FIELDS = 16;

  /** The four lists IBM's live service returns in every report, each possibly empty. */
  private static final List<String> LISTS = List.of("users", "apikeys", "serviceids", "profiles");

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final String sourceName;

  /**
   * One copy of each text the report repeats: users and service IDs own many keys each, and the
   * report names the owner in every key as well as in the owner's own entry; every key has a type.
   */
  private final SharedStrings shared = new SharedStrings();

  /**
   * The {@code id|iam_id, name, username, email} of the key being read, in that order: refilled for
   * every key instead of allocated, as a report has one owner object per key.
   */
  private final String[] keyOwner = new String[4];

  private final CharWindow window = new CharWindow();

  /**
   * What this parse has seen of the identities, to refuse one listed twice or active after the
   * report's end.
   */
  private ReportConsistency consistency;

  /**
   * @param sourceName how errors name the input, e.g. the file path or "the activity report from
   *     IAM"
   */
  public ActivityReportParser(String sourceName) {
    this.sourceName = sourceName;
  }

  /** The whole report, held in memory. */
  public ActivityReport parse(InputStream in) {
    List<User> users = new ArrayList<>();
    List<ApiKey> apiKeys = new ArrayList<>();
    List<ServiceId> serviceIds = new ArrayList<>();
    List<Profile> profiles = new ArrayList<>();
    ReportInfo info =
        read(
            in,
            new Handler() {
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
    consistency = new ReportConsistency();
    try (JsonParser parser = JSON.createParser(in)) {
      return readReport(parser, handler);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      boolean truncated =
          e instanceof JsonEOFException
              || e.getOriginalMessage().startsWith("Unexpected end-of-input");
      throw new DataException(
          sourceName
              + " is not a valid activity report"
              + where
              + ": "
              + (truncated
                  ? "the report ends early (truncated?)"
                  : capped(e.getOriginalMessage(), MAX_TEXT))
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
    boolean[] lists = new boolean[LISTS.size()];
    List<String> otherFields = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "reference" -> reference = id(p);
        case "report_duration" -> duration = hours(p);
        case "report_start_time" -> start = time(p);
        case "report_end_time" -> end = time(p);
        case "created_by" -> createdBy = text(p);
        case "users", "apikeys", "serviceids", "profiles" -> {
          if (!announced && reference != null && duration != null && start != null && end != null) {
            ReportInfo header = new ReportInfo(reference, duration, start, end, createdBy);
            checkHeader(header);
            handler.header(header);
            announced = true;
          }
          lists[LISTS.indexOf(field)] = readIdentities(p, field, handler);
        }
        default -> {
          if (otherFields.size() < MAX_OTHER_FIELDS) {
            otherFields.add(capped(field, QUOTED));
          }
          p.skipChildren();
        }
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
    required(p, reference, "reference");
    required(p, duration, "report_duration");
    required(p, start, "report_start_time");
    required(p, end, "report_end_time");
    for (int i = 0; i < lists.length; i++) {
      requiredList(p, lists[i], LISTS.get(i), otherFields);
    }
    ReportInfo info = new ReportInfo(reference, duration, start, end, createdBy);
    checkHeader(info);
    String problem = consistency.lastAuthnProblem(info.endTime());
    if (problem != null) {
      throw contradiction(problem);
    }
    if (!announced) {
      handler.header(info);
    }
    return info;
  }

  /**
   * Refuses a header that contradicts itself beyond the clock skew {@link
   * ReportConsistency#TOLERANCE} allows.
   */
  private void checkHeader(ReportInfo info) {
    String problem = ReportConsistency.headerProblem(info);
    if (problem != null) {
      throw contradiction(problem);
    }
  }

  /**
   * An identity active after the report's end, or a header at odds with itself: the report was
   * damaged or altered.
   */
  private DataException contradiction(String problem) {
    return new DataException(
        sourceName
            + " contradicts itself: "
            + problem
            + ". IBM's reports agree with "
            + "themselves (within "
            + ReportConsistency.TOLERANCE.toMinutes()
            + " minutes), so this one was damaged "
            + "or altered: fetch a new report from IAM and audit that.");
  }

  private void required(JsonParser p, Object value, String field) {
    if (value == null) {
      throw fail(p, "the required field '" + field + "' is missing");
    }
  }

  /**
   * IBM's live service returns all four lists in every report, if only as {@code []}; a report
   * without one cannot tell "nobody inactive" from "not reported", so it is refused, naming a field
   * that looks like a misspelling.
   */
  private void requiredList(JsonParser p, boolean present, String field, List<String> otherFields) {
    if (present) {
      return;
    }
    String singular = field.substring(0, field.length() - 1);
    String near =
        otherFields.stream()
            .filter(
                other -> {
                  String plain =
                      other.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
                  return plain.equals(field) || plain.equals(singular);
                })
            .findFirst()
            .map(other -> "; found '" + other + "' instead")
            .orElse("");
    throw fail(
        p,
        "the required list '"
            + field
            + "' is missing"
            + near
            + " (IBM's reports always hold "
            + String.join(", ", LISTS)
            + ", if only as [])");
  }

  /**
   * @return whether the list was there: a {@code null} list counts as missing
   */
  private boolean readIdentities(JsonParser p, String field, Handler handler) throws IOException {
    return switch (field) {
      case "users" -> readList(p, () -> handler.identity(readUser(p)));
      case "apikeys" -> readList(p, () -> handler.identity(readApiKey(p)));
      case "serviceids" -> readList(p, () -> handler.identity(readServiceId(p)));
      default -> readList(p, () -> handler.identity(readProfile(p)));
    };
  }

  private User readUser(JsonParser p) throws IOException {
    String iamId = null;
    String name = null;
    String username = null;
    String email = null;
    Instant last = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "iam_id" -> iamId = sharedId(p);
        case "name" -> name = shared(p);
        case "username" -> username = shared(p);
        case "email" -> email = shared(p);
        case "last_authn" -> last = time(p);
        default -> p.skipChildren();
      }
    }
    User user =
        new User(
            requiredId(p, iamId, "users[].iam_id"),
            name,
            username,
            email,
            null,
            null,
            Activity.fromReport(last));
    seen(p, IdentityType.USER, user.iamId(), last);
    return user;
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
        case "id" -> id = id(p);
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
    requiredId(p, id, "apikeys[].id");
    KeyOwner owner;
    if ("user".equals(type)) {
      owner = new KeyOwner(KeyOwner.Kind.USER, userIamId, ownerName, ownerUsername, ownerEmail);
    } else if ("serviceid".equals(type)) {
      owner = new KeyOwner(KeyOwner.Kind.SERVICEID, ownerId, ownerName, null, null);
    } else {
      throw fail(
          p,
          "API key "
              + id
              + " has type '"
              + (type == null ? null : capped(type, QUOTED))
              + "'; expected 'user' or 'serviceid'");
    }
    seen(p, IdentityType.APIKEY, id, last);
    return new ApiKey(
        id,
        name,
        owner.isUser() ? userIamId : null,
        owner,
        null,
        null,
        null,
        null,
        null,
        null,
        Activity.fromReport(last),
        null);
  }

  /**
   * Reads {@code {id|iam_id, name, username, email}} into {@link #keyOwner}; a null owner leaves it
   * all null.
   */
  private void readOwner(JsonParser p, String idField) throws IOException {
    Arrays.fill(keyOwner, null);
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(p, p.currentToken(), JsonToken.START_OBJECT, "an API key's owner must be an object");
    while (nextField(p)) {
      String field = p.currentName();
      int slot =
          field.equals(idField)
              ? 0
              : switch (field) {
                case "name" -> 1;
                case "username" -> 2;
                case "email" -> 3;
                default -> -1;
              };
      // One place reads the value: the JIT inlines shared(), with Jackson's buffer access, at each
      // call site, and
      // this method twice into readApiKey. A copy per field made readApiKey by far the costliest
      // method to compile,
      // on the critical path of a short run and in its peak memory.
      if (slot < 0) {
        p.skipChildren();
      } else {
        keyOwner[slot] = slot == 0 ? sharedId(p) : shared(p);
      }
    }
  }

  private ServiceId readServiceId(JsonParser p) throws IOException {
    EntityRow row = readEntity(p, "serviceids[].id");
    seen(p, IdentityType.SERVICEID, row.id(), row.lastAuthn());
    return new ServiceId(
        row.id(), null, row.name(), null, null, Activity.fromReport(row.lastAuthn()));
  }

  private Profile readProfile(JsonParser p) throws IOException {
    EntityRow row = readEntity(p, "profiles[].id");
    seen(p, IdentityType.PROFILE, row.id(), row.lastAuthn());
    return new Profile(row.id(), null, row.name(), null, Activity.fromReport(row.lastAuthn()));
  }

  /**
   * Once per identity: IBM lists each identity once, so a second entry (the same id, maybe with
   * other data) makes the report untrustworthy, and would otherwise give two findings with one
   * fingerprint.
   */
  private void seen(JsonParser p, IdentityType type, String id, Instant lastAuthn) {
    if (!consistency.firstSighting(type, id, lastAuthn)) {
      throw fail(
          p,
          ReportConsistency.describe(type, id)
              + " is listed twice, and IBM lists each identity once");
    }
  }

  /** IBM's {@code EntityActivity}, shared by service IDs and trusted profiles. */
  private record EntityRow(String id, String name, Instant lastAuthn) {}

  private EntityRow readEntity(JsonParser p, String idField) throws IOException {
    String id = null;
    String name = null;
    Instant last = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "id" -> id = sharedId(p);
        case "name" -> name = shared(p);
        case "last_authn" -> last = time(p);
        default -> p.skipChildren();
      }
    }
    return new EntityRow(requiredId(p, id, idField), name, last);
  }

  private interface ItemReader {
    void read() throws IOException;
  }

  /**
   * @return false for a list that is {@code null}, which counts as missing
   */
  private boolean readList(JsonParser p, ItemReader item) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    expect(
        p, p.currentToken(), JsonToken.START_ARRAY, "'" + p.currentName() + "' must be an array");
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
      item.read();
    }
    if (token != JsonToken.END_ARRAY) {
      throw fail(
          p, token == null ? "the report ends early (truncated?)" : "array items must be objects");
    }
    return true;
  }

  /**
   * Advances to the next field of the current object and onto its value; false at the object's end.
   */
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

  /**
   * Free text (a name, an e-mail), cut at {@link #MAX_TEXT} characters with a mark that says so.
   */
  private String text(JsonParser p) throws IOException {
    if (!hasText(p)) {
      return null;
    }
    CharWindow value = inPlace(p);
    return value.length() <= MAX_TEXT ? value.toString() : truncated(value);
  }

  /**
   * {@link #text} for values that repeat, read from Jackson's buffer so that a repeat allocates
   * nothing.
   */
  private String shared(JsonParser p) throws IOException {
    if (!hasText(p)) {
      return null;
    }
    CharWindow value = inPlace(p);
    return shared.get(value.length() <= MAX_TEXT ? value : truncated(value));
  }

  /** An id or a reference: one cut short would name another identity, so a long one is refused. */
  private String id(JsonParser p) throws IOException {
    return hasText(p) ? checkedId(p, inPlace(p)).toString() : null;
  }

  /** {@link #id} for ids that repeat (a key's owner). */
  private String sharedId(JsonParser p) throws IOException {
    return hasText(p) ? shared.get(checkedId(p, inPlace(p))) : null;
  }

  private CharWindow checkedId(JsonParser p, CharWindow value) throws IOException {
    if (value.length() > MAX_ID) {
      throw fail(
          p,
          "'"
              + p.currentName()
              + "' is "
              + value.length()
              + " characters long, more than the "
              + MAX_ID
              + " an IBM id can have: \""
              + capped(value, QUOTED)
              + "\"");
    }
    return value;
  }

  private static String truncated(CharSequence value) {
    return value.subSequence(0, MAX_TEXT)
        + "[... cut at "
        + MAX_TEXT
        + " of "
        + value.length()
        + " characters]";
  }

  /**
   * At most {@code max} characters of {@code text}, for quoting it in a message; "..." marks a cut.
   */
  private static String capped(CharSequence text, int max) {
    return text.length() <= max ? text.toString() : text.subSequence(0, max) + "...";
  }

  private Instant time(JsonParser p) throws IOException {
    if (!hasText(p)) {
      return null;
    }
    CharWindow value = inPlace(p);
    try {
      if (value.length() <= MAX_ID) {
        return Timestamps.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw fail(
        p, "'" + p.currentName() + "' is not a timestamp: \"" + capped(value, QUOTED) + "\"");
  }

  /** The current value's text where Jackson decoded it, good until the next token. */
  private CharWindow inPlace(JsonParser p) throws IOException {
    // Jackson finishes decoding the value in getTextCharacters, so it is called before the offset
    // and length.
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

  /** Whole hours from zero to {@link ReportConsistency#MAX_DURATION_HOURS}. */
  private long hours(JsonParser p) throws IOException {
    String text = hasText(p) ? capped(inPlace(p), QUOTED).trim() : "";
    long hours;
    try {
      hours = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fail(p, "'report_duration' is not a number of hours: \"" + text + "\"");
    }
    if (hours < 0 || hours > ReportConsistency.MAX_DURATION_HOURS) {
      throw fail(
          p,
          "'report_duration' is "
              + hours
              + " hours; a report covers from 0 to "
              + ReportConsistency.MAX_DURATION_HOURS
              + " hours");
    }
    return hours;
  }

  private String requiredId(JsonParser p, String value, String field) {
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
    return new DataException(
        sourceName
            + " is not a valid activity report at line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + ": "
            + what
            + ". Fetch the report again or check that the file is complete.");
  }
}
