/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.MetricResult;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Kubernetes Events Argo's analysis controller writes: when a metric completes, reason
 * {@code Metric<Phase>} with message {@code Metric '<name>' Completed. Result: <Phase>}; when the run completes,
 * reason {@code AnalysisRun<Phase>} with message {@code Analysis Completed. Result: <Phase>}. Both are Warnings for
 * Failed and Error and Normal otherwise. A failed event write is logged and otherwise ignored, as events are
 * best-effort in Kubernetes. Thread-safe.
 */
public final class RunEvents {
  private static final Logger logger = LoggerFactory.getLogger(RunEvents.class);
  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * Events written through a client.
   *
   * @param client the client
   * @param clock the clock for the event times
   * @param instance this replica's identity ({@code reportingInstance})
   */
  public RunEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /**
   * Writes the events for the changes between two versions of a run.
   *
   * @param before the run before the reconcile
   * @param after the run as written
   * @return how many events were written
   */
  public int record(AnalysisRun before, AnalysisRun after) {
    int written = 0;
    for (MetricResult r : after.status().metricResults()) {
      AnalysisPhase was = before.status().metricResult(r.name()).map(MetricResult::phase).orElse(AnalysisPhase.NONE);
      if (r.phase().isCompleted() && was != r.phase()) {
        written += emit(after, "Metric" + r.phase().wireName(), isBad(r.phase()),
            "Metric '" + r.name() + "' Completed. Result: " + r.phase().wireName());
      }
    }
    AnalysisPhase phase = after.status().phase();
    if (phase.isCompleted() && before.status().phase() != phase) {
      written += emit(after, "AnalysisRun" + phase.wireName(), isBad(phase),
          "Analysis Completed. Result: " + phase.wireName());
    }
    return written;
  }

  private static boolean isBad(AnalysisPhase p) {
    return p == AnalysisPhase.FAILED || p == AnalysisPhase.ERROR;
  }

  private int emit(AnalysisRun run, String reason, boolean warning, String message) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String name = run.metadata().name() + "." + Long.toHexString(System.currentTimeMillis() * 1000
        + sequence.incrementAndGet() % 1000);
    Object rv = run.metadata().other().get("resourceVersion");
    try {
      client.v1().events().inNamespace(run.metadata().namespace()).resource(new EventBuilder()
          .withNewMetadata().withName(name).withNamespace(run.metadata().namespace()).endMetadata()
          .withNewInvolvedObject().withApiVersion(ArgoResources.API_VERSION).withKind(AnalysisRun.KIND)
          .withName(run.metadata().name()).withNamespace(run.metadata().namespace()).withUid(run.metadata().uid())
          .withResourceVersion(rv == null ? null : rv.toString()).endInvolvedObject()
          .withReason(reason).withMessage(message).withType(warning ? "Warning" : "Normal")
          .withCount(1).withFirstTimestamp(now).withLastTimestamp(now)
          .withNewSource().withComponent("assay-controller").endSource()
          .withReportingComponent("assay.dev/controller").withReportingInstance(instance).build()).create();
      return 1;
    } catch (KubernetesClientException e) {
      logger.debug("Event {} for AnalysisRun {} not written: {}", reason, run.metadata().name(), e.getMessage());
      return 0;
    }
  }
}
