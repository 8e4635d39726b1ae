/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.GoDuration;
import dev.assay.plan.CanaryStep;

/** One-line descriptions of canary steps, as a Rollout writes them. */
final class Steps {
  private Steps() {}

  static String describe(CanaryStep step) {
    if (step instanceof CanaryStep.SetWeight) {
      return "setWeight " + ((CanaryStep.SetWeight) step).percent() + "%";
    }
    if (step instanceof CanaryStep.Pause) {
      return ((CanaryStep.Pause) step).timed().map(d -> "pause " + GoDuration.format(d))
          .orElse("pause (until promoted)");
    }
    if (step instanceof CanaryStep.SetHeaderRoute) {
      return ((CanaryStep.SetHeaderRoute) step).describe();
    }
    if (step instanceof CanaryStep.SetMirrorRoute) {
      return ((CanaryStep.SetMirrorRoute) step).describe();
    }
    if (step instanceof CanaryStep.VerifySplit) {
      return "verifySplit " + ((CanaryStep.VerifySplit) step).check().url();
    }
    return "analysis " + String.join(", ", ((CanaryStep.Analysis) step).templateNames());
  }
}
