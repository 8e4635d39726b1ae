/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The alert rules shipped with this module, in Prometheus rule format: analysis run failed or errored, run stalled
 * (no measurement for more than 3 intervals), measurement error ratio high, plan rolled back, plan paused on an
 * Inconclusive analysis for 30 minutes. Each has a summary and a runbook annotation. The file is the classpath
 * resource {@value #RESOURCE}; docs/observability.md shows how to copy it out and explains each rule.
 */
public final class AlertRules {
  /** Where the rules file is on the classpath. */
  public static final String RESOURCE = "dev/assay/micrometer/assay-alerts.yaml";
  /** The prefix the shipped file is written for (both the analysis and the rollout prefix). */
  public static final String SHIPPED_PREFIX = "argo_rollouts_";

  private AlertRules() {}

  /**
   * The rules file as shipped, for metrics named with the {@value #SHIPPED_PREFIX} prefix and rollout prefix.
   *
   * @return the YAML text
   * @throws UncheckedIOException when the resource cannot be read (a broken jar)
   */
  public static String yaml() {
    try (InputStream in = AlertRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("resource " + RESOURCE + " is missing from the classpath"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rules for metrics named with other prefixes, matching {@link AssayMetrics.Builder#prefix} and
   * {@link AssayMetrics.Builder#rolloutPrefix}.
   *
   * @param prefix the analysis metric prefix, for example {@code ""} for Argo's own names
   * @param rolloutPrefix the plan metric prefix, for example {@code "rollout_"}
   * @return the YAML text
   */
  public static String yaml(String prefix, String rolloutPrefix) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(rolloutPrefix, "rolloutPrefix");
    return yaml().replace(SHIPPED_PREFIX + "analysis_", "\u0000analysis_")
        .replace(SHIPPED_PREFIX + "info{", rolloutPrefix + "info{")
        .replace(SHIPPED_PREFIX + "paused{", rolloutPrefix + "paused{")
        .replace("\u0000analysis_", prefix + "analysis_");
  }
}
