/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

/** A problem the user can fix, reported as one line and an exit code (4 unless said otherwise). */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * Bad input (exit 4).
   *
   * @param message one line saying what is wrong and, where possible, how to fix it
   */
  public CliException(String message) {
    this(message, ExitCodes.BAD_INPUT, null);
  }

  /**
   * Bad input (exit 4) caused by another exception (shown with {@code --debug}).
   *
   * @param message one line
   * @param cause the cause
   */
  public CliException(String message, Throwable cause) {
    this(message, ExitCodes.BAD_INPUT, cause);
  }

  /**
   * A problem with its own exit code.
   *
   * @param message one line
   * @param exitCode the exit code
   * @param cause the cause, or null
   */
  public CliException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * The exit code.
   *
   * @return the code
   */
  public int exitCode() {
    return exitCode;
  }
}
