/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * A parser and evaluator for Kubernetes JSONPath templates (client-go {@code util/jsonpath} semantics) over Jackson
 * trees. Not API; may change.
 */
@NullMarked
package dev.assay.web.internal.jsonpath;

import org.jspecify.annotations.NullMarked;
