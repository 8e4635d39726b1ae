/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import java.util.Objects;

/**
 * Identifies the analysis run a measurement belongs to.
 *
 * @param name the run name
 * @param namespace the run namespace; empty when not in a cluster
 * @param uid the run UID (used to name and label Kubernetes Jobs)
 */
public record RunRef(String name, String namespace, String uid) {
  /**
   * Validates the components.
   *
   * @param name the run name
   * @param namespace the run namespace; empty when not in a cluster
   * @param uid the run UID (used to name and label Kubernetes Jobs)
   */
  public RunRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(uid, "uid");
  }
}
