/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import dev.assay.model.Authentication;
import dev.assay.model.Header;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.OAuth2Config;
import dev.assay.model.ProviderSpec;
import dev.assay.model.WebMetric;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.RunRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builders for Web metrics and measurement contexts in tests. */
final class WebTestSupport {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private WebTestSupport() {}

  static MeasurementContext context(WebMetric web, String... secrets) {
    Metric metric = Metric.builder("web-check").provider(ProviderSpec.of(web)).build();
    return new MeasurementContext(new RunRef("run", "default", "uid-1"), metric,
        MetricResult.start("web-check", false, Map.of()), NOW,
        java.util.Arrays.stream(secrets).map(dev.assay.spi.Secret::of).collect(java.util.stream.Collectors.toList()));
  }

  static WebBuilder web(String url) {
    return new WebBuilder(url);
  }

  /** A mutable helper to build {@link WebMetric} records in tests. */
  static final class WebBuilder {
    private final String url;
    private String method = "";
    private final List<Header> headers = new ArrayList<>();
    private String body = "";
    private @Nullable Map<String, Object> jsonBody;
    private long timeoutSeconds;
    private String jsonPath = "";
    private boolean insecure;
    private @Nullable Authentication authentication;

    private WebBuilder(String url) {
      this.url = url;
    }

    WebBuilder method(String value) {
      this.method = value;
      return this;
    }

    WebBuilder header(String key, String value) {
      headers.add(new Header(key, value));
      return this;
    }

    WebBuilder body(String value) {
      this.body = value;
      return this;
    }

    WebBuilder jsonBody(Map<String, Object> value) {
      this.jsonBody = value;
      return this;
    }

    WebBuilder timeoutSeconds(long value) {
      this.timeoutSeconds = value;
      return this;
    }

    WebBuilder jsonPath(String value) {
      this.jsonPath = value;
      return this;
    }

    WebBuilder insecure() {
      this.insecure = true;
      return this;
    }

    WebBuilder oauth2(String tokenUrl, String clientId, String clientSecret, String... scopes) {
      this.authentication = new Authentication(null, new OAuth2Config(tokenUrl, clientId, clientSecret,
          List.of(scopes)), null);
      return this;
    }

    WebMetric build() {
      return new WebMetric(url, method, headers, body, jsonBody, timeoutSeconds, jsonPath, insecure, authentication);
    }
  }

  /** A clock that moves forward by a fixed step each time it is read, to spend most of a deadline at once. */
  static final class SteppingClock extends Clock {
    private final long stepMillis;
    private long millis = NOW.toEpochMilli();

    SteppingClock(long stepMillis) {
      this.stepMillis = stepMillis;
    }

    @Override
    public synchronized long millis() {
      long now = millis;
      millis += stepMillis;
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
