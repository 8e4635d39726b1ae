/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Reading Argo {@code Rollout} canary steps. Not API; may change. */
@org.jspecify.annotations.NullMarked
package dev.assay.plan.internal;
