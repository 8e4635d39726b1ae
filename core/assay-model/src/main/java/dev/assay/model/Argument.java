/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A template or run argument, referenced in metrics as {@code {{args.<name>}}}.
 *
 * <p>An argument with neither {@code value} nor {@code valueFrom} is required: it must be supplied when the run is
 * created. {@link #toString()} never shows a value that came from a secret.
 *
 * @param name the argument name
 * @param value the value, or null when not set (Argo distinguishes "not set" from "empty")
 * @param valueFrom where the value comes from instead, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Argument(String name, @Nullable String value, @Nullable ValueFrom valueFrom) {
  /**
   * Validates the name.
   *
   * @param name the argument name
   * @param value the value, or null when not set (Argo distinguishes "not set" from "empty")
   * @param valueFrom where the value comes from instead, or null
   */
  public Argument {
    Objects.requireNonNull(name, "name");
  }

  /**
   * An argument with a plain value.
   *
   * @param name the name
   * @param value the value
   * @return the argument
   */
  public static Argument of(String name, String value) {
    return new Argument(name, Objects.requireNonNull(value, "value"), null);
  }

  /**
   * A required argument: no value yet.
   *
   * @param name the name
   * @return the argument
   */
  public static Argument required(String name) {
    return new Argument(name, null, null);
  }

  /**
   * An argument whose value is read from a Kubernetes secret.
   *
   * @param name the name
   * @param secretName the secret
   * @param key the key in the secret
   * @return the argument
   */
  public static Argument fromSecret(String name, String secretName, String key) {
    return new Argument(name, null, new ValueFrom(new SecretKeyRef(secretName, key), null));
  }

  /**
   * Whether the value comes from a secret.
   *
   * @return true when {@code valueFrom.secretKeyRef} is set
   */
  @JsonIgnore
  public boolean isSecret() {
    return valueFrom != null && valueFrom.secretKeyRef() != null;
  }

  @Override
  public String toString() {
    String shown = value == null ? "null" : isSecret() ? "*****" : "\"" + value + "\"";
    return "Argument[name=" + name + ", value=" + shown + ", valueFrom=" + valueFrom + "]";
  }
}
