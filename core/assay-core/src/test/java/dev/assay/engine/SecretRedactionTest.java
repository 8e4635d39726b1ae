/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static dev.assay.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Argument;
import dev.assay.model.Header;
import dev.assay.model.Metric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.WebMetric;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.template.SecretResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret argument values never reach a message, value, metadata or the persisted status. */
class SecretRedactionTest {
  private static final String SECRET = "s3cr3t-token";

  /** A careless provider that echoes the secret header everywhere it can. */
  private static final class LeakyProvider implements MetricProvider {
    private final String mode;

    LeakyProvider(String mode) {
      this.mode = mode;
    }

    @Override
    public String type() {
      return "web";
    }

    @Override
    public ProviderResult run(MeasurementContext context) {
      String header = context.metric().provider().web().headers().get(0).value();
      switch (mode) {
        case "error":
          return ProviderResult.error("401 for token " + header).withMetadata(Map.of("token", header));
        case "throw":
          throw new IllegalStateException("cannot send " + header);
        default:
          return ProviderResult.decided(AnalysisPhase.FAILED, "rejected " + header);
      }
    }

    @Override
    public Map<String, String> metadata(MeasurementContext context) {
      return Map.of("resolved", context.metric().provider().web().headers().get(0).value());
    }
  }

  private static AnalysisRun run() {
    Metric metric = Metric.builder("m").consecutiveErrorLimit(0)
        .provider(ProviderSpec.of(new WebMetric("http://x", "GET", List.of(new Header("Authorization",
            "Bearer {{args.token}}")), "", null, 0, "", false, null)))
        .build();
    return AnalysisRun.of(dev.assay.model.ObjectMeta.of("r", "ns"), new AnalysisRunSpec(List.of(metric),
        List.of(Argument.fromSecret("token", "creds", "token")), false, List.of(), List.of(), null));
  }

  @Test
  void secretValues_areRedactedFromMessagesMetadataAndTheRunStatus() throws Exception {
    for (String mode : List.of("error", "throw", "decided")) {
      Reconciler reconciler = Reconciler.builder().provider(new LeakyProvider(mode))
          .secretResolver(SecretResolver.fromMap(Map.of("creds", Map.of("token", SECRET)))).build();
      AnalysisRun after = reconciler.reconcile(run(), T0).run();
      after = reconciler.reconcile(after, T0).run();

      String json = Fixtures.JSON.writeValueAsString(after);
      assertThat(json).as(mode).doesNotContain(SECRET).contains("*****");
      assertThat(after.status().phase()).as(mode).isIn(AnalysisPhase.ERROR, AnalysisPhase.FAILED);
      assertThat(after.status().metricResult("m").orElseThrow().metadata()).containsEntry("resolved",
          "Bearer *****");
      assertThat(after.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void theInfoLinePerMeasurement_namesRunMetricOutcomeAndCounters_andNeverTheSecret() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    // slf4j-simple (the test binding) writes to whatever System.err is at the time of the call.
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String mode : List.of("error", "decided")) {
        Reconciler reconciler = Reconciler.builder().provider(new LeakyProvider(mode))
            .secretResolver(SecretResolver.fromMap(Map.of("creds", Map.of("token", SECRET)))).build();
        reconciler.reconcile(run(), T0);
      }
    } finally {
      System.setErr(stderr);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log).doesNotContain(SECRET)
        .contains("AnalysisRun r metric m: measurement Error value - (count 0, successful 0, failed 0, inconclusive 0,"
            + " error 1, consecutiveError 1): 401 for token Bearer *****")
        .contains("AnalysisRun r metric m: measurement Failed value - (count 1, successful 0, failed 1, inconclusive 0,"
            + " error 0, consecutiveError 0): rejected Bearer *****");
  }

  @Test
  void missingSecret_makesTheRunErrorWithArgosMessage() {
    Reconciler reconciler = Reconciler.builder().provider(new LeakyProvider("error")).build();
    AnalysisRun after = reconciler.reconcile(run(), T0).run();

    assertThat(after.status().phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(after.status().message()).isEqualTo("Unable to resolve metric arguments: secrets \"creds\" not found");
    assertThat(after.status().startedAt()).isNull();
  }
}
