package dev.iamaudit.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * IBM's error bodies, in the three shapes its services use. Observed in real responses: the token
 * endpoint's {@code {"context":{...},"errorCode":"BXNIM0415E","errorMessage":"Provided API key
 * could not be found."}} (400), and IAM Identity's {@code
 * {"errors":[{"code":"not_found","message_code":"BXNIM0102E","message":"Unable to find
 * object","details":...}],...}} (404); {@code BXNIM0308E "No authorization header found"} is
 * documented. The other codes and texts here are the simulator's own, in the same shapes.
 */
final class Errors {
  private static final DateTimeFormatter CONTEXT_TIME =
      DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss:SSS 'UTC'").withZone(ZoneOffset.UTC);

  private Errors() {}

  /**
   * The token endpoint's shape: a request context, then errorCode, errorMessage and errorDetails.
   */
  static Reply token(
      int status, Call call, Instant now, String code, String message, String details) {
    return Reply.json(
        status,
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("context");
          json.writeStringField("requestId", call.transactionId());
          json.writeStringField("requestType", "incoming.Identity_Token");
          json.writeStringField("userAgent", call.userAgent() == null ? "" : call.userAgent());
          json.writeStringField("url", "https://iam.cloud.ibm.com");
          json.writeStringField("instanceId", "iamid-simulator-0");
          json.writeStringField("threadId", Long.toHexString(Thread.currentThread().getId()));
          json.writeStringField("host", "iamid-simulator-0");
          json.writeStringField("startTime", CONTEXT_TIME.format(now));
          json.writeStringField("endTime", CONTEXT_TIME.format(now));
          json.writeStringField("elapsedTime", "0");
          json.writeStringField("locale", "en_US");
          json.writeStringField("clusterName", "iam-id-simulator");
          json.writeEndObject();
          json.writeStringField("errorCode", code);
          json.writeStringField("errorMessage", message);
          json.writeStringField("errorDetails", details);
          json.writeEndObject();
        });
  }

  /** IAM Identity's ExceptionResponse; its SDK models {@code status_code} as a string. */
  static Reply iam(
      int status, Call call, String code, String messageCode, String message, String details) {
    return Reply.json(
        status,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("errors");
          json.writeStartObject();
          json.writeStringField("code", code);
          json.writeStringField("message_code", messageCode);
          json.writeStringField("message", message);
          if (details != null) {
            json.writeStringField("details", details);
          }
          json.writeEndObject();
          json.writeEndArray();
          json.writeStringField("trace", call.transactionId());
          json.writeStringField("status_code", Integer.toString(status));
          json.writeEndObject();
        });
  }

  /**
   * User Management's errors, in the IBM Cloud API handbook's shape with a numeric {@code
   * status_code}.
   */
  static Reply userManagement(int status, Call call, String code, String message) {
    return Reply.json(
        status,
        json -> {
          json.writeStartObject();
          json.writeStringField("trace", call.transactionId());
          json.writeArrayFieldStart("errors");
          json.writeStartObject();
          json.writeStringField("code", code);
          json.writeStringField("message", message);
          json.writeEndObject();
          json.writeEndArray();
          json.writeNumberField("status_code", status);
          json.writeEndObject();
        });
  }

  /** The error of whichever service owns the path. */
  static Reply forPath(int status, Call call, String code, String messageCode, String message) {
    return call.path().startsWith("/v2/")
        ? userManagement(status, call, code, message)
        : iam(status, call, code, messageCode, message, null);
  }
}
