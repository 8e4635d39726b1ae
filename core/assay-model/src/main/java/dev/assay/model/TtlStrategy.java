/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * How long a completed run is kept before it may be deleted. Each field is in seconds and may be absent.
 *
 * @param secondsAfterCompletion for any completed run, or null
 * @param secondsAfterFailure for a Failed run, or null
 * @param secondsAfterSuccess for a Successful run, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TtlStrategy(
    @Nullable Integer secondsAfterCompletion,
    @Nullable Integer secondsAfterFailure,
    @Nullable Integer secondsAfterSuccess) {}
