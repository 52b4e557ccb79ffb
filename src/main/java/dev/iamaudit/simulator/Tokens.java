package dev.iamaudit.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token endpoint: trades an API key for a JWT-shaped access token, signed (HS256) with a key of
 * this simulator run, so protected endpoints can check it without remembering tokens. The payload
 * carries what clients read from IBM's tokens: {@code iam_id}, {@code account.bss}, {@code iat},
 * {@code exp}.
 */
final class Tokens {
  static final String GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";
  static final long LIFETIME_SECONDS = 3600;

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      BASE64URL.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));

  private final SimulatedAccount account;
  private final Clock clock;
  private final byte[] signingKey = new byte[32];

  /**
   * Which login each token was issued to, by its {@code jti}: what the token's key may not do is
   * the login's.
   */
  private final Map<String, SimulatedAccount.Login> logins = new ConcurrentHashMap<>();

  /**
   * Tokens already checked, with when they expire: a client sends the same one on thousands of
   * calls.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(Call.Caller caller, long expires) {}

  Tokens(SimulatedAccount account, Clock clock) {
    this.account = account;
    this.clock = clock;
    new SecureRandom().nextBytes(signingKey);
  }

  Reply issue(Call call) {
    long now = clock.instant().getEpochSecond();
    if (!GRANT_TYPE.equals(call.formParam("grant_type"))) {
      return Errors.token(
          400,
          call,
          clock.instant(),
          "BXNIM0103E",
          "Grant type is not supported.",
          "Property 'grant_type' must be '" + GRANT_TYPE + "'.");
    }
    String apiKey = call.formParam("apikey");
    if (apiKey == null || apiKey.isBlank()) {
      return Errors.token(
          400,
          call,
          clock.instant(),
          "BXNIM0109E",
          "Property missing or empty.",
          "Property 'apikey' is missing or empty.");
    }
    SimulatedAccount.Login login =
        account.logins().stream()
            .filter(
                candidate ->
                    MessageDigest.isEqual(
                        candidate.apiKey().getBytes(StandardCharsets.UTF_8),
                        apiKey.trim().getBytes(StandardCharsets.UTF_8)))
            .findFirst()
            .orElse(null);
    if (login == null) {
      return Errors.token(
          400,
          call,
          clock.instant(),
          "BXNIM0415E",
          "Provided API key could not be found.",
          "The API key does not exist, was deleted, or belongs to another environment.");
    }
    String jti = UUID.randomUUID().toString();
    logins.put(jti, login);
    String token = sign(payload(login, jti, now));
    long imsUserId = imsUserId(login.iamId());
    return Reply.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeStringField("access_token", token);
          json.writeStringField("refresh_token", "not_supported");
          json.writeNumberField("ims_user_id", imsUserId);
          json.writeStringField("token_type", "Bearer");
          json.writeNumberField("expires_in", LIFETIME_SECONDS);
          json.writeNumberField("expiration", now + LIFETIME_SECONDS);
          json.writeStringField("scope", "ibm openid");
          json.writeEndObject();
        });
  }

  /**
   * @return the caller, or null when the header holds no token of this run or it expired
   */
  Call.Caller verify(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    Verified known = verified.get(token);
    if (known != null) {
      return known.expires() <= clock.instant().getEpochSecond() ? null : known.caller();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3
        || !MessageDigest.isEqual(
            mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
            parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    try {
      JsonNode payload = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (payload.path("exp").asLong() <= clock.instant().getEpochSecond()) {
        return null;
      }
      SimulatedAccount.Login login = logins.get(payload.path("jti").asText());
      Call.Caller caller =
          new Call.Caller(
              payload.path("iam_id").asText(),
              payload.path("account").path("bss").asText(),
              login == null ? List.of() : login.refused());
      verified.put(token, new Verified(caller, payload.path("exp").asLong()));
      return caller;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] payload(SimulatedAccount.Login login, String jti, long now) {
    boolean service = login.iamId().startsWith("iam-ServiceId-");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("iam_id", login.iamId());
      json.writeStringField("id", login.iamId());
      json.writeStringField(
          "realmid", service ? "iam" : login.iamId().startsWith("IBMid-") ? "IBMid" : "iam");
      json.writeStringField("jti", jti);
      json.writeStringField("identifier", service ? login.iamId().substring(4) : login.iamId());
      json.writeStringField("sub", service ? login.iamId().substring(4) : login.iamId());
      json.writeStringField("sub_type", service ? "ServiceId" : "User");
      json.writeObjectFieldStart("account");
      json.writeBooleanField("valid", true);
      json.writeStringField("bss", account.accountId());
      json.writeBooleanField("frozen", true);
      json.writeEndObject();
      json.writeNumberField("iat", now);
      json.writeNumberField("exp", now + LIFETIME_SECONDS);
      json.writeStringField("iss", "https://iam.cloud.ibm.com/identity");
      json.writeStringField("grant_type", GRANT_TYPE);
      json.writeStringField("scope", "ibm openid");
      json.writeStringField("client_id", "default");
      json.writeNumberField("acr", 1);
      json.writeArrayFieldStart("amr");
      json.writeString("pwd");
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private String sign(byte[] payload) {
    String unsigned = HEADER + "." + BASE64URL.encodeToString(payload);
    return unsigned + "." + mac(unsigned);
  }

  private String mac(String unsigned) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      return BASE64URL.encodeToString(hmac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A stable IMS user number per identity, like IBM's {@code ims_user_id}. */
  private static long imsUserId(String iamId) {
    return 1_000_000L + Math.floorMod(iamId.hashCode(), 9_000_000);
  }
}
