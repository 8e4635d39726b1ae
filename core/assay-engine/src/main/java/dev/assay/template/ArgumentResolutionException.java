/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.AssayException;
import dev.assay.model.SecretKeyRef;
import java.util.Objects;

/**
 * Arguments that cannot be resolved. {@link #getMessage()} is Argo's text, for example
 * {@code failed to resolve {{args.x}}}, {@code argument "x" was not supplied}, {@code secrets "s" not found} or
 * {@code key 'k' does not exist in secret 's'}; Argo turns it into a run Error with the message
 * {@code Unable to resolve metric arguments: <message>}. Messages never contain secret values.
 */
public final class ArgumentResolutionException extends AssayException {
  private static final long serialVersionUID = 1L;

  /** The field path, e.g. {@code spec.metrics[0].interval}. */
  private final String fieldPath;

  /**
   * Creates the exception.
   *
   * @param message Argo's message, without secret values
   * @param fieldPath the path of the offending value, such as {@code metrics[0].successCondition} or
   *     {@code args[1]}; empty when unknown
   */
  public ArgumentResolutionException(String message, String fieldPath) {
    super(Objects.requireNonNull(message, "message"));
    this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath");
  }

  /**
   * The path of the offending value, for example {@code metrics[0].provider.prometheus.query} or {@code args[1]}.
   *
   * @return the path; empty when unknown
   */
  public String fieldPath() {
    return fieldPath;
  }

  /**
   * Argo's error for a secret that does not exist: {@code secrets "<name>" not found}. For {@link SecretResolver}
   * implementations.
   *
   * @param ref the secret reference
   * @return the exception
   */
  public static ArgumentResolutionException secretNotFound(SecretKeyRef ref) {
    return new ArgumentResolutionException("secrets \"" + ref.name() + "\" not found", "");
  }

  /**
   * Argo's error for a secret without the key: {@code key '<key>' does not exist in secret '<name>'}. For
   * {@link SecretResolver} implementations.
   *
   * @param ref the secret reference
   * @return the exception
   */
  public static ArgumentResolutionException secretKeyNotFound(SecretKeyRef ref) {
    return new ArgumentResolutionException("key '" + ref.key() + "' does not exist in secret '" + ref.name() + "'", "");
  }

  /**
   * A copy with a field path (the stack trace is kept).
   *
   * @param newFieldPath the path
   * @return the copy
   */
  ArgumentResolutionException withFieldPath(String newFieldPath) {
    ArgumentResolutionException copy = new ArgumentResolutionException(getMessage(), newFieldPath);
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}
