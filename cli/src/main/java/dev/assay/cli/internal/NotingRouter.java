/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.plan.CanaryStep;
import dev.assay.plan.TrafficRouter;
import java.util.function.Consumer;

/**
 * The router of {@code assay run --rollout}: the CLI moves no traffic, so it notes each weight and route change, and
 * accepts the Rollout's header and mirror route steps (docs/routes.md) instead of refusing the plan.
 */
final class NotingRouter implements TrafficRouter {
  private final Consumer<String> note;

  NotingRouter(Consumer<String> note) {
    this.note = note;
  }

  @Override
  public void setWeight(int canaryPercent) {
    note.accept("canary weight " + canaryPercent + "%");
  }

  @Override
  public boolean supportsManagedRoutes() {
    return true;
  }

  @Override
  public void setHeaderRoute(CanaryStep.SetHeaderRoute route) {
    note.accept(route.describe());
  }

  @Override
  public void setMirrorRoute(CanaryStep.SetMirrorRoute route) {
    note.accept(route.describe());
  }

  @Override
  public void removeManagedRoutes() {
    note.accept("managed routes removed");
  }
}
