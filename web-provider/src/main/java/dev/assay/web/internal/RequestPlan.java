/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import dev.assay.gotext.GoQuote;
import dev.assay.gotext.GoHttpText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.model.Header;
import dev.assay.model.WebMetric;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * The first request of a Web measurement, checked the way Argo's provider and Go's {@code net/http} check it, with
 * Argo's error texts.
 *
 * @param method the HTTP method ({@code GET} when the metric leaves it empty)
 * @param rawUrl the URL as written (for messages)
 * @param url the parsed URL
 * @param headers the headers to send (canonical names, last value wins)
 * @param body the body bytes, or null for none
 */
public record RequestPlan(String method, String rawUrl, HttpUrl url, Headers headers, byte @Nullable [] body) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  /** Methods OkHttp only sends with a body. */
  private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");
  /** Methods OkHttp never sends with a body. */
  private static final Set<String> BODY_FORBIDDEN = Set.of("GET", "HEAD");

  /**
   * Checks a Web block and builds the request plan. Secret-bearing header values and the URL password are added to
   * the redactor.
   *
   * @param web the resolved Web block
   * @param redactor collects the secrets the plan holds
   * @return the plan
   * @throws WebCallException with Argo's message when the settings are invalid
   */
  public static RequestPlan from(WebMetric web, Redactor redactor) {
    String method = web.method().isEmpty() ? "GET" : web.method();
    boolean hasBody = !web.body().isEmpty();
    boolean hasJsonBody = web.jsonBody() != null;
    if (hasBody && hasJsonBody) {
      throw new WebCallException("use either Body or JSONBody; both cannot exists for WebMetric payload");
    }
    if ((hasBody || hasJsonBody) && "GET".equals(method)) {
      throw new WebCallException("Body/JSONBody can only be used with POST or PUT WebMetric Method types");
    }
    if (!GoHttpText.isToken(method)) {
      throw new WebCallException("net/http: invalid method " + GoQuote.quote(method));
    }
    String rawUrl = web.url();
    Matcher scheme = SCHEME.matcher(rawUrl);
    String schemeName = scheme.find() ? scheme.group(1) : "";
    String lowerScheme = schemeName.toLowerCase(Locale.ROOT);
    if (!lowerScheme.equals("http") && !lowerScheme.equals("https")) {
      throw new WebCallException(
          GoHttpText.urlError(method, rawUrl, "unsupported protocol scheme " + GoQuote.quote(schemeName)));
    }
    HttpUrl url = HttpUrl.parse(rawUrl);
    if (url == null) {
      throw new WebCallException("parse " + GoQuote.quote(GoHttpText.redactUrlPassword(rawUrl)) + ": invalid URL");
    }
    redactor.add(url.password());
    redactor.add(url.encodedPassword());

    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : web.headers()) {
      String name = GoHttpText.canonicalHeaderKey(header.key());
      redactor.addHeader(name, header.value());
      if (!GoHttpText.isToken(name)) {
        throw new WebCallException(
            GoHttpText.urlError(method, rawUrl, "net/http: invalid header field name " + GoQuote.quote(name)));
      }
      if (!GoHttpText.isValidHeaderValue(header.value())) {
        throw new WebCallException(
            GoHttpText.urlError(method, rawUrl, "net/http: invalid header field value for " + GoQuote.quote(name)));
      }
      // Go's client takes the host from the URL and ignores a Host header.
      if (!"Host".equals(name)) {
        headers.put(name, header.value());
      }
    }
    byte[] body = null;
    if (hasJsonBody) {
      headers.put("Content-Type", "application/json");
      body = jsonBytes(web.jsonBody());
    } else if (hasBody) {
      body = web.body().getBytes(StandardCharsets.UTF_8);
    }
    if (!url.username().isEmpty() && !headers.containsKey("Authorization")) {
      // Go's client turns URL user info into basic authentication.
      String credentials = url.username() + ":" + url.password();
      String basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
      redactor.add(basic.substring(6));
      headers.put("Authorization", basic);
    }
    if (body != null && BODY_FORBIDDEN.contains(method)) {
      throw new WebCallException(GoHttpText.urlError(method, rawUrl, "a " + method + " request cannot carry a body"));
    }
    Headers.Builder sent = new Headers.Builder();
    headers.forEach(sent::addUnsafeNonAscii);
    return new RequestPlan(method, rawUrl, url.newBuilder().username("").password("").build(), sent.build(), body);
  }

  private static byte[] jsonBytes(@Nullable Map<String, Object> jsonBody) {
    try {
      return JSON.writeValueAsBytes(jsonBody);
    } catch (JsonProcessingException e) {
      throw new WebCallException("json: unsupported value in jsonBody: " + e.getOriginalMessage());
    }
  }

  /**
   * The OkHttp request for this plan. POST and PUT without a body send an empty one, as Go does.
   *
   * @return the request
   */
  public Request toRequest() {
    RequestBody requestBody = null;
    if (body != null) {
      requestBody = RequestBody.create(body, null);
    } else if (BODY_REQUIRED.contains(method)) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    return new Request.Builder().url(url).headers(headers).method(method, requestBody).build();
  }

  @Override
  public String toString() {
    return "RequestPlan[" + method + " " + GoHttpText.redactUrlPassword(rawUrl) + "]";
  }
}
