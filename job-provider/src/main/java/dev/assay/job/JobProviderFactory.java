/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;
import java.time.Duration;
import java.util.Locale;

/**
 * Creates {@link JobMetricProvider}s for engines that discover providers. Recognised settings, all optional:
 * {@code allowLocalRunner} ({@code true} or {@code false}, default false: see
 * {@link JobMetricProvider.Builder#allowLocalRunner(boolean)}), {@code defaultRunner} ({@code kubernetes} or
 * {@code local}; {@code local} also allows the local runner), {@code ownerReferences} ({@code true} or
 * {@code false}), {@code localTimeoutSeconds}, {@code localGracePeriodSeconds} and {@code localOutputLimitBytes}.
 * The Kubernetes client is found as fabric8 finds it. Thread-safe.
 */
public final class JobProviderFactory implements MetricProviderFactory {
  /** Creates the factory (for {@link java.util.ServiceLoader}). */
  public JobProviderFactory() {}

  @Override
  public String type() {
    return JobMetricProvider.TYPE;
  }

  /**
   * Creates a provider.
   *
   * @param settings the optional settings listed on this class
   * @return the provider
   * @throws IllegalArgumentException when a setting has an invalid value (the message names it)
   */
  @Override
  public MetricProvider create(ProviderSettings settings) {
    JobMetricProvider.Builder builder = JobMetricProvider.builder();
    settings.get("allowLocalRunner").ifPresent(v -> builder.allowLocalRunner(bool("allowLocalRunner", v)));
    settings.get("defaultRunner").ifPresent(v -> builder.defaultRunner(runner(v)));
    settings.get("ownerReferences").ifPresent(v -> builder.ownerReferences(bool("ownerReferences", v)));
    settings.get("localTimeoutSeconds")
        .ifPresent(v -> builder.localTimeout(Duration.ofSeconds(number("localTimeoutSeconds", v))));
    settings.get("localGracePeriodSeconds")
        .ifPresent(v -> builder.localGracePeriod(Duration.ofSeconds(number("localGracePeriodSeconds", v))));
    settings.get("localOutputLimitBytes")
        .ifPresent(v -> builder.localOutputLimit(Math.toIntExact(number("localOutputLimitBytes", v))));
    return builder.build();
  }

  private static JobRunner runner(String value) {
    for (JobRunner r : JobRunner.values()) {
      if (r.annotationValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException("defaultRunner must be \"kubernetes\" or \"local\", but was \"" + value + "\"");
  }

  private static boolean bool(String name, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(name + " must be true or false, but was \"" + value + "\"");
    }
    return v.equals("true");
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, but was \"" + value + "\"");
    }
  }
}
