/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.model.OAuth2Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth2 client-credentials tokens, fetched as Go's {@code golang.org/x/oauth2/clientcredentials} fetches them:
 * credentials first in a basic-auth header, then (if that fails) in the form; the style that worked is remembered per
 * token URL and client. Tokens with an expiry are reused until ten seconds before it. Error texts are the library's,
 * such as {@code oauth2: cannot fetch token: 401 Unauthorized\nResponse: ...}. Thread-safe.
 */
public final class OAuth2TokenFetcher {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final int MAX_TOKEN_RESPONSE = 1 << 20;
  private static final int MAX_BODY_IN_MESSAGE = 1024;
  private static final long EXPIRY_MARGIN_SECONDS = 10;

  private final Clock clock;
  private final Map<String, Boolean> credentialsInForm = new ConcurrentHashMap<>();
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

  private record CachedToken(String authorization, Instant reuseUntil) {
    @Override
    public String toString() {
      return "CachedToken[reuseUntil=" + reuseUntil + "]";
    }
  }

  /** Thrown with the token library's message (not yet wrapped in the request's {@code Get "url": ...}). */
  public static final class TokenException extends Exception {
    private static final long serialVersionUID = 1L;

    TokenException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Creates a fetcher.
   *
   * @param clock the clock that decides token expiry
   */
  public OAuth2TokenFetcher(Clock clock) {
    this.clock = clock;
  }

  /**
   * The {@code Authorization} header value for a configuration, from the cache or freshly fetched.
   *
   * @param client the HTTP client to use for the token request
   * @param config the client-credentials settings (tokenUrl set)
   * @param timeoutMillis how long the token request may take
   * @param redactor learns the client secret and the token
   * @return for example {@code Bearer abc}
   * @throws TokenException with the token library's message
   */
  public String authorization(OkHttpClient client, OAuth2Config config, long timeoutMillis, Redactor redactor)
      throws TokenException {
    redactor.add(config.clientSecret());
    String styleKey = config.tokenUrl() + "\n" + config.clientId();
    String cacheKey = styleKey + "\n" + config.clientSecret() + "\n" + String.join(" ", config.scopes());
    CachedToken cached = tokens.get(cacheKey);
    if (cached != null && clock.instant().isBefore(cached.reuseUntil())) {
      redactor.add(cached.authorization());
      return cached.authorization();
    }
    Boolean known = credentialsInForm.get(styleKey);
    TokenException failure;
    try {
      return fetch(client, config, known != null && known, timeoutMillis, redactor, cacheKey);
    } catch (TokenException e) {
      if (known != null) {
        throw e;
      }
      failure = e;
    }
    // Like the Go library: when the header style fails, assume the server wants the credentials in the form.
    try {
      String authorization = fetch(client, config, true, timeoutMillis, redactor, cacheKey);
      credentialsInForm.put(styleKey, true);
      return authorization;
    } catch (TokenException e) {
      failure = e;
    }
    throw failure;
  }

  private String fetch(OkHttpClient client, OAuth2Config config, boolean inForm, long timeoutMillis,
      Redactor redactor, String cacheKey) throws TokenException {
    Map<String, String> form = new TreeMap<>();
    form.put("grant_type", "client_credentials");
    if (!config.scopes().isEmpty()) {
      form.put("scope", String.join(" ", config.scopes()));
    }
    Request.Builder request = new Request.Builder().url(config.tokenUrl());
    if (inForm) {
      form.put("client_id", config.clientId());
      if (!config.clientSecret().isEmpty()) {
        form.put("client_secret", config.clientSecret());
      }
    } else {
      String pair = GoText.queryEscape(config.clientId()) + ":" + GoText.queryEscape(config.clientSecret());
      String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      redactor.add(basic);
      request.header("Authorization", "Basic " + basic);
    }
    StringBuilder encoded = new StringBuilder();
    form.forEach((k, v) -> encoded.append(encoded.length() == 0 ? "" : "&").append(GoText.queryEscape(k))
        .append('=').append(GoText.queryEscape(v)));
    request.post(RequestBody.create(encoded.toString(), FORM));
    Instant sentAt = clock.instant();
    Call call = client.newCall(request.build());
    call.timeout().timeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      String body = readLimited(response.body());
      String contentType = mediaType(response.header("Content-Type", ""));
      boolean formEncoded = contentType.equals("application/x-www-form-urlencoded")
          || contentType.equals("text/plain");
      Map<String, String> fields = formEncoded ? GoText.parseQuery(body) : jsonFields(body, response.isSuccessful());
      if (!response.isSuccessful()) {
        throw new TokenException(retrieveError(response, body, fields));
      }
      String accessToken = fields.getOrDefault("access_token", "");
      if (accessToken.isEmpty()) {
        throw new TokenException("oauth2: server response missing access_token");
      }
      String authorization = tokenType(fields.getOrDefault("token_type", "")) + " " + accessToken;
      redactor.add(accessToken);
      long expiresIn = parseExpiresIn(fields.getOrDefault("expires_in", ""));
      if (expiresIn > 0) {
        tokens.put(cacheKey,
            new CachedToken(authorization, sentAt.plusSeconds(expiresIn - EXPIRY_MARGIN_SECONDS)));
      }
      return authorization;
    } catch (IOException e) {
      throw new TokenException(GoText.urlError("POST", config.tokenUrl(), HttpExchange.goCause(e, call)));
    }
  }

  private static String readLimited(ResponseBody body) throws IOException {
    try (InputStream in = body.byteStream()) {
      return new String(in.readNBytes(MAX_TOKEN_RESPONSE), StandardCharsets.UTF_8);
    }
  }

  private static String mediaType(String header) {
    int semicolon = header.indexOf(';');
    String type = semicolon < 0 ? header : header.substring(0, semicolon);
    return type.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, String> jsonFields(String body, boolean successful) throws TokenException {
    Map<String, String> fields = new TreeMap<>();
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isObject()) {
        node.properties().forEach(e -> fields.put(e.getKey(),
            e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
      }
    } catch (IOException e) {
      if (successful) {
        throw new TokenException("oauth2: cannot parse json: " + firstLine(e.getMessage()));
      }
    }
    return fields;
  }

  private static String retrieveError(Response response, String body, Map<String, String> fields) {
    String code = fields.getOrDefault("error", "");
    if (!code.isEmpty()) {
      StringBuilder out = new StringBuilder("oauth2: ").append(GoText.quote(code));
      String description = fields.getOrDefault("error_description", "");
      String uri = fields.getOrDefault("error_uri", "");
      if (!description.isEmpty()) {
        out.append(' ').append(GoText.quote(description));
      }
      if (!uri.isEmpty()) {
        out.append(' ').append(GoText.quote(uri));
      }
      return out.toString();
    }
    String shown = body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "..." : body;
    return "oauth2: cannot fetch token: " + GoText.statusLine(response.code(), response.message()) + "\nResponse: " + shown;
  }

  private static String tokenType(String type) {
    if (type.equalsIgnoreCase("bearer") || type.isEmpty()) {
      return "Bearer";
    } else if (type.equalsIgnoreCase("mac")) {
      return "MAC";
    } else if (type.equalsIgnoreCase("basic")) {
      return "Basic";
    }
    return type;
  }

  private static long parseExpiresIn(String text) {
    try {
      return (long) Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
