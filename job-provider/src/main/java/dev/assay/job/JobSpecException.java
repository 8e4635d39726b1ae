/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import dev.assay.AssayException;

/**
 * A metric's {@code job} block cannot be run: a field has the wrong type, a required field is missing, or the local
 * runner does not support a field. The message starts with the field path, for example
 * {@code job.spec.template.spec.containers[0].command: ...}.
 */
public class JobSpecException extends AssayException {
  private static final long serialVersionUID = 1L;

  /** The path of the offending field. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the path of the offending field, such as {@code job.spec.backoffLimit}
   * @param problem what is wrong with it
   */
  public JobSpecException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /**
   * The path of the offending field.
   *
   * @return the path, such as {@code job.spec.backoffLimit}
   */
  public String field() {
    return field;
  }
}
