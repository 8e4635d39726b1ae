/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import dev.assay.http.InsecureTls;
import java.net.Proxy;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The two HTTP clients a Web provider needs, derived from one base client so they share its connection pool:
 * a verifying client that takes proxies from the environment, and an {@code insecure} one that skips certificate
 * checks and, as Go's bare transport in Argo, uses no proxy. Redirects are followed by {@link HttpExchange}, and the
 * only timeout is the per-call deadline it sets. Thread-safe.
 */
public final class WebClients implements AutoCloseable {
  private final @Nullable OkHttpClient owned;
  private final OkHttpClient verifying;
  private final OkHttpClient insecure;

  /**
   * Derives the clients.
   *
   * @param shared a client to share, or null to create (and later close) one
   * @param environment where proxy variables are read
   */
  public WebClients(@Nullable OkHttpClient shared, Function<String, @Nullable String> environment) {
    this.owned = shared == null ? new OkHttpClient() : null;
    OkHttpClient base = (shared == null ? owned : shared).newBuilder()
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ZERO)
        .build();
    this.verifying = base.newBuilder().proxySelector(new EnvironmentProxySelector(environment)).build();
    this.insecure = InsecureTls.skipVerification(base.newBuilder().proxy(Proxy.NO_PROXY).build());
  }

  /**
   * The client for a metric.
   *
   * @param skipTlsVerification the metric's {@code insecure} flag
   * @return the client
   */
  public OkHttpClient forMetric(boolean skipTlsVerification) {
    return skipTlsVerification ? insecure : verifying;
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.connectionPool().evictAll();
    }
  }
}
