/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.time;

/**
 * A {@link Scheduler} that owns threads and must be closed. {@link #close()} cancels pending tasks, stops the
 * threads and does not throw; calling it again does nothing.
 */
public interface CloseableScheduler extends Scheduler, AutoCloseable {
  @Override
  void close();
}
