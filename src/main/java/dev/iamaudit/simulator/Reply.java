package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers.
 *
 * @param body writes the JSON body, or null for none (204)
 * @param streamed whether the body may be large and is sent chunked instead of with a
 *     Content-Length
 */
record Reply(int status, Map<String, String> headers, Body body, boolean streamed) {
  /** Writes a JSON document. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, Body body) {
    return new Reply(status, Map.of(), body, false);
  }

  static Reply streamed(int status, Body body) {
    return new Reply(status, Map.of(), body, true);
  }

  static Reply empty(int status) {
    return new Reply(status, Map.of(), null, false);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body, streamed);
  }
}
