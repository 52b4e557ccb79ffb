package dev.iamaudit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP client for the simulator's tests, independent of the product's IAM client. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient CLIENT =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  /** One answer, fully read. */
  record Answer(int code, Headers headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final URI base;
  private String token;

  Http(URI base) {
    this.base = base;
  }

  Answer tokenRequest(String apiKey) {
    return send(
        new Request.Builder()
            .url(base + "/identity/token")
            .post(
                new FormBody.Builder()
                    .add("grant_type", "urn:ibm:params:oauth:grant-type:apikey")
                    .add("apikey", apiKey)
                    .build())
            .build());
  }

  /** Logs in with the key; later requests carry the token. */
  Http login(String apiKey) {
    Answer answer = tokenRequest(apiKey);
    if (answer.code() != 200) {
      throw new AssertionError("login failed: " + answer);
    }
    token = answer.json().get("access_token").asText();
    return this;
  }

  Answer get(String pathAndQuery) {
    return send(authorized(new Request.Builder().url(absolute(pathAndQuery)).get()).build());
  }

  Answer post(String pathAndQuery) {
    return send(
        authorized(
                new Request.Builder()
                    .url(absolute(pathAndQuery))
                    .post(RequestBody.create(new byte[0], null)))
            .build());
  }

  Answer getWithoutToken(String pathAndQuery) {
    return send(new Request.Builder().url(absolute(pathAndQuery)).get().build());
  }

  Answer getWithAuthorization(String pathAndQuery, String authorization) {
    return send(
        new Request.Builder()
            .url(absolute(pathAndQuery))
            .header("Authorization", authorization)
            .get()
            .build());
  }

  private String absolute(String pathAndQuery) {
    return pathAndQuery.startsWith("http") ? pathAndQuery : base + pathAndQuery;
  }

  private Request.Builder authorized(Request.Builder builder) {
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static Answer send(Request request) {
    try (Response response = CLIENT.newCall(request).execute()) {
      return new Answer(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
