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

  /**
   * Points the stable and canary backends at revisions (the weight set by {@link #setWeight} is unchanged); the same
   * revision for both when there is no canary. Called by {@link PlanRunner#undo()} and after a retry with a revision
   * history; a router that cannot switch revisions keeps this default, and {@code undo} then fails with an
   * {@link IllegalStateException} before changing anything. See {@code docs/revisions.md}.
   *
   * @param stable the revision the stable backend serves
   * @param canary the revision the canary backend serves
   * @throws UnsupportedOperationException by default
   * @throws Exception when the backends could not be switched
   */
  default void setRevisions(Revision stable, Revision canary) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement TrafficRouter.setRevisions, "
        + "so it cannot switch revisions");
  }
}
