/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Argo Rollouts' condition language (expr-lang): compile {@code successCondition}/{@code failureCondition} text
 * once with {@link dev.assay.expr.ConditionCompiler}, evaluate it many times, and turn two conditions into a
 * measurement outcome with {@link dev.assay.expr.Conditions}.
 */
@NullMarked
package dev.assay.expr;

import org.jspecify.annotations.NullMarked;
