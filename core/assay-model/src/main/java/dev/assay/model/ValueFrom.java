/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where an argument's value comes from.
 *
 * @param secretKeyRef a key of a secret in the run's namespace, or null
 * @param fieldRef a field of the Rollout (resolved by the Rollout controller, never by the analysis), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueFrom(@Nullable SecretKeyRef secretKeyRef, @Nullable FieldRef fieldRef) {}
