/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Sample: evaluating success and failure conditions interactively against a result. */
@org.jspecify.annotations.NullMarked
package dev.assay.samples.condition;
