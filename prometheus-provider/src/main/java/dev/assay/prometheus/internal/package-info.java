/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * HTTP client, response parsing and value formatting of the Prometheus provider. Not API; may change.
 */
@NullMarked
package dev.assay.prometheus.internal;

import org.jspecify.annotations.NullMarked;
