package dev.iamaudit.rules;

import java.util.Objects;

/**
 * Writes one finding's message, what was seen and how to fix it, into the caller's buffer.
 *
 * <p>Reports ask for messages one by one as they write them. An audit of hundreds of thousands of
 * identities writes as many sentences per report, and building each as a String (with the pieces it
 * is made of) was most of what such a run allocated: appending into one reused buffer keeps the
 * heap, and so the process, small.
 */
@FunctionalInterface
public interface MessageText {
  void appendTo(StringBuilder out);

  /** A message fixed when the rule runs, for rules that find a handful of things at most. */
  static MessageText of(String message) {
    Objects.requireNonNull(message, "message");
    return out -> out.append(message);
  }

  /** The message as a String, for the few places that show single findings. */
  default String build() {
    StringBuilder out = new StringBuilder(256);
    appendTo(out);
    return out.toString();
  }
}
