/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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
    X509TrustManager trustAll = new TrustAll();
    this.insecure = base.newBuilder()
        .proxy(Proxy.NO_PROXY)
        .sslSocketFactory(trustingContext(trustAll).getSocketFactory(), trustAll)
        .hostnameVerifier((host, session) -> true)
        .build();
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

  private static SSLContext trustingContext(X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** Accepts every certificate: the metric asked for {@code insecure: true}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
