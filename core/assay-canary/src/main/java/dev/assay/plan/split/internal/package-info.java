/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** How a split check runs: the binomial test, the verdict rules, bounded bodies, JSON paths. Not API; may change. */
@org.jspecify.annotations.NullMarked
package dev.assay.plan.split.internal;
