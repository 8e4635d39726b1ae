/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Statistics for canary-versus-baseline comparison: the two-sample Wilcoxon rank-sum (Mann-Whitney U) test with
 * the Hodges-Lehmann shift estimate and its confidence interval ({@link dev.assay.stats.MannWhitney}, numerically
 * compatible with R's {@code wilcox.test}), and the judges built on it ({@link dev.assay.stats.CanaryJudge}): the
 * default {@link dev.assay.stats.NonInferiorityJudge} and the Kayenta-compatible
 * {@link dev.assay.stats.KayentaJudge}; the {@link dev.assay.stats.ProportionJudge} for event rates (score and
 * exact intervals for two proportions); and the {@link dev.assay.stats.SequentialJudge}, whose confidence sequence
 * keeps its error rates over all looks of a run. Every judge returns an explained {@link dev.assay.stats.Verdict}.
 * The user documentation is {@code docs/judge.md}.
 *
 * <p>commons-math3 is used only inside this package and its {@code internal} sub-package; none of its types appear
 * in signatures. All types here are immutable and thread-safe, and nothing uses randomness.
 */
@NullMarked
package dev.assay.stats;

import org.jspecify.annotations.NullMarked;
