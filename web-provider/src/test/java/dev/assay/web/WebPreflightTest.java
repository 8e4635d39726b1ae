/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static dev.assay.web.WebTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.WebMetric;
import dev.assay.spi.PreflightResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web provider's pre-flight check (docs/preflight.md): URL, scheme and jsonPath, without sending anything. */
class WebPreflightTest {
  private final WebMetricProvider provider = WebMetricProvider.create();

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void aValidMetricPassesWithoutARequest() {
    // Port 9 (discard) on a documentation address: a request would fail, a parse does not.
    PreflightResult r = provider.preflight(context(WebMetric.get("http://192.0.2.1:9/health", "{$.ok}")));

    assertThat(r.outcome()).isEqualTo(PreflightResult.Outcome.PASSED);
    assertThat(r.detail()).isEqualTo("url \"http://192.0.2.1:9/health\" is valid");
  }

  @Test
  void anUnsupportedSchemeFailsNamingTheUrl() {
    PreflightResult r = provider.preflight(context(WebMetric.get("ftp://example.com/health", "{$}")));

    assertThat(r.isFailed()).isTrue();
    assertThat(r.detail()).startsWith("url \"ftp://example.com/health\": ").contains("unsupported protocol scheme");
  }

  @Test
  void aBrokenJsonPathFails() {
    PreflightResult r = provider.preflight(context(WebMetric.get("https://example.com/health", "{$.data[")));

    assertThat(r.isFailed()).isTrue();
    assertThat(r.detail()).startsWith("url \"https://example.com/health\": ");
  }

  @Test
  void secretsInTheUrlAreRedacted() {
    PreflightResult r = provider.preflight(context(WebMetric.get("ftp://example.com/?token=s3cr3t-value", "{$}"),
        "s3cr3t-value"));

    assertThat(r.detail()).doesNotContain("s3cr3t-value").contains("*****");
  }
}
