/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.job.JobMetricProvider;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.judge.ProviderLookup;
import dev.assay.prometheus.PrometheusMetricProvider;
import dev.assay.spi.MetricProvider;
import dev.assay.web.WebMetricProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The real providers a command runs with: Prometheus (optionally redirected by {@code --prometheus}), Web, Job
 * (its Kubernetes client is created on first use), and the statistical judge reading its series through the first
 * two, with the samples recorded for the report.
 */
final class ProviderSet implements AutoCloseable {
  private final List<MetricProvider> all;

  private ProviderSet(List<MetricProvider> all) {
    this.all = all;
  }

  /**
   * The standard set.
   *
   * @param prometheusUrl the {@code --prometheus} address, or null to use the templates' addresses
   * @return the providers; close them when done
   */
  static ProviderSet standard(@Nullable String prometheusUrl) {
    MetricProvider prometheus = PrometheusMetricProvider.create();
    if (prometheusUrl != null) {
      prometheus = new AddressOverride(prometheus, prometheusUrl);
    }
    MetricProvider web = WebMetricProvider.create();
    MetricProvider judge = JudgeMetricProvider.delegatingTo(
        ProviderLookup.of(List.of(new SeriesRecorder(prometheus), new SeriesRecorder(web))));
    return new ProviderSet(List.of(prometheus, web, JobMetricProvider.builder().build(), judge));
  }

  /**
   * Only Prometheus (with the judge over it), for replaying history.
   *
   * @param prometheusUrl the {@code --prometheus} address, or null to use the templates' addresses
   * @return the providers
   */
  static ProviderSet prometheusOnly(@Nullable String prometheusUrl) {
    MetricProvider prometheus = PrometheusMetricProvider.create();
    if (prometheusUrl != null) {
      prometheus = new AddressOverride(prometheus, prometheusUrl);
    }
    MetricProvider judge = JudgeMetricProvider.delegatingTo(ProviderLookup.of(List.of(prometheus)));
    return new ProviderSet(List.of(prometheus, judge));
  }

  List<MetricProvider> providers() {
    return all;
  }

  @Override
  public void close() {
    for (MetricProvider p : all) {
      p.close();
    }
  }
}
