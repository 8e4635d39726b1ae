/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * HTTP exchange, OAuth2 token fetching, Go-compatible JSON decoding and encoding for the Web provider. Not API; may
 * change.
 */
@NullMarked
package dev.assay.web.internal;

import org.jspecify.annotations.NullMarked;
