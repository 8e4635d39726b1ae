/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Implementation of the Job provider: the Kubernetes and local-process runners. Not API; may change.
 */
@NullMarked
package dev.assay.job.internal;

import org.jspecify.annotations.NullMarked;
