/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.templates;

import java.util.Objects;

/**
 * The metric and label names the Prometheus templates query, and the Prometheus address. They become the default
 * values of the templates' arguments, so a run can still override each one with an argument of the same name.
 *
 * @param prometheusAddress Prometheus base URL (argument {@code prometheus-address})
 * @param requestsMetric request counter with a status label (argument {@code requests-metric})
 * @param statusLabel the counter's HTTP status label (argument {@code status-label})
 * @param durationMetric request-duration histogram base name, without {@code _bucket} (argument
 *     {@code duration-metric})
 * @param serviceLabel label naming the service (argument {@code service-label})
 * @param hashLabel label carrying the pod-template hash (argument {@code hash-label})
 * @param restartsMetric container restart counter (argument {@code restarts-metric})
 * @param memoryMetric container memory working set (argument {@code memory-metric})
 * @param cpuMetric container CPU seconds counter (argument {@code cpu-metric})
 * @param limitsMetric container resource limits (argument {@code limits-metric})
 */
public record MetricNames(
    String prometheusAddress,
    String requestsMetric,
    String statusLabel,
    String durationMetric,
    String serviceLabel,
    String hashLabel,
    String restartsMetric,
    String memoryMetric,
    String cpuMetric,
    String limitsMetric) {

  /** The names most services and kube-state-metrics/cAdvisor expose, and Prometheus in namespace monitoring. */
  public static final MetricNames DEFAULT = new MetricNames(
      "http://prometheus.monitoring.svc:9090",
      "http_requests_total",
      "status",
      "http_request_duration_seconds",
      "service",
      "rollouts_pod_template_hash",
      "kube_pod_container_status_restarts_total",
      "container_memory_working_set_bytes",
      "container_cpu_usage_seconds_total",
      "kube_pod_container_resource_limits");

  /**
   * Checks that no name is null.
   *
   * @param prometheusAddress Prometheus base URL (argument {@code prometheus-address})
   * @param requestsMetric request counter with a status label (argument {@code requests-metric})
   * @param statusLabel the counter's HTTP status label (argument {@code status-label})
   * @param durationMetric request-duration histogram base name, without {@code _bucket} (argument {@code duration-metric})
   * @param serviceLabel label naming the service (argument {@code service-label})
   * @param hashLabel label carrying the pod-template hash (argument {@code hash-label})
   * @param restartsMetric container restart counter (argument {@code restarts-metric})
   * @param memoryMetric container memory working set (argument {@code memory-metric})
   * @param cpuMetric container CPU seconds counter (argument {@code cpu-metric})
   * @param limitsMetric container resource limits (argument {@code limits-metric})
   */
  public MetricNames {
    Objects.requireNonNull(prometheusAddress, "prometheusAddress");
    Objects.requireNonNull(requestsMetric, "requestsMetric");
    Objects.requireNonNull(statusLabel, "statusLabel");
    Objects.requireNonNull(durationMetric, "durationMetric");
    Objects.requireNonNull(serviceLabel, "serviceLabel");
    Objects.requireNonNull(hashLabel, "hashLabel");
    Objects.requireNonNull(restartsMetric, "restartsMetric");
    Objects.requireNonNull(memoryMetric, "memoryMetric");
    Objects.requireNonNull(cpuMetric, "cpuMetric");
    Objects.requireNonNull(limitsMetric, "limitsMetric");
  }

  /**
   * A copy with another Prometheus address.
   *
   * @param address the base URL
   * @return the copy
   */
  public MetricNames withPrometheusAddress(String address) {
    return new MetricNames(address, requestsMetric, statusLabel, durationMetric, serviceLabel, hashLabel,
        restartsMetric, memoryMetric, cpuMetric, limitsMetric);
  }
}
