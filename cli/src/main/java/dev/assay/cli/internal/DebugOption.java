/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, accepted by every command. {@link Failures} reads it from the raw arguments (so it works even
 * when parsing fails) and {@code Assay} raises the log level; this field only declares the option.
 */
public final class DebugOption {
  @Option(names = "--debug", description = "On failure, print the stack trace; log at DEBUG level.")
  boolean debug;
}
