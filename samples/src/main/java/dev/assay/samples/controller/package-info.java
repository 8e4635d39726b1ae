/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Sample: the engine's pure reconcile step inside a controller loop that persists the status and resumes. */
@org.jspecify.annotations.NullMarked
package dev.assay.samples.controller;
