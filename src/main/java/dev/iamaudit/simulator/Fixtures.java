package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.iamaudit.failure.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON fixture format of {@link SimulatedAccount}: its records as they are, times absolute or
 * relative.
 */
final class Fixtures {
  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,7}) (day|hour|minute)s? ago");

  private Fixtures() {}

  static SimulatedAccount read(Path fixture, Instant now) {
    try (InputStream in = Files.newInputStream(fixture)) {
      return mapper(now).readValue(in, SimulatedAccount.class);
    } catch (NoSuchFileException e) {
      throw new UsageException(
          "Fixture " + fixture + " does not exist; name an existing JSON file");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      String problem =
          e.getCause() instanceof IllegalArgumentException invalid
              ? invalid.getMessage()
              : e.getOriginalMessage().lines().findFirst().orElse("invalid JSON");
      throw new UsageException(
          "Fixture " + fixture + where + " is not a valid simulated account: " + problem);
    } catch (IOException e) {
      throw new UsageException("Could not read fixture " + fixture + ": " + e.getMessage(), e);
    }
  }

  static String write(SimulatedAccount account) {
    try {
      return mapper(Instant.EPOCH).writerWithDefaultPrettyPrinter().writeValueAsString(account);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper mapper(Instant now) {
    SimpleModule times = new SimpleModule("simulator-times");
    times.addDeserializer(Instant.class, new TimeDeserializer(now));
    times.addSerializer(Instant.class, new TimeSerializer());
    return JsonMapper.builder()
        .addModule(times)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /**
   * "2025-01-31T12:00:00Z", or relative to now: "200 days ago", "3 hours ago", "15 minutes ago".
   */
  static Instant parseTime(String text, Instant now) {
    Matcher relative = RELATIVE.matcher(text.trim());
    if (relative.matches()) {
      ChronoUnit unit =
          switch (relative.group(2)) {
            case "day" -> ChronoUnit.DAYS;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.MINUTES;
          };
      return now.minus(Duration.of(Long.parseLong(relative.group(1)), unit));
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is neither an ISO-8601 instant such as"
              + " 2025-01-31T12:00:00Z nor a relative time such as '200 days ago'");
    }
  }

  private static final class TimeDeserializer extends StdDeserializer<Instant> {
    private final transient Instant now;

    TimeDeserializer(Instant now) {
      super(Instant.class);
      this.now = now;
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      try {
        return parseTime(parser.getValueAsString(""), now);
      } catch (IllegalArgumentException e) {
        return (Instant)
            context.handleWeirdStringValue(Instant.class, parser.getText(), e.getMessage());
      }
    }
  }

  private static final class TimeSerializer extends StdSerializer<Instant> {
    TimeSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(value.toString());
    }
  }
}
