/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The template linter: finds what would make an Argo Rollouts analysis misbehave before anything runs, with rule id,
 * severity, field path, line:column, message and a fix hint. Start at {@link dev.assay.lint.TemplateLinter}; every
 * rule is listed with an example in {@code docs/lint-rules.md}.
 */
@NullMarked
package dev.assay.lint;

import org.jspecify.annotations.NullMarked;
