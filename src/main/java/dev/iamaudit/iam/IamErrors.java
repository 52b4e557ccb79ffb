package dev.iamaudit.iam;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.Response;

/** Turns IBM's error answers into one-line messages that say what to do. */
final class IamErrors {
  private static final long MAX_ERROR_BODY = 16 * 1024;

  /**
   * IBM's two error shapes: the token service's and the Identity API's {@code ExceptionResponse}.
   */
  record ErrorBody(
      @JsonProperty("errorCode") String errorCode,
      @JsonProperty("errorMessage") String errorMessage,
      List<Item> errors) {
    record Item(String code, String message) {}
  }

  private IamErrors() {}

  /** An answer the caller has no special meaning for. */
  static DataException unexpected(
      Response response, String service, String endpoint, Redactor redactor) {
    int code = response.code();
    String detail = detail(response, redactor).map(d -> " (" + d + ")").orElse("");
    return switch (code) {
      case 401 ->
          new DataException(
              service
                  + " refused the access token for "
                  + endpoint
                  + detail
                  + "; run again, and check the API key if it persists");
      case 403 ->
          new DataException(
              service
                  + " answered 403 to "
                  + endpoint
                  + detail
                  + ": the API key lacks "
                  + (service.equals("IAM")
                      ? "the Service Configuration Reader role on IAM Identity"
                      : "a Viewer role on User Management")
                  + "; grant it in Manage > Access (IAM) and run again");
      default ->
          new DataException(
              service
                  + " answered "
                  + code
                  + " to "
                  + endpoint
                  + detail
                  + "; check the account id and the service URLs, or try again later");
    };
  }

  /**
   * IBM's own words for the error, e.g. "BXNIM0415E Provided API key could not be found.", if it
   * sent any.
   */
  static Optional<String> detail(Response response, Redactor redactor) {
    String text;
    try {
      text = response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException e) {
      return Optional.empty();
    }
    ErrorBody body;
    try {
      body = IamJson.MAPPER.readValue(text, ErrorBody.class);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (body == null) {
      return Optional.empty();
    }
    String code = body.errorCode();
    String message = body.errorMessage();
    if (code == null && message == null && body.errors() != null && !body.errors().isEmpty()) {
      code = body.errors().get(0).code();
      message = body.errors().get(0).message();
    }
    String joined = ((code == null ? "" : code) + " " + (message == null ? "" : message)).trim();
    return joined.isEmpty() ? Optional.empty() : Optional.of(redactor.apply(joined));
  }
}
