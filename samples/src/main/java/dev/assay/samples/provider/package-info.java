/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Sample: a custom metric provider in about 30 lines. */
@org.jspecify.annotations.NullMarked
package dev.assay.samples.provider;
