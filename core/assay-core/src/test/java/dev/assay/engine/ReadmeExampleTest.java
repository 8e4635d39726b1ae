/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual-time example of docs/engine.md, kept compiling and true. */
class ReadmeExampleTest {
  @Test
  void readmeExample_replaysAnAnalysisInVirtualTime() {
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus")
        .script("success-rate",
            ScriptStep.value(List.of(0.99)),
            ScriptStep.error("connection refused"),      // retried after 10s, does not use up the count
            ScriptStep.value(List.of(0.97)),
            ScriptStep.value(List.of(0.91)))             // below 0.95: Failed, and failureLimit 0 is exceeded
        .build();
    Metric successRate = Metric.builder("success-rate").interval("5m").count(4)
        .successCondition("result[0] >= 0.95")
        .provider(ProviderSpec.of(new PrometheusMetric("http://prometheus:9090", "...", null, false, List.of(),
            null, null)))
        .build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("canary-42", "shop"),
        new AnalysisRunSpec(List.of(successRate), List.of(), false, List.of(), List.of(), null));

    try (AnalysisEngine engine = AnalysisEngine.builder()
        .clock(scheduler.clock()).scheduler(scheduler).provider(prometheus).build()) {
      AnalysisHandle handle = engine.start(run);
      scheduler.advanceBy(Duration.ofMinutes(30));       // milliseconds of real time

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.FAILED);
      assertThat(handle.status().message())
          .isEqualTo("Metric \"success-rate\" assessed Failed due to failed (1) > failureLimit (0)");
    }
  }
}
