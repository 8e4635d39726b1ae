/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** The demo: two services, a weighted router, seeded traffic and the standard canary plan in about a minute. */
@org.jspecify.annotations.NullMarked
package dev.assay.samples.demo;
