/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a plan's header and mirror route steps ask of a {@link TrafficRouter} (docs/routes.md). Stateless. */
final class ManagedRoutes {
  private ManagedRoutes() {}

  /** Whether a step sets or removes a managed route. */
  static boolean isRoute(CanaryStep step) {
    return step instanceof CanaryStep.SetHeaderRoute || step instanceof CanaryStep.SetMirrorRoute;
  }

  /** Sends a route step to the router. */
  static void apply(TrafficRouter router, CanaryStep step) throws Exception {
    if (step instanceof CanaryStep.SetHeaderRoute) {
      router.setHeaderRoute((CanaryStep.SetHeaderRoute) step);
    } else {
      router.setMirrorRoute((CanaryStep.SetMirrorRoute) step);
    }
  }

  /**
   * The routes the steps before {@code index} left in place: the last step of each name, unless it removed the
   * route, in the order the names were first set (a name set again keeps its first place, as it does in a router).
   */
  static List<CanaryStep> inPlaceBefore(CanaryPlan plan, int index) {
    Map<String, CanaryStep> routes = new LinkedHashMap<>();
    for (int i = 0; i < index && i < plan.steps().size(); i++) {
      CanaryStep s = plan.steps().get(i);
      if (s instanceof CanaryStep.SetHeaderRoute) {
        CanaryStep.SetHeaderRoute h = (CanaryStep.SetHeaderRoute) s;
        place(routes, h.name(), h.removes(), h);
      } else if (s instanceof CanaryStep.SetMirrorRoute) {
        CanaryStep.SetMirrorRoute m = (CanaryStep.SetMirrorRoute) s;
        place(routes, m.name(), m.removes(), m);
      }
    }
    return new ArrayList<>(routes.values());
  }

  private static void place(Map<String, CanaryStep> routes, String name, boolean removes, CanaryStep step) {
    if (removes) {
      routes.remove(name);
    } else {
      routes.put(name, step);
    }
  }
}
