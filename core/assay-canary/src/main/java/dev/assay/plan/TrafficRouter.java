/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

/**
 * Where a {@link PlanRunner} sets the canary's share of traffic: an Istio VirtualService, a gateway, a load balancer,
 * or a test double. Called on the runner's scheduler thread; an exception aborts the plan (weight 0 is attempted).
 *
 * <p>A router that only sets weights is a lambda. A router that also manages header and mirror routes (Argo's
 * {@code setHeaderRoute} and {@code setMirrorRoute} steps, see {@code docs/routes.md}) overrides
 * {@link #supportsManagedRoutes()} to return true and the three route methods; a plan with route steps is refused
 * at {@link PlanRunnerBuilder#build()} when its router does not.
 */
@FunctionalInterface
public interface TrafficRouter {
  /**
   * Whether this router implements {@link #setHeaderRoute}, {@link #setMirrorRoute} and
   * {@link #removeManagedRoutes()}. Default false.
   *
   * @return true when it manages header and mirror routes
   */
  default boolean supportsManagedRoutes() {
    return false;
  }

  /**
   * Sets the header route named {@code route.name()}, replacing a route of that name, or removes it when
   * {@link CanaryStep.SetHeaderRoute#removes()}. A request matching any of its rules goes to the canary whatever the
   * weight. Setting a route that is already set the same way must be harmless: a resumed plan sets its routes
   * again. The default throws {@link UnsupportedOperationException}.
   *
   * @param route the step
   * @throws Exception when the route could not be applied (the plan rolls back)
   */
  default void setHeaderRoute(CanaryStep.SetHeaderRoute route) throws Exception {
    throw new UnsupportedOperationException(getClass().getName()
        + " sets weights only: it does not implement setHeaderRoute (see docs/routes.md)");
  }

  /**
   * Sets the mirror route named {@code route.name()}, replacing a route of that name, or removes it when
   * {@link CanaryStep.SetMirrorRoute#removes()}. {@code route.percentage()}% of the requests matching any of its
   * rules are copied to the canary, whose answers are discarded; the requests themselves are routed by weight.
   * Setting a route that is already set the same way must be harmless. The default throws
   * {@link UnsupportedOperationException}.
   *
   * @param route the step
   * @throws Exception when the route could not be applied (the plan rolls back)
   */
  default void setMirrorRoute(CanaryStep.SetMirrorRoute route) throws Exception {
    throw new UnsupportedOperationException(getClass().getName()
        + " sets weights only: it does not implement setMirrorRoute (see docs/routes.md)");
  }

  /**
   * Removes every header and mirror route this router set, as Argo does when a rollout is promoted or aborted.
   * Harmless when there is none. The default throws {@link UnsupportedOperationException}.
   *
   * @throws Exception when the routes could not be removed (logged and named in the plan's message)
   */
  default void removeManagedRoutes() throws Exception {
    throw new UnsupportedOperationException(getClass().getName()
        + " sets weights only: it does not implement removeManagedRoutes (see docs/routes.md)");
  }

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
