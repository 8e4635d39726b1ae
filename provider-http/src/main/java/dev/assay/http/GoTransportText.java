/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * Transport failures worded as Go's {@code net/http} client words them behind a {@code Client.Timeout}, such as
 * {@code dial tcp 127.0.0.1:9: connect: connection refused}. Stateless.
 */
public final class GoTransportText {
  private GoTransportText() {}

  /**
   * The cause part of Go's {@code url.Error} for a Java transport failure.
   *
   * @param e the failure
   * @param url the URL that was called
   * @return for example {@code context deadline exceeded (Client.Timeout exceeded while awaiting headers)}
   */
  public static String cause(IOException e, HttpUrl url) {
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
    } else if (e instanceof InterruptedIOException) {
      return "context canceled";
    } else if (e instanceof ConnectException) {
      return "dial tcp " + url.host() + ":" + url.port() + ": connect: connection refused";
    } else if (e instanceof UnknownHostException) {
      return "dial tcp: lookup " + url.host() + ": no such host";
    } else if (e instanceof SSLException) {
      return "tls: " + describe(e);
    }
    return describe(e);
  }

  /**
   * A transport failure's text with Go's words for the common cases ({@code EOF},
   * {@code read: connection reset by peer}), without the dial and timeout texts of {@link #cause}.
   *
   * @param e the failure
   * @return the text
   */
  public static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isEmpty()) {
      return e.getClass().getSimpleName();
    } else if (message.startsWith("unexpected end of stream")) {
      return "EOF";
    } else if (message.equalsIgnoreCase("Connection reset")) {
      return "read: connection reset by peer";
    }
    return message;
  }
}
