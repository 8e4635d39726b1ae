/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.junit.CanaryGate;
import dev.assay.model.AnalysisRun;
import dev.assay.samples.demo.DemoService;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JUnit canary gate: the shipped smoke test runs against a freshly started service with the real web provider
 * (found on the class path), and the test fails with the metric, its measurements and its condition when a check
 * does not pass. In CI, point {@code canary-url} at a deployed canary instead.
 */
class CheckoutCanaryGateTest {
  static DemoService canary;

  @BeforeAll
  static void start() throws Exception {
    canary = DemoService.start("1.1.0", "checkout-c4n4ry-0", 0, 0, 7, Clock.systemUTC());
    System.setProperty("checkout.canary.url", canary.url());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("checkout.canary.url");
    canary.close();
  }

  @Test
  @CanaryGate(template = "builtin:smoke-test",
      args = {"canary-url=${checkout.canary.url}", "count=1", "interval=1s"}, timeoutSeconds = 60)
  void canaryPassesTheSmokeTest(AnalysisRun run) {
    assertThat(run.status().metricResult("status").orElseThrow().measurements().get(0).value())
        .contains("\"version\":\"1.1.0\"");
  }
}
