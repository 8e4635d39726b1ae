/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.http.OAuth2Exception;
import dev.assay.http.OAuth2TokenSource;
import dev.assay.model.Header;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs Prometheus API calls as client_golang's {@code httpAPI} does: a form POST that falls back to GET on 403, 405
 * or 501, Argo's status-to-error mapping, a bounded streaming read of the body, and the auth pipeline (OAuth2
 * bearer token, then basic auth unless {@code Authorization} is set, then the metric's headers). Thread-safe.
 */
public final class PrometheusHttp {
  private static final int MAX_REDIRECTS = 10;

  private final HttpClients clients;
  private final long maxResponseBytes;
  private final QueryResponseReader reader = new QueryResponseReader();
  private final OAuth2TokenSource tokens;

  /**
   * Creates the client.
   *
   * @param clients the OkHttp clients (plain and insecure)
   * @param maxResponseBytes the largest response body read, in bytes
   */
  public PrometheusHttp(HttpClients clients, long maxResponseBytes) {
    this.clients = clients;
    this.maxResponseBytes = maxResponseBytes;
    this.tokens = new OAuth2TokenSource();
  }

  /**
   * Runs one API call.
   *
   * @param settings the metric's connection settings
   * @param endpoint {@code query} or {@code query_range}
   * @param form the form parameters, in order
   * @param now the engine clock's time (for the OAuth2 token cache)
   * @return the decoded success response
   * @throws QueryException with Argo's message for any failure
   */
  public QueryResponse call(QuerySettings settings, String endpoint, Map<String, String> form, Instant now) {
    HttpUrl url = endpointUrl(settings.address(), endpoint);
    if (settings.timeout().isZero()) {
      throw new QueryException("Post \"" + url + "\": context deadline exceeded");
    }
    OkHttpClient client = clients.forSettings(settings.insecure());
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request.Builder post = new Request.Builder().url(url).post(body.build());
    authorize(post, settings, url, now);
    try (Response response = execute(client, post.build(), settings.timeout())) {
      int code = response.code();
      if (code != 403 && code != 405 && code != 501) {
        return decode(response, url, "Post");
      }
    }
    HttpUrl.Builder getUrl = url.newBuilder();
    form.forEach(getUrl::addQueryParameter);
    HttpUrl fallback = getUrl.build();
    Request.Builder get = new Request.Builder().url(fallback).get();
    authorize(get, settings, url, now);
    try (Response response = execute(client, get.build(), settings.timeout())) {
      return decode(response, fallback, "Get");
    }
  }

  private void authorize(Request.Builder request, QuerySettings settings, HttpUrl target, Instant now) {
    boolean authorized = false;
    if (settings.oauth2() != null) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      settings.headers().forEach(h -> headers.put(h.key(), h.value()));
      try {
        request.header("Authorization", tokens.authorization(clients.forSettings(settings.insecure()),
            settings.oauth2(), headers, settings.timeout(), now, secret -> { }));
      } catch (OAuth2Exception e) {
        throw new QueryException("Post \"" + target + "\": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new QueryException("invalid header in the token request");
      }
      authorized = true;
    }
    if (settings.basicAuth() != null && !authorized) {
      request.header("Authorization",
          okhttp3.Credentials.basic(settings.basicAuth().username(), settings.basicAuth().password()));
    }
    applyHeaders(request, settings.headers());
  }

  /**
   * Sets the metric's headers on a request (Set, not add, so they may override {@code Authorization}).
   *
   * @param request the request
   * @param headers the headers
   * @throws QueryException when a header name or value is not valid HTTP
   */
  static void applyHeaders(Request.Builder request, List<Header> headers) {
    for (Header h : headers) {
      try {
        request.header(h.key(), h.value());
      } catch (IllegalArgumentException e) {
        throw new QueryException("invalid header \"" + h.key() + "\"");
      }
    }
  }

  /** Executes with the metric's deadline, following 307/308 for POST as Go's client does (OkHttp does not). */
  static Response execute(OkHttpClient client, Request request, java.time.Duration timeout) {
    Request current = request;
    for (int hop = 0; ; hop++) {
      Call call = client.newCall(current);
      call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw transportError(current, e);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        // OkHttp's Kotlin code may throw an undeclared InterruptedException while connecting.
        Thread.currentThread().interrupt();
        throw new QueryException(method(current) + " \"" + current.url() + "\": context canceled", e);
      }
      int code = response.code();
      String location = response.header("Location");
      if ((code == 307 || code == 308) && location != null && !"GET".equals(current.method())
          && hop < MAX_REDIRECTS) {
        HttpUrl next = current.url().resolve(location);
        response.close();
        if (next == null) {
          throw new QueryException(method(current) + " \"" + current.url() + "\": invalid redirect location");
        }
        Request.Builder follow = current.newBuilder().url(next);
        if (!next.host().equals(current.url().host())) {
          follow.removeHeader("Authorization"); // credentials never follow a redirect to another host
        }
        current = follow.build();
        continue;
      }
      return response;
    }
  }

  private QueryResponse decode(Response response, HttpUrl url, String method) {
    int code = response.code();
    boolean apiError = code == 400 || code == 422;
    if (code / 100 != 2 && !apiError) {
      if (code / 100 == 4) {
        throw new QueryException("client_error: client error: " + code);
      }
      if (code / 100 == 5) {
        throw new QueryException("server_error: server error: " + code);
      }
      throw new QueryException("bad_response: bad response code " + code);
    }
    if (code == 204) {
      throw new QueryException("unexpected end of JSON input");
    }
    QueryResponse result = read(response.body(), url, method);
    if (apiError && "success".equals(result.status())) {
      throw new QueryException("bad_response: inconsistent body for response code");
    }
    if ("error".equals(result.status())) {
      throw new QueryException(result.errorType() + ": " + result.error());
    }
    if (!result.hasData() && result.resultType().isEmpty()) {
      throw new QueryException("unexpected end of JSON input");
    }
    return result;
  }

  private QueryResponse read(ResponseBody body, HttpUrl url, String method) {
    if (body.contentLength() > maxResponseBytes) {
      throw new QueryException("bad_response: response body larger than the limit of " + maxResponseBytes
          + " bytes");
    }
    try {
      return reader.read(new BoundedInputStream(body.byteStream(), maxResponseBytes));
    } catch (BoundedInputStream.BodyTooLargeException e) {
      throw new QueryException("bad_response: " + e.getMessage(), e);
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new QueryException("bad_response: unexpected end of JSON input", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new QueryException("bad_response: " + e.getOriginalMessage(), e);
    } catch (ResponseFormatException e) {
      throw new QueryException("bad_response: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new QueryException(method + " \"" + url + "\": " + detail(e), e);
    }
  }

  static QueryException transportError(Request request, IOException e) {
    return new QueryException(method(request) + " \"" + request.url() + "\": " + detail(e), e);
  }

  private static String method(Request request) {
    String m = request.method();
    return m.charAt(0) + m.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String detail(IOException e) {
    if (e instanceof InterruptedIOException) {
      // Go's context texts: an interrupted caller cancelled the call, otherwise OkHttp's call timeout fired.
      return Thread.currentThread().isInterrupted() ? "context canceled" : "context deadline exceeded";
    }
    String message = e.getMessage();
    return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
  }

  /**
   * The API URL for an endpoint below the address's path, as client_golang joins them.
   *
   * @param address the server address
   * @param endpoint {@code query} or {@code query_range}
   * @return the URL
   * @throws QueryException for a scheme OkHttp cannot speak
   */
  static HttpUrl endpointUrl(URI address, String endpoint) {
    HttpUrl base = HttpUrl.parse(address.toString());
    if (base == null) {
      throw new QueryException("Post \"" + address + "/api/v1/" + endpoint + "\": unsupported protocol scheme \""
          + address.getScheme() + "\"");
    }
    String path = base.encodedPath().replaceAll("/+$", "");
    return base.newBuilder().encodedPath(path + "/api/v1/" + endpoint).query(null).fragment(null).build();
  }
}
