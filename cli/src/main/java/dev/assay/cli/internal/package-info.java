/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** The commands of {@code assay} and what they print. Not API; may change. */
package dev.assay.cli.internal;
