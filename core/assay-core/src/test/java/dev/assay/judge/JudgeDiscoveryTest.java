/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ObjectMeta;
import dev.assay.spi.ProviderSettings;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge found through engine discovery creates its own series providers, lazily, and closes them. */
class JudgeDiscoveryTest {
  private static String template(int canaryMedian) {
    return String.join("\n",
        "kind: AnalysisTemplate",
        "apiVersion: argoproj.io/v1alpha1",
        "metadata: {name: judged}",
        "spec:",
        "  metrics:",
        "  - name: latency",
        "    successCondition: result.verdict == \"pass\"",
        "    provider:",
        "      plugin:",
        "        assay/judge:",
        "          canary: {test-series: {median: " + canaryMedian + "}}",
        "          baseline: {test-series: {median: 150}}",
        "");
  }

  @Test
  void discoveredJudge_usesDiscoveredSeriesProviders_withPrefixedSettings() {
    SeriesFactory.created.clear();
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-03-01T12:00:00Z")));
    AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
        .inlineProviderCalls().discoverProviders(getClass().getClassLoader())
        .providerSettings(JudgeMetricProvider.TYPE, ProviderSettings.of(Map.of("test-series.scale", "ms")))
        .build();
    int createdByEngine = SeriesFactory.created.size();
    AnalysisHandle slow = engine.start(ObjectMeta.of("slow", "shop"),
        List.of(Manifests.read(template(225), AnalysisTemplate.class)), List.of());
    AnalysisHandle healthy = engine.start(ObjectMeta.of("healthy", "shop"),
        List.of(Manifests.read(template(151), AnalysisTemplate.class)), List.of());
    scheduler.advanceBy(Duration.ofSeconds(1));

    assertThat(slow.status().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(healthy.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(SeriesFactory.created).hasSize(createdByEngine + 1);
    SeriesFactory.Series judges = SeriesFactory.created.get(createdByEngine);
    assertThat(judges.settings.get("scale")).contains("ms");
    engine.close();
    assertThat(judges.closed).isTrue();
  }

  @Test
  void discoveringJudge_createsNothingUntilUsed() {
    SeriesFactory.created.clear();
    try (JudgeMetricProvider judge = JudgeMetricProvider.discovering(getClass().getClassLoader(),
        ProviderSettings.empty())) {
      assertThat(judge.type()).isEqualTo("plugin/assay/judge");
      assertThat(SeriesFactory.created).isEmpty();
    }
    assertThat(new JudgeMetricProviderFactory().type()).isEqualTo(JudgeMetricProvider.TYPE);
  }
}
