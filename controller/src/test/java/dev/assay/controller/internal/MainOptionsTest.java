/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainOptionsTest {
  @Test
  void environmentThenFlags() {
    MainOptions o = MainOptions.parse(Map.of("ASSAY_SHARDS", "3", "ASSAY_LEASE_DURATION", "20s", "POD_NAME",
        "assay-7d9f-x", "POD_NAMESPACE", "argo-rollouts", "ASSAY_LABELS", "team=pay, tier=web"),
        List.of("--shards=4", "--renew-deadline=12s", "--health-port=9090", "--status-subresource=true"));
    assertThat(o.settings().shards()).isEqualTo(4);
    assertThat(o.settings().leaseDuration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.settings().renewDeadline()).isEqualTo(Duration.ofSeconds(12));
    assertThat(o.settings().identity()).isEqualTo("assay-7d9f-x");
    assertThat(o.settings().leaseNamespace()).isEqualTo("argo-rollouts");
    assertThat(o.settings().statusSubresource()).isTrue();
    assertThat(o.settings().requiredLabels()).containsEntry("team", "pay").containsEntry("tier", "web")
        .containsEntry("argo-rollouts.argoproj.io/controller-instance-id", "assay");
    assertThat(o.healthPort()).isEqualTo(9090);
  }

  @Test
  void defaults() {
    MainOptions o = MainOptions.parse(Map.of(), List.of());
    assertThat(o.settings().shards()).isEqualTo(1);
    assertThat(o.settings().instanceId()).isEqualTo("assay");
    assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.providerThreads()).isEqualTo(16);
    assertThat(o.metricsPrefix()).as("Argo's own metric names").isEmpty();
  }

  @Test
  void metricsPrefix_fromFlagOrEnvironment_andChecked() {
    assertThat(MainOptions.parse(Map.of("ASSAY_METRICS_PREFIX", "argo_rollouts_"), List.of()).metricsPrefix())
        .isEqualTo("argo_rollouts_");
    assertThat(MainOptions.parse(Map.of(), List.of("--metrics-prefix=assay_")).metricsPrefix()).isEqualTo("assay_");
    assertThatThrownBy(() -> MainOptions.parse(Map.of(), List.of("--metrics-prefix=argo-rollouts")))
        .hasMessageStartingWith("metrics-prefix: 'argo-rollouts' is not a metric name prefix");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> MainOptions.parse(Map.of(), List.of("--shard=3")))
        .hasMessageContaining("unknown argument '--shard=3'").hasMessageContaining("shards");
    assertThatThrownBy(() -> MainOptions.parse(Map.of("ASSAY_WORKERS", "many"), List.of()))
        .hasMessage("workers: 'many' is not a whole number");
    assertThatThrownBy(() -> MainOptions.parse(Map.of(), List.of("--lease-duration=soon")))
        .hasMessageStartingWith("lease-duration: 'soon' is not a duration");
    assertThatThrownBy(() -> MainOptions.parse(Map.of(), List.of("--renew-deadline=20s")))
        .hasMessageContaining("renewDeadline must be > 0 and < leaseDuration");
    assertThatThrownBy(() -> MainOptions.parse(Map.of(), List.of("--labels=team")))
        .hasMessageContaining("is not key=value");
  }
}
