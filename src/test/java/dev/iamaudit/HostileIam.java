package dev.iamaudit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * An IAM that fails in each way a real one can, and echoes the API key and its tokens back in what
 * it says, as a careless or hostile server might: whatever the tool shows of an error must still
 * hold neither.
 */
public final class HostileIam implements AutoCloseable {
  /** Shaped like an IBM Cloud API key. */
  public static final String KEY = "Hk7Qm2Zx9Lp4Wv8Rt1Yc6Nb3Sd5Fg0Jj-Aa_Ee12345";

  public static final String ACCOUNT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  public static final String TOKEN =
      jwt("{\"iam_id\":\"IBMid-1\",\"account\":{\"bss\":\"" + ACCOUNT + "\"}}");
  public static final String REFRESH = "Rf5Tk9Pq2Zw7Lm3Xc8Vb1Nj6Hg4Sd0Aq-refresh";

  /** How the server fails. */
  public enum Failure {
    /** 400 to the token request, its message quoting the key. */
    KEY_REFUSED,
    /** 200 to the token request, but no JSON, quoting the key. */
    TOKEN_ANSWER_NOT_JSON,
    /** A token whose payload names no account. */
    TOKEN_WITHOUT_ACCOUNT,
    /** Every call with the token answered 401, quoting the token. */
    UNAUTHORIZED,
    /** Every call with the token answered 403, quoting the token. */
    FORBIDDEN,
    /** Every call with the token answered 500, quoting key and token. */
    SERVER_ERRORS,
    /** The connection closed as the token is asked for. */
    CONNECTION_DROPPED,
    /** Every call with the token answered 200 with a body cut short in the middle of the token. */
    TRUNCATED_BODIES
  }

  private final MockWebServer server = new MockWebServer();

  private HostileIam(Failure failure) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean token = request.getUrl().encodedPath().equals("/identity/token");
            return token ? tokenAnswer(failure) : callAnswer(failure);
          }
        });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HostileIam start(Failure failure) {
    return new HostileIam(failure);
  }

  public URI uri() {
    return server.url("/").uri();
  }

  private static MockResponse tokenAnswer(Failure failure) {
    return switch (failure) {
      case KEY_REFUSED ->
          json(400, error("BXNIM0415E", "Provided API key " + KEY + " could not be found."));
      case TOKEN_ANSWER_NOT_JSON -> json(200, "<html>apikey=" + KEY + "</html>");
      case TOKEN_WITHOUT_ACCOUNT -> json(200, tokenBody(jwt("{\"iam_id\":\"IBMid-1\"}")));
      case CONNECTION_DROPPED ->
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
      default -> json(200, tokenBody(TOKEN));
    };
  }

  private static MockResponse callAnswer(Failure failure) {
    return switch (failure) {
      case UNAUTHORIZED ->
          json(401, error("BXNIM0308E", "Token " + TOKEN + " is expired; refresh " + REFRESH));
      case FORBIDDEN -> json(403, error("BXNIM0513E", "You are not authorized: Bearer " + TOKEN));
      case TRUNCATED_BODIES -> json(200, "{\"reference\":\"" + TOKEN.substring(0, 40));
      default ->
          json(
              500, error("BXNIM0500E", "Internal error for apikey " + KEY + " and token " + TOKEN));
    };
  }

  private static String tokenBody(String accessToken) {
    return "{\"access_token\":\""
        + accessToken
        + "\",\"refresh_token\":\""
        + REFRESH
        + "\",\"token_type\":"
        + "\"Bearer\",\"expires_in\":3600,\"expiration\":4102444800,\"scope\":\"ibm openid\"}";
  }

  private static String error(String code, String message) {
    return "{\"context\":{\"requestId\":\"r-1\"},\"errorCode\":\""
        + code
        + "\",\"errorMessage\":\""
        + message
        + "\",\"errors\":[{\"code\":\""
        + code
        + "\",\"message\":\""
        + message
        + "\"}]}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"kid\":\"1\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  /** Fails when {@code text} holds the key, a token (IAM's start "eyJ") or the refresh token. */
  public static void assertNoSecret(String where, String text) {
    assertFalse(text.contains(KEY), () -> "the API key in " + where + ": " + text);
    assertFalse(text.contains("eyJ"), () -> "a token in " + where + ": " + text);
    assertFalse(text.contains(REFRESH), () -> "the refresh token in " + where + ": " + text);
  }

  /** {@link #assertNoSecret} for every file under {@code dir}. */
  public static void assertNoSecretIn(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertNoSecret(
            file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
