/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import dev.assay.gotext.GoQuote;
import dev.assay.http.GoTransportText;
import dev.assay.http.OAuth2Exception;
import dev.assay.http.OAuth2TokenSource;
import dev.assay.gotext.GoHttpText;
import dev.assay.model.OAuth2Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends a {@link RequestPlan} the way Go's {@code http.Client} does for Argo: one deadline for the whole exchange
 * (token request and redirects included), redirects followed up to a limit with Go's method and header rules, any
 * status outside 2xx an error, and the body read up to a size bound. Thread-safe.
 */
public final class HttpExchange {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final List<String> SENSITIVE = List.of("Authorization", "Www-Authenticate", "Cookie", "Cookie2");

  private final Clock clock;
  private final long maxBodyBytes;
  private final int maxRedirects;
  private final OAuth2TokenSource tokens;

  /**
   * The 2xx answer of an exchange.
   *
   * @param status the status code
   * @param body the body bytes (at most the bound)
   */
  public record Reply(int status, byte[] body) {}

  /**
   * Creates an exchange.
   *
   * @param clock the clock for the deadline
   * @param maxBodyBytes the largest body accepted, in bytes
   * @param maxRedirects how many redirect answers end the exchange with an error (Go: 10)
   * @param tokens the OAuth2 token source
   */
  public HttpExchange(Clock clock, long maxBodyBytes, int maxRedirects, OAuth2TokenSource tokens) {
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.maxRedirects = maxRedirects;
    this.tokens = tokens;
  }

  /**
   * Runs the exchange.
   *
   * @param client the client (TLS and proxy settings already applied; redirects off)
   * @param plan the first request
   * @param timeout the deadline for the whole exchange
   * @param oauth2 client-credentials settings, or null for none
   * @param redactor hides secrets in messages
   * @return the 2xx answer
   * @throws WebCallException with Argo's message on any failure
   */
  public Reply execute(OkHttpClient client, RequestPlan plan, Duration timeout, @Nullable OAuth2Config oauth2,
      Redactor redactor) {
    long deadline = clock.millis() + timeout.toMillis();
    Request request = plan.toRequest();
    HttpUrl initial = request.url();
    // Messages show the URL as written (user info included, password masked), as Go's do.
    String shownUrl = plan.rawUrl();
    int redirects = 0;
    while (true) {
      Request sent = request;
      if (oauth2 != null && sameDomain(initial, request.url())) {
        try {
          String authorization = tokens.authorization(client, oauth2, Map.of(),
              Duration.ofMillis(Math.max(1, remaining(deadline))), clock.instant(), redactor::add);
          sent = request.newBuilder().header("Authorization", authorization).build();
        } catch (OAuth2Exception e) {
          throw failure(plan.method(), shownUrl, e.getMessage(), redactor);
        }
      }
      Call call = client.newCall(sent);
      call.timeout().timeout(remaining(deadline), TimeUnit.MILLISECONDS);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw failure(plan.method(), shownUrl, goCause(e, call), redactor);
      }
      try (response) {
        int code = response.code();
        String location = response.header("Location");
        if (REDIRECTS.contains(code) && location != null && !location.isEmpty()) {
          String from = shownUrl;
          HttpUrl next = response.request().url().resolve(location);
          if (next == null) {
            throw failure(plan.method(), from,
                "failed to parse Location header " + GoQuote.quote(location) + ": invalid URL", redactor);
          }
          if (++redirects >= maxRedirects) {
            throw failure(plan.method(), from, "stopped after " + maxRedirects + " redirects", redactor);
          }
          request = redirect(request, code, next, initial);
          shownUrl = next.toString();
          continue;
        }
        if (code < 200 || code >= 300) {
          throw new WebCallException("received non 2xx response code: " + code);
        }
        return new Reply(code, readBody(response.body(), redactor));
      }
    }
  }

  private long remaining(long deadline) {
    // OkHttp treats 0 as "no timeout", so a spent deadline becomes the smallest real one.
    return Math.max(1, deadline - clock.millis());
  }

  private static Request redirect(Request previous, int code, HttpUrl next, HttpUrl initial) {
    Request.Builder builder = previous.newBuilder().url(next);
    String method = previous.method();
    if (code == 301 || code == 302 || code == 303) {
      if (!method.equals("GET") && !method.equals("HEAD")) {
        method = "GET";
      }
      builder.method(method, null).removeHeader("Content-Type").removeHeader("Content-Length");
    } else {
      RequestBody body = previous.body();
      builder.method(method, body);
    }
    if (!sameDomain(initial, next)) {
      for (String header : SENSITIVE) {
        builder.removeHeader(header);
      }
    }
    return builder.build();
  }

  /** Go's rule for keeping credentials on a redirect: the same host, or a subdomain of it. */
  static boolean sameDomain(HttpUrl initial, HttpUrl next) {
    String parent = initial.host().toLowerCase(Locale.ROOT);
    String child = next.host().toLowerCase(Locale.ROOT);
    return child.equals(parent) || (child.endsWith("." + parent) && !parent.contains(":"));
  }

  private byte[] readBody(ResponseBody body, Redactor redactor) {
    if (body.contentLength() > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (InterruptedIOException e) {
      throw new WebCallException("Received no bytes in response: context deadline exceeded "
          + "(Client.Timeout or context cancellation while reading body)");
    } catch (IOException e) {
      throw new WebCallException(redactor.redact("Received no bytes in response: " + GoTransportText.describe(e)));
    }
  }

  private WebCallException tooLarge() {
    return new WebCallException("response body exceeds the limit of " + maxBodyBytes + " bytes");
  }

  private static WebCallException failure(String method, String url, String cause, Redactor redactor) {
    return new WebCallException(redactor.redact(GoHttpText.urlError(method, url, cause)));
  }

  /**
   * A transport failure in Go's words where there is a close match ({@code context deadline exceeded ...},
   * {@code dial tcp host:port: connect: connection refused}, {@code EOF}), otherwise Java's message.
   *
   * @param e the failure
   * @param call the call that failed
   * @return the cause text
   */
  static String goCause(IOException e, Call call) {
    return GoTransportText.cause(e, call.request().url());
  }
}
