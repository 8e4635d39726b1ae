/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrometheusServerTest {
  private static final Path MISSING = Path.of("/nonexistent/prometheus");

  @Test
  void assumeInstalled_missingBinary_skipsUnlessRequired() {
    assertThatThrownBy(() -> PrometheusServer.assumeInstalled(MISSING, MISSING, false))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("skipped: no Prometheus binary");
    assertThatThrownBy(() -> PrometheusServer.assumeInstalled(MISSING, MISSING, true))
        .isInstanceOf(AssertionError.class).hasMessageContaining("assay.requireExternal=true");
  }

  @Test
  void openMetrics_backfillData_endsWithEofAndCoversThirtyMinutes() {
    String om = BackfillData.openMetrics();

    assertThat(om).endsWith("# EOF\n").contains("http_requests_total{status=\"500\"} 900.0 1700001800\n")
        .contains("http_request_duration_seconds_bucket{le=\"+Inf\"} 24000 1700001800\n");
    assertThat(om.lines().count()).isEqualTo(1215);
  }
}
