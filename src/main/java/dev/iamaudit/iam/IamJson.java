package dev.iamaudit.iam;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.iamaudit.failure.DataException;
import dev.iamaudit.inventory.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads IBM's JSON into the wire records: snake_case names, unknown fields ignored (IBM adds fields
 * over time), absent fields null. Errors name the endpoint and the position, never the content,
 * which may hold secrets.
 */
final class IamJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private IamJson() {}

  /**
   * @param endpoint "IAM's answer to GET /v1/apikeys" style subject of the error message
   */
  static <T> T read(InputStream body, Class<T> type, String endpoint) {
    try (InputStream in = body) {
      T value = MAPPER.readValue(in, type);
      if (value == null) {
        throw new DataException(
            endpoint + " has an empty body; try again, and report it to IBM if it persists");
      }
      return value;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new DataException(
          endpoint
              + " is not valid JSON of the expected shape"
              + where
              + "; try again, and report it to IBM if it persists");
    } catch (IOException e) {
      throw new DataException(
          "Could not read "
              + endpoint
              + ": "
              + e.getMessage()
              + "; check the network and try again",
          e);
    }
  }

  /** IBM's timestamps in their odd forms; null stays null. */
  static Instant instant(String text, String field, String endpoint) {
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new DataException(
          endpoint
              + " has an unreadable "
              + field
              + " \""
              + text
              + "\"; report it to IBM if it persists");
    }
  }
}
