/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.MetricResult;
import dev.assay.plan.RunReport;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a completed {@link AnalysisRun}. Failure messages list, for each metric that did not
 * succeed, its measurements, conditions and the limit that tripped, so the reader knows what to fix.
 */
public final class AnalysisRunAssert extends AbstractAssert<AnalysisRunAssert, AnalysisRun> {
  AnalysisRunAssert(AnalysisRun actual) {
    super(actual, AnalysisRunAssert.class);
  }

  /**
   * Checks that the run is Successful.
   *
   * @return this
   */
  public AnalysisRunAssert passes() {
    return hasPhase(AnalysisPhase.SUCCESSFUL);
  }

  /**
   * Checks that the run Failed.
   *
   * @return this
   */
  public AnalysisRunAssert fails() {
    return hasPhase(AnalysisPhase.FAILED);
  }

  /**
   * Checks the run's phase.
   *
   * @param expected the phase
   * @return this
   */
  public AnalysisRunAssert hasPhase(AnalysisPhase expected) {
    isNotNull();
    if (actual.status().phase() != expected) {
      failWithMessage("Expected the analysis to be %s, but it was %s.%n%s", expected.wireName(),
          actual.status().phase().wireName(), RunReport.explain(actual));
    }
    return this;
  }

  /**
   * Checks one metric's phase.
   *
   * @param metric the metric name
   * @param expected the phase
   * @return this
   */
  public AnalysisRunAssert hasMetricPhase(String metric, AnalysisPhase expected) {
    isNotNull();
    Optional<MetricResult> r = actual.status().metricResult(metric);
    if (r.isEmpty()) {
      failWithMessage("Expected metric \"%s\" to be %s, but it has no result.%n%s", metric, expected.wireName(),
          RunReport.explain(actual));
    } else if (r.get().phase() != expected) {
      failWithMessage("Expected metric \"%s\" to be %s, but it was %s.%n%s", metric, expected.wireName(),
          r.get().phase().wireName(), String.join("\n", RunReport.lines(actual, true)));
    }
    return this;
  }
}
