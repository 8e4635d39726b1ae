/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Traffic-split verification: send requests through a router's entry point, classify each response as canary or
 * stable ({@link dev.assay.plan.split.SplitClassifier}), and test the observed canary share against the weight that
 * was set with an exact two-sided binomial test ({@link dev.assay.plan.split.SplitVerifier}). Used by the plan step
 * {@code CanaryStep.verifySplit} and by {@code assay verify-split}; see {@code docs/split-verification.md}.
 */
@org.jspecify.annotations.NullMarked
package dev.assay.plan.split;
