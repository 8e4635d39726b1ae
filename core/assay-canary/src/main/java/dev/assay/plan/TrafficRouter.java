/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

/**
 * Where a {@link PlanRunner} sets the canary's share of traffic: an Istio VirtualService, a gateway, a load balancer,
 * or a test double. Called on the runner's scheduler thread; an exception aborts the plan (weight 0 is attempted).
 */
@FunctionalInterface
public interface TrafficRouter {
  /**
   * Sends a share of traffic to the canary and the rest to stable.
   *
   * @param canaryPercent the canary's share, 0 to 100
   * @throws Exception when the weight could not be applied
   */
  void setWeight(int canaryPercent) throws Exception;
}
