/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Canary plans: steps that set the canary's traffic weight, pause, run analyses and set header and mirror routes
 * ({@link dev.assay.plan.CanaryPlan}, the standard plan, Argo {@code Rollout} steps), and {@link dev.assay.plan.PlanRunner}, which walks a plan against a
 * {@link dev.assay.plan.TrafficRouter} the way an Argo Rollout walks its canary steps.
 */
@org.jspecify.annotations.NullMarked
package dev.assay.plan;
