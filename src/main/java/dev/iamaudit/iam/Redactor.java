package dev.iamaudit.iam;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Scrubs the API key and every token issued in this run from text that came from IBM (error
 * messages), in case a server ever echoes one back into what we would show the user.
 */
final class Redactor {
  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  void add(String secret) {
    secrets.add(secret);
  }

  String apply(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "[redacted]");
    }
    return result;
  }
}
