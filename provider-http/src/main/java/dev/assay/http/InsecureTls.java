/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.http;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The client variant for metrics that say {@code insecure: true}: it accepts any certificate and any host name, as
 * Go's {@code InsecureSkipVerify} does. Nothing else uses it: TLS verification stays on unless a template asks.
 */
public final class InsecureTls {
  private InsecureTls() {}

  /**
   * A client that shares the given client's connection pool and dispatcher but skips TLS verification.
   *
   * @param verifying the client to derive from
   * @return the derived client
   * @throws IllegalStateException when the JVM has no TLS implementation
   */
  public static OkHttpClient skipVerification(OkHttpClient verifying) {
    X509TrustManager trustAll = new TrustAll();
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return verifying.newBuilder().sslSocketFactory(tls.getSocketFactory(), trustAll)
          .hostnameVerifier((host, session) -> true).build();
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
