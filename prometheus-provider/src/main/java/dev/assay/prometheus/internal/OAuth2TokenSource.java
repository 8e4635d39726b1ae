/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.assay.model.OAuth2Config;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * OAuth2 client-credentials tokens, fetched through the metric's own transport and headers, cached per client until
 * 10 s before they expire (as golang.org/x/oauth2 does). Client authentication is tried in the {@code Authorization}
 * header first and then in the form, like Go's auto-detect style. Thread-safe.
 */
final class OAuth2TokenSource {
  private static final Duration EXPIRY_DELTA = Duration.ofSeconds(10);
  private static final int MAX_ERROR_BODY = 512;
  private static final int MAX_CLIENTS = 256;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final HttpClients clients;
  private final long maxResponseBytes;
  private final ConcurrentMap<Key, Slot> cache = new ConcurrentHashMap<>();

  OAuth2TokenSource(HttpClients clients, long maxResponseBytes) {
    this.clients = clients;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** A valid access token for the metric's OAuth2 client, fetching one when none is cached or it expired. */
  String token(QuerySettings settings, Instant now, HttpUrl target) {
    OAuth2Config config = java.util.Objects.requireNonNull(settings.oauth2(), "oauth2");
    if (cache.size() > MAX_CLIENTS) {
      cache.clear(); // rotated secrets leave stale entries; dropping them only costs one token request each
    }
    Slot slot = cache.computeIfAbsent(
        new Key(config.tokenUrl(), config.clientId(), config.clientSecret(), config.scopes(), settings.insecure()),
        k -> new Slot());
    synchronized (slot) {
      if (slot.token != null && (slot.expiry == null || now.isBefore(slot.expiry.minus(EXPIRY_DELTA)))) {
        return slot.token;
      }
      try {
        Token fresh = fetch(settings, config, target);
        slot.token = fresh.accessToken;
        slot.expiry = fresh.expiresInSeconds > 0 ? now.plusSeconds(fresh.expiresInSeconds) : null;
        return fresh.accessToken;
      } catch (QueryException e) {
        // The token endpoint may echo the secret back; it never reaches a message.
        throw new QueryException(e.getMessage().replace(config.clientSecret(), "*****"));
      }
    }
  }

  private Token fetch(QuerySettings settings, OAuth2Config config, HttpUrl target) {
    HttpUrl tokenUrl = HttpUrl.parse(config.tokenUrl());
    String prefix = "Post \"" + target + "\": oauth2: cannot fetch token: ";
    if (tokenUrl == null) {
      throw new QueryException(prefix + "invalid token URL");
    }
    try {
      return request(settings, config, tokenUrl, true);
    } catch (TokenError inHeader) {
      try {
        return request(settings, config, tokenUrl, false);
      } catch (TokenError inForm) {
        throw new QueryException(inForm.describe(prefix, target));
      }
    }
  }

  private Token request(QuerySettings settings, OAuth2Config config, HttpUrl tokenUrl, boolean credentialsInHeader)
      throws TokenError {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (!config.scopes().isEmpty()) {
      form.add("scope", String.join(" ", config.scopes()));
    }
    Request.Builder request = new Request.Builder().url(tokenUrl);
    if (credentialsInHeader) {
      request.header("Authorization", okhttp3.Credentials.basic(
          URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8),
          URLEncoder.encode(config.clientSecret(), StandardCharsets.UTF_8)));
    } else {
      form.add("client_id", config.clientId()).add("client_secret", config.clientSecret());
    }
    request.post(form.build());
    PrometheusHttp.applyHeaders(request, settings.headers());
    try (Response response =
        PrometheusHttp.execute(clients.forSettings(settings.insecure()), request.build(), settings.timeout())) {
      byte[] body = new BoundedInputStream(response.body().byteStream(), maxResponseBytes).readAllBytes();
      if (response.code() / 100 != 2) {
        throw new TokenError(response.code() + " " + response.message(), body, null);
      }
      return parse(body);
    } catch (QueryException e) {
      throw new TokenError(null, new byte[0], e.getMessage());
    } catch (IOException e) {
      throw new TokenError(null, new byte[0], e.getMessage());
    }
  }

  private static Token parse(byte[] body) throws TokenError {
    String accessToken = "";
    long expiresIn = 0;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new TokenError(null, body, "token response is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if ("access_token".equals(name) && v == JsonToken.VALUE_STRING) {
          accessToken = p.getText();
        } else if ("expires_in".equals(name) && (v.isNumeric() || v == JsonToken.VALUE_STRING)) {
          expiresIn = p.getValueAsLong(0);
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new TokenError(null, body, "cannot parse token response: " + e.getMessage());
    }
    if (accessToken.isEmpty()) {
      throw new TokenError(null, body, "server response missing access_token");
    }
    return new Token(accessToken, expiresIn);
  }

  /** A cache key; its text never shows the secret. */
  private record Key(String tokenUrl, String clientId, String clientSecret, List<String> scopes, boolean insecure) {
    @Override
    public String toString() {
      return "Key[tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
    }
  }

  private static final class Slot {
    @Nullable String token;
    @Nullable Instant expiry;

    @Override
    public String toString() {
      return "Slot[expiry=" + expiry + "]";
    }
  }

  private record Token(String accessToken, long expiresInSeconds) {
    @Override
    public String toString() {
      return "Token[expiresIn=" + expiresInSeconds + "]";
    }
  }

  /** A failed token request: an HTTP status with its body, or a transport or format problem. */
  private static final class TokenError extends Exception {
    private static final long serialVersionUID = 1L;
    private final @Nullable String status;
    private final String body;
    private final @Nullable String problem;

    TokenError(@Nullable String status, byte[] body, @Nullable String problem) {
      super(status != null ? status : problem, null, false, false);
      this.status = status;
      String text = new String(body, StandardCharsets.UTF_8);
      this.body = text.length() > MAX_ERROR_BODY ? text.substring(0, MAX_ERROR_BODY) + "..." : text;
      this.problem = problem;
    }

    String describe(String prefix, HttpUrl target) {
      if (status != null) {
        return prefix + status + "\nResponse: " + body;
      }
      return prefix + problem;
    }
  }
}
