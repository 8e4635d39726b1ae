/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Metric;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.testing.MetricProviderContract;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The provider contract for Job, through the local runner (real {@code sh} processes; the Kubernetes runner is
 * covered by {@code KubernetesRunnerTest} on the mock API server). The secret is an environment value the scripts
 * print, so the output tail in the failure message would show it unless redacted.
 */
class JobProviderContractTest extends MetricProviderContract {
  private static final String SECRET = "j0b s3c&r=t/+";

  @Override
  protected MetricProvider newProvider() {
    return JobMetricProvider.builder().environment(k -> null).defaultRunner(JobRunner.LOCAL)
        .localGracePeriod(Duration.ofSeconds(1)).build();
  }

  @Override
  protected Metric workingMetric() {
    return sh("works", "echo \"checked $TOKEN\"");
  }

  @Override
  protected Metric failingMetric() {
    return sh("fails", "echo \"rejected $TOKEN\"; exit 3");
  }

  @Override
  protected List<String> secretValues() {
    return List.of(SECRET);
  }

  /** Resumes until the real process has exited and the provider has seen it (bounded: 30 s). */
  @Override
  protected ProviderResult settled(MeasurementContext context, ProviderResult result) throws Exception {
    ProviderResult current = result;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (current instanceof ProviderResult.Pending && System.nanoTime() < deadline) {
      String pid = current.metadata().get("pid");
      if (pid != null) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
      }
      current = provider().resume(context, JobTestSupport.inFlight(current, NOW));
      Thread.onSpinWait();
    }
    assertThat(current).as("the process ended").isNotInstanceOf(ProviderResult.Pending.class);
    return current;
  }

  /** Each call runs its own process, named in the metadata; the phase and message must agree. */
  @Override
  protected Object comparable(ProviderResult result) {
    return result instanceof ProviderResult.Decided d ? d.phase() + " " + d.message() : result.getClass();
  }

  private static Metric sh(String name, String script) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "sh");
    container.put("image", "ignored-by-the-local-runner");
    container.put("command", List.of("sh", "-c", script));
    container.put("env", List.of(Map.of("name", "TOKEN", "value", SECRET)));
    return JobTestSupport.metric(name, Map.of(), JobTestSupport.containerSpec(container));
  }
}
