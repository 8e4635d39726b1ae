/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */

/** Token request mechanics behind {@link dev.assay.http.OAuth2TokenSource}. Not API; may change. */
@NullMarked
package dev.assay.http.internal;

import org.jspecify.annotations.NullMarked;
