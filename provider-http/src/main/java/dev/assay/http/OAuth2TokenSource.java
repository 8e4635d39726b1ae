/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.http;

import dev.assay.gotext.GoHttpText;
import dev.assay.http.internal.TokenExchange;
import dev.assay.model.OAuth2Config;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * OAuth2 client-credentials tokens for the providers, fetched as Go's {@code golang.org/x/oauth2/clientcredentials}
 * (which Argo uses) fetches them:
 * <ul>
 *   <li>client credentials first in a basic-auth header, then, if the server refuses that, in the form; the style
 *       that worked is remembered per token URL and client;</li>
 *   <li>JSON or form-encoded token responses, {@code token_type} as Go normalises it, OAuth2 error fields in the
 *       message ({@code oauth2: "invalid_client" "description"}), otherwise
 *       {@code oauth2: cannot fetch token: 401 Unauthorized\nResponse: <body, cut at 1 KiB>};</li>
 *   <li>a token is reused until 10 s before it expires; one without {@code expires_in} is reused until the
 *       configuration changes (Go's zero expiry means "never expires");</li>
 *   <li>concurrent callers for one client wait for a single token request; at most 256 clients are cached.</li>
 * </ul>
 * Secrets never reach a message: the client secret (raw and as it is encoded on the wire), the basic-auth value and
 * the token are handed to the caller's secret sink before any request is sent, and replaced by {@code *****} in
 * every message this class produces. Thread-safe.
 */
public final class OAuth2TokenSource {
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);
  private static final int MAX_CLIENTS = 256;

  private final Map<String, Boolean> credentialsInForm = new ConcurrentHashMap<>();
  private final Map<String, Slot> tokens = new ConcurrentHashMap<>();

  /** Creates a token source with an empty cache. */
  public OAuth2TokenSource() {}

  /**
   * The {@code Authorization} header value for a client, from the cache or freshly fetched.
   *
   * @param client the HTTP client for the token request (the metric's, so its TLS setting applies)
   * @param config the client-credentials settings
   * @param headers extra headers to send with the token request (the Prometheus provider sends the metric's);
   *     empty for none
   * @param timeout the whole budget for the token request, both credential styles included; positive
   * @param now the engine clock's time, which decides whether a cached token has expired
   * @param secrets learns every secret text before it is used, so the caller can redact it
   * @return for example {@code Bearer abc}
   * @throws OAuth2Exception with the Go library's message (not yet wrapped in the request's {@code Get "url": })
   */
  public String authorization(OkHttpClient client, OAuth2Config config, Map<String, String> headers,
      Duration timeout, Instant now, Consumer<String> secrets) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(config, "config");
    TokenExchange.learnSecrets(config, secrets);
    if (tokens.size() > MAX_CLIENTS) {
      tokens.clear(); // rotated secrets leave stale entries; dropping them costs one token request each
    }
    String styleKey = config.tokenUrl() + "\n" + config.clientId();
    String cacheKey = styleKey + "\n" + config.clientSecret() + "\n" + String.join(" ", config.scopes())
        + "\n" + headers;
    Slot slot = tokens.computeIfAbsent(cacheKey, k -> new Slot());
    synchronized (slot) {
      if (slot.authorization != null && (slot.reuseUntil == null || now.isBefore(slot.reuseUntil))) {
        secrets.accept(slot.authorization);
        return slot.authorization;
      }
      TokenExchange.Token token = fetch(client, config, headers, timeout, styleKey, secrets);
      slot.authorization = token.authorization();
      slot.reuseUntil = token.expiresInSeconds() > 0
          ? now.plusSeconds(token.expiresInSeconds()).minus(EXPIRY_MARGIN) : null;
      return token.authorization();
    }
  }

  private TokenExchange.Token fetch(OkHttpClient client, OAuth2Config config, Map<String, String> headers,
      Duration timeout, String styleKey, Consumer<String> secrets) {
    if (okhttp3.HttpUrl.parse(config.tokenUrl()) == null) {
      throw new OAuth2Exception(TokenExchange.redact(config, GoHttpText.urlError("POST", config.tokenUrl(),
          "unsupported protocol scheme \"\"")));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Boolean known = credentialsInForm.get(styleKey);
    TokenExchange exchange = new TokenExchange(client, config, headers, secrets);
    try {
      return exchange.request(known != null && known, remaining(deadline));
    } catch (OAuth2Exception first) {
      if (known != null || remaining(deadline).isZero()) {
        throw first;
      }
    }
    // As the Go library does: when the header style fails, assume the server wants the credentials in the form.
    TokenExchange.Token token = exchange.request(true, remaining(deadline));
    credentialsInForm.put(styleKey, true);
    return token;
  }

  private static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** One client's cached token; its text never shows the token. */
  private static final class Slot {
    @Nullable String authorization;
    @Nullable Instant reuseUntil;

    @Override
    public String toString() {
      return "Slot[reuseUntil=" + reuseUntil + "]";
    }
  }
}
