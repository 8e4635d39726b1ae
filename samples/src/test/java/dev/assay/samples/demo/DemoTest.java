/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void badCanaryRollsBackAtTheErrorRateStepWithoutPrometheus() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PlanStatus s = Demo.run(true, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(s.phase()).as(out).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(out).contains("Prometheus not used", "setHeaderRoute canary-testers: x-canary exact true",
        "analysis smoke-test", "-> Successful",
        "VERDICT: ROLLED BACK", "canary weight is 0%", "rolled back at step 7/17 (10%)", "metric \"error-rate\" Failed");
  }

  @Test
  void directScrapeQuantileInterpolatesLikePrometheus() {
    Map<String, Double> buckets = Map.of(
        "http_request_duration_seconds_bucket{le=\"0.025\"}", 0.0,
        "http_request_duration_seconds_bucket{le=\"0.05\"}", 100.0,
        "http_request_duration_seconds_bucket{le=\"0.1\"}", 200.0,
        "http_request_duration_seconds_bucket{le=\"+Inf\"}", 200.0);

    assertThat(DirectScrapeProvider.quantile(0.5, buckets)).containsExactly(0.05);
    assertThat(DirectScrapeProvider.quantile(0.75, buckets).get(0)).isCloseTo(0.075, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(DirectScrapeProvider.quantile(0.5, Map.of())).isEmpty();
  }
}
