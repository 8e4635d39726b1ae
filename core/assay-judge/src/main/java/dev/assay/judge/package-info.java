/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The statistical judge inside Argo-compatible templates: a metric provider, served under Argo's {@code plugin} map
 * as {@code assay/judge}, that reads a canary and a baseline series through other registered providers and judges
 * them with {@link dev.assay.stats.NonInferiorityJudge} (default) or {@link dev.assay.stats.KayentaJudge}. Its
 * {@code result} is {@link dev.assay.stats.Verdict#toResult()}, so conditions such as
 * {@code result.verdict == "pass"} work. Start at {@link dev.assay.judge.JudgeMetricProvider} and
 * {@link dev.assay.judge.JudgeSpec}.
 */
@NullMarked
package dev.assay.judge;

import org.jspecify.annotations.NullMarked;
