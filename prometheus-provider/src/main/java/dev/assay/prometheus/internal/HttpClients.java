/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.http.InsecureTls;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp clients of one provider: one derived from the base client (sharing its connection pool and dispatcher)
 * with the metric's timeout as the only deadline, and, created on first use, a variant that skips TLS verification
 * for {@code insecure} metrics. Thread-safe.
 */
public final class HttpClients implements AutoCloseable {
  private final OkHttpClient base;
  private final boolean owned;
  private final OkHttpClient verifying;
  private volatile @Nullable OkHttpClient insecure;

  /**
   * Wraps a base client.
   *
   * @param base the client whose pool and dispatcher are shared
   * @param owned whether {@link #close()} releases the base client's resources (true only when we created it)
   */
  public HttpClients(OkHttpClient base, boolean owned) {
    this.base = base;
    this.owned = owned;
    // Argo bounds a query only by its context deadline, so OkHttp's own 10 s read and connect limits are lifted and
    // each call gets the metric's timeout instead.
    this.verifying = base.newBuilder().connectTimeout(java.time.Duration.ZERO).readTimeout(java.time.Duration.ZERO)
        .writeTimeout(java.time.Duration.ZERO).callTimeout(java.time.Duration.ZERO).build();
  }

  /**
   * The client for a metric.
   *
   * @param skipTlsVerification the metric's {@code insecure} flag
   * @return the client
   */
  public OkHttpClient forSettings(boolean skipTlsVerification) {
    if (!skipTlsVerification) {
      return verifying;
    }
    OkHttpClient c = insecure;
    if (c == null) {
      synchronized (this) {
        c = insecure;
        if (c == null) {
          c = InsecureTls.skipVerification(verifying);
          insecure = c;
        }
      }
    }
    return c;
  }

  /** Releases the base client's threads and connections when this provider created it. */
  @Override
  public void close() {
    if (owned) {
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
    }
  }
}
