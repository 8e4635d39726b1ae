/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Jackson mapping of the model for {@link dev.assay.manifest.Manifests}. Not API; may change.
 */
@NullMarked
package dev.assay.manifest.internal;

import org.jspecify.annotations.NullMarked;
