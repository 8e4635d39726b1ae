/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import dev.assay.model.GoDuration;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Short reasons for failed requests, worded so that equal causes group together in a verdict's failure summary
 * ("connection refused ×3"): no addresses, ports or stack traces, at most one line of a message.
 */
public final class FailureReasons {
  private static final int MAX_MESSAGE = 120;

  private FailureReasons() {}

  /**
   * The reason for a request that ended with an exception.
   *
   * @param error the exception, possibly wrapped in a {@link CompletionException}
   * @param timeout the request's timeout, for the wording
   * @return the reason
   */
  public static String of(Throwable error, Duration timeout) {
    Throwable e = unwrap(error);
    if (e instanceof ConnectException) {
      String m = e.getMessage();
      return m == null || m.isBlank() || m.toLowerCase(java.util.Locale.ROOT).contains("refused")
          ? "connection refused" : "cannot connect: " + oneLine(m);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + GoDuration.format(timeout);
    }
    if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
      return timedOut(timeout);
    }
    if (e instanceof SSLException) {
      return "TLS failed: " + oneLine(e.getMessage());
    }
    if (e instanceof CancellationException) {
      return "cancelled";
    }
    if (e instanceof ClosedChannelException) {
      return "connection closed";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + oneLine(m));
  }

  /**
   * The reason for a request that took longer than its timeout.
   *
   * @param timeout the timeout
   * @return the reason
   */
  public static String timedOut(Duration timeout) {
    return "timed out after " + GoDuration.format(timeout);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    // The JDK client wraps a refused connection as ConnectException(cause ConnectException) or IOException(cause).
    if (!(e instanceof ConnectException) && e.getCause() instanceof ConnectException) {
      return e.getCause();
    }
    return e;
  }

  private static String oneLine(@Nullable String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl).strip();
    }
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }
}
