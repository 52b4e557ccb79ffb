package dev.iamaudit.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamaudit.OptionNames;
import dev.iamaudit.failure.DataException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Exchanges the API key for an IAM access token and keeps it fresh: a new one once 80% of its
 * lifetime has passed (as IBM's SDK does), so no request goes out with a token about to expire.
 */
final class TokenProvider {
  static final String PATH = "identity/token";

  /** IBM's token response; {@code expiration} is epoch seconds. */
  record TokenResponse(String accessToken, String refreshToken, Long expiresIn, Long expiration) {}

  private record Token(Secret value, Instant refreshAt) {}

  private final IamHttp http;
  private final Secret apiKey;
  private final String apiKeyOrigin;
  private final OptionNames options;
  private final Clock clock;
  private final Redactor redactor;
  private volatile Token token;

  TokenProvider(IamHttp http, IamSettings settings, Clock clock, Redactor redactor) {
    this.http = http;
    this.apiKey = settings.apiKey();
    this.apiKeyOrigin = settings.apiKeyOrigin();
    this.options = settings.options();
    this.clock = clock;
    this.redactor = redactor;
    redactor.add(apiKey.reveal());
  }

  /**
   * Every request asks; only a missing or ageing token is fetched, by one caller while the others
   * wait.
   */
  Secret token() {
    Token current = token;
    if (current != null && clock.instant().isBefore(current.refreshAt())) {
      return current.value();
    }
    synchronized (this) {
      if (token == null || !clock.instant().isBefore(token.refreshAt())) {
        token = fetch();
      }
      return token.value();
    }
  }

  /** The account the key belongs to: {@code account.bss} in the token's JWT payload. */
  String accountId() {
    return keyAccount()
        .orElseThrow(
            () ->
                new DataException(
                    "The access token from IAM names no account "
                        + "(account.bss in its payload); pass the account id with "
                        + options.name(OptionNames.Setting.ACCOUNT_ID)));
  }

  /** {@link #accountId()}, or empty when the token does not say. */
  Optional<String> keyAccount() {
    String[] parts = token().reveal().split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      JsonNode payload = IamJson.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      String account = payload == null ? null : payload.path("account").path("bss").asText(null);
      return account == null || account.isBlank() ? Optional.empty() : Optional.of(account);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Token fetch() {
    Request request =
        new Request.Builder()
            .url(http.endpoints().iam(PATH))
            .header("Accept", "application/json")
            .post(
                new FormBody.Builder()
                    .add("grant_type", "urn:ibm:params:oauth:grant-type:apikey")
                    .add("apikey", apiKey.reveal())
                    .build())
            .build();
    return http.send(
        request,
        (response, exchange) -> {
          if (response.code() == 400 || response.code() == 401) {
            String why =
                http.errorDetail(response)
                    .map(d -> ": " + (d.endsWith(".") ? d : d + "."))
                    .orElse(" (HTTP " + response.code() + ").");
            throw new DataException(
                "IAM refused the API key" + why + " Check the key in " + apiKeyOrigin);
          }
          if (response.code() != 200) {
            throw http.unexpected(response, exchange);
          }
          TokenResponse body =
              IamJson.read(response.body().byteStream(), TokenResponse.class, exchange.answer());
          if (body.accessToken() == null || body.accessToken().isBlank()) {
            throw new DataException(exchange.answer() + " holds no access_token; try again later");
          }
          redactor.add(body.accessToken());
          // IAM answers an API key grant with refresh_token "not_supported"; a real one is as
          // secret as the token.
          if (body.refreshToken() != null
              && !body.refreshToken().isBlank()
              && !body.refreshToken().equals("not_supported")) {
            redactor.add(body.refreshToken());
          }
          return new Token(new Secret(body.accessToken()), refreshAt(body, exchange));
        });
  }

  private Instant refreshAt(TokenResponse body, IamHttp.Exchange exchange) {
    Instant now = clock.instant();
    Duration lifetime;
    if (body.expiresIn() != null) {
      lifetime = Duration.ofSeconds(body.expiresIn());
    } else if (body.expiration() != null) {
      lifetime = Duration.between(now, Instant.ofEpochSecond(body.expiration()));
    } else {
      throw new DataException(
          exchange.answer() + " gives no expires_in or expiration; try again later");
    }
    return now.plus(lifetime.multipliedBy(8).dividedBy(10));
  }
}
