/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.gotext.GoHttpText;
import dev.assay.gotext.GoQuote;
import dev.assay.http.GoTransportText;
import dev.assay.http.OAuth2Exception;
import dev.assay.model.OAuth2Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One client-credentials token request and its response, as Go's oauth2 {@code internal/token.go} does it. */
public final class TokenExchange {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final int MAX_TOKEN_RESPONSE = 1 << 20;
  private static final int MAX_BODY_IN_MESSAGE = 1024;
  private static final String REDACTED = "*****";

  private final OkHttpClient client;
  private final OAuth2Config config;
  private final Map<String, String> headers;
  private final Consumer<String> secrets;

  /** A granted token: the {@code Authorization} value and its lifetime (0 when the server gave none). */
  public record Token(String authorization, long expiresInSeconds) {
    @Override
    public String toString() {
      return "Token[expiresIn=" + expiresInSeconds + "]";
    }
  }

  /**
   * Prepares requests for one client.
   *
   * @param client the HTTP client
   * @param config the client-credentials settings
   * @param headers extra request headers
   * @param secrets learns the basic-auth value and the token
   */
  public TokenExchange(OkHttpClient client, OAuth2Config config, Map<String, String> headers,
      Consumer<String> secrets) {
    this.client = client;
    this.config = config;
    this.headers = headers;
    this.secrets = secrets;
  }

  /**
   * Hands every form of the client secret to the sink: raw, and as it travels in a form or a basic-auth header.
   *
   * @param config the settings
   * @param secrets the sink
   */
  public static void learnSecrets(OAuth2Config config, Consumer<String> secrets) {
    String secret = config.clientSecret();
    if (secret.isEmpty()) {
      return;
    }
    secrets.accept(secret);
    secrets.accept(GoHttpText.queryEscape(secret));
    secrets.accept(basic(config));
  }

  /**
   * A message with every form of the client secret replaced by {@code *****}.
   *
   * @param config the settings
   * @param message the message
   * @return the redacted message
   */
  public static String redact(OAuth2Config config, String message) {
    String secret = config.clientSecret();
    if (secret.isEmpty()) {
      return message;
    }
    return message.replace(basic(config), REDACTED).replace(GoHttpText.queryEscape(secret), REDACTED)
        .replace(secret, REDACTED);
  }

  /**
   * Requests a token.
   *
   * @param credentialsInForm whether the client id and secret go in the form instead of a basic-auth header
   * @param timeout how long the request may take
   * @return the token
   * @throws OAuth2Exception with Go's message, redacted
   */
  public Token request(boolean credentialsInForm, Duration timeout) {
    if (timeout.isZero()) {
      throw new OAuth2Exception(GoHttpText.urlError("POST", config.tokenUrl(), "context deadline exceeded"));
    }
    Map<String, String> form = new TreeMap<>();
    form.put("grant_type", "client_credentials");
    if (!config.scopes().isEmpty()) {
      form.put("scope", String.join(" ", config.scopes()));
    }
    Request.Builder request = new Request.Builder().url(config.tokenUrl());
    if (credentialsInForm) {
      form.put("client_id", config.clientId());
      if (!config.clientSecret().isEmpty()) {
        form.put("client_secret", config.clientSecret());
      }
    } else {
      request.header("Authorization", "Basic " + basic(config));
    }
    headers.forEach(request::header);
    StringBuilder encoded = new StringBuilder();
    form.forEach((k, v) -> encoded.append(encoded.length() == 0 ? "" : "&").append(GoHttpText.queryEscape(k))
        .append('=').append(GoHttpText.queryEscape(v)));
    request.post(RequestBody.create(encoded.toString(), FORM));
    Call call = client.newCall(request.build());
    call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      return read(response);
    } catch (IOException e) {
      throw failure(GoHttpText.urlError("POST", config.tokenUrl(), GoTransportText.cause(e, call.request().url())));
    }
  }

  private Token read(Response response) throws IOException {
    String body;
    try (InputStream in = response.body().byteStream()) {
      body = new String(in.readNBytes(MAX_TOKEN_RESPONSE), StandardCharsets.UTF_8);
    }
    String contentType = mediaType(response.header("Content-Type", ""));
    boolean formEncoded = contentType.equals("application/x-www-form-urlencoded") || contentType.equals("text/plain");
    Map<String, String> fields = formEncoded ? GoHttpText.parseQuery(body) : jsonFields(body, response.isSuccessful());
    if (!response.isSuccessful()) {
      throw failure(retrieveError(response, body, fields));
    }
    String accessToken = fields.getOrDefault("access_token", "");
    if (accessToken.isEmpty()) {
      throw failure("oauth2: server response missing access_token");
    }
    secrets.accept(accessToken);
    String authorization = tokenType(fields.getOrDefault("token_type", "")) + " " + accessToken;
    secrets.accept(authorization);
    return new Token(authorization, parseExpiresIn(fields.getOrDefault("expires_in", "")));
  }

  private OAuth2Exception failure(String message) {
    return new OAuth2Exception(redact(config, message));
  }

  private static String basic(OAuth2Config config) {
    String pair = GoHttpText.queryEscape(config.clientId()) + ":" + GoHttpText.queryEscape(config.clientSecret());
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String mediaType(String header) {
    int semicolon = header.indexOf(';');
    String type = semicolon < 0 ? header : header.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> jsonFields(String body, boolean successful) {
    Map<String, String> fields = new TreeMap<>();
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isObject()) {
        node.properties().forEach(e -> fields.put(e.getKey(),
            e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
      }
    } catch (IOException e) {
      if (successful) {
        throw new OAuth2Exception("oauth2: cannot parse json: " + firstLine(e.getMessage()));
      }
    }
    return fields;
  }

  private static String retrieveError(Response response, String body, Map<String, String> fields) {
    String code = fields.getOrDefault("error", "");
    if (!code.isEmpty()) {
      StringBuilder out = new StringBuilder("oauth2: ").append(GoQuote.quote(code));
      String description = fields.getOrDefault("error_description", "");
      String uri = fields.getOrDefault("error_uri", "");
      if (!description.isEmpty()) {
        out.append(' ').append(GoQuote.quote(description));
      }
      if (!uri.isEmpty()) {
        out.append(' ').append(GoQuote.quote(uri));
      }
      return out.toString();
    }
    String shown = body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "..." : body;
    return "oauth2: cannot fetch token: " + GoHttpText.statusLine(response.code(), response.message())
        + "\nResponse: " + shown;
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

  private static String firstLine(@org.jspecify.annotations.Nullable String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
