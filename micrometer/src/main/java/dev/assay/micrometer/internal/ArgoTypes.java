/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.Metric;
import java.util.List;
import java.util.Map;

/** Argo's label values: provider type names ({@code metricproviders.Type}) and phase names. */
public final class ArgoTypes {
  /** The phases Argo's per-phase gauges enumerate, in Argo's order. */
  public static final List<AnalysisPhase> PHASES = List.of(AnalysisPhase.PENDING, AnalysisPhase.ERROR,
      AnalysisPhase.FAILED, AnalysisPhase.SUCCESSFUL, AnalysisPhase.RUNNING, AnalysisPhase.INCONCLUSIVE);

  private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("prometheus", "Prometheus"),
      Map.entry("job", "Job"), Map.entry("kayenta", "Kayenta"), Map.entry("web", "Web"),
      Map.entry("datadog", "Datadog"), Map.entry("wavefront", "Wavefront"), Map.entry("newRelic", "NewRelic"),
      Map.entry("cloudWatch", "CloudWatch"), Map.entry("graphite", "Graphite"), Map.entry("influxdb", "Influxdb"),
      Map.entry("skywalking", "SkyWalking"));

  private ArgoTypes() {}

  /**
   * Argo's {@code type} label of a metric: {@code Prometheus}, {@code Web}, {@code Job}, ..., {@code RPCPlugin}
   * for a plugin (the Assay judge included), {@code Unknown Provider} when there is none.
   *
   * @param metric the metric
   * @return the label value
   */
  public static String typeOf(Metric metric) {
    List<String> keys = metric.provider().types();
    if (keys.isEmpty()) {
      return "Unknown Provider";
    }
    String key = keys.get(0);
    if (key.startsWith("plugin/")) {
      return "RPCPlugin";
    }
    return TYPES.getOrDefault(key, key);
  }

  /**
   * Assay's provider key of a metric ({@code prometheus}, {@code plugin/assay/judge}, ...), the {@code provider}
   * label of Assay's own measurement metrics.
   *
   * @param metric the metric
   * @return the key, or {@code none}
   */
  public static String providerKey(Metric metric) {
    List<String> keys = metric.provider().types();
    return keys.isEmpty() ? "none" : keys.get(0);
  }

  /**
   * The phase as Argo's gauges name it: an unassessed run or metric ({@link AnalysisPhase#NONE}) counts as Pending,
   * as Argo's collector does.
   *
   * @param phase the phase
   * @return the wire name
   */
  public static String phaseName(AnalysisPhase phase) {
    return phase == AnalysisPhase.NONE ? AnalysisPhase.PENDING.wireName() : phase.wireName();
  }
}
