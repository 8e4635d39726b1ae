/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The Web metric provider: an HTTP request whose answer (a JSON value picked with a Kubernetes JSONPath template, or
 * the raw body) becomes the measurement's result, with Argo Rollouts' semantics.
 */
@NullMarked
package dev.assay.web;

import org.jspecify.annotations.NullMarked;
