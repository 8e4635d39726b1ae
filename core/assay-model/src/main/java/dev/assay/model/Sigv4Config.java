/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;

/**
 * AWS SigV4 signing settings (Amazon Managed Prometheus).
 *
 * @param region the AWS region; empty when absent
 * @param profile the AWS profile; empty when absent
 * @param roleArn the role to assume; empty when absent
 */
public record Sigv4Config(String region, String profile, String roleArn) {
  /**
   * Normalises absent values to empty ones.
   *
   * @param region the AWS region; empty when absent
   * @param profile the AWS profile; empty when absent
   * @param roleArn the role to assume; empty when absent
   */
  public Sigv4Config {
    region = Objects.requireNonNullElse(region, "");
    profile = Objects.requireNonNullElse(profile, "");
    roleArn = Objects.requireNonNullElse(roleArn, "");
  }
}
