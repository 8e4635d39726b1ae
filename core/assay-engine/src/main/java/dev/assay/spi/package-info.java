/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The provider SPI: how the engine takes measurements. A {@link dev.assay.spi.MetricProvider} follows Argo Rollouts'
 * provider lifecycle ({@code run}, {@code resume}, {@code terminate}, {@code garbageCollect}, {@code metadata}) and
 * returns plain Java values; the engine evaluates the metric's conditions on them.
 */
@NullMarked
package dev.assay.spi;

import org.jspecify.annotations.NullMarked;
