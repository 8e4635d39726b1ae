/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The five canary templates our users run (smoke test, error rate, latency, full analysis, pre-promotion), as Java
 * factories with typed options and as Argo {@code AnalysisTemplate} YAML resources under
 * {@code dev/assay/templates/} on the classpath. The factory defaults and the YAML are the same templates.
 */
@org.jspecify.annotations.NullMarked
package dev.assay.templates;
