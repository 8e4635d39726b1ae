/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.model.Argument;
import dev.assay.spi.MetricProvider;
import dev.assay.templates.CanaryTemplates;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Header and mirror route steps in a running plan (docs/routes.md): each route is set at its step, in order with the
 * weights, and the managed routes are removed on promotion (after the weight reaches 100%), on a full promotion
 * (before the weight), on abort and on an analysis rollback (before the weight goes back to 0), as Argo orders them.
 * Time is a ManualClock; the router records its calls.
 */
class PlanRoutesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final CanaryStep.SetHeaderRoute TESTERS =
      CanaryStep.setHeaderRoute("testers", HeaderRouteMatch.exact("x-canary", "true"));
  private static final CanaryStep.SetMirrorRoute SHADOW = CanaryStep.setMirrorRoute("shadow", 35,
      MirrorRouteMatch.of(StringMatch.exact("GET"), StringMatch.prefix("/api/")));

  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
  private final List<AnalysisEngine> engines = new ArrayList<>();

  /** A router that records every call as text and can be told to fail some of them. */
  private static final class RecordingRouter implements TrafficRouter {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<CanaryStep> routesGiven = new CopyOnWriteArrayList<>();
    volatile boolean failRoutes;
    volatile boolean failRemoval;

    @Override
    public void setWeight(int canaryPercent) {
      calls.add("weight " + canaryPercent);
    }

    @Override
    public boolean supportsManagedRoutes() {
      return true;
    }

    @Override
    public void setHeaderRoute(CanaryStep.SetHeaderRoute route) throws Exception {
      if (failRoutes) {
        throw new Exception("VirtualService checkout-vsvc: conflict");
      }
      routesGiven.add(route);
      calls.add(route.removes() ? "remove header " + route.name() : "header " + route.name());
    }

    @Override
    public void setMirrorRoute(CanaryStep.SetMirrorRoute route) {
      routesGiven.add(route);
      calls.add(route.removes() ? "remove mirror " + route.name()
          : "mirror " + route.name() + " " + route.percentage() + "%");
    }

    @Override
    public void setRevisions(Revision stable, Revision canary) {
      calls.add("revisions " + stable.number() + "/" + canary.number());
    }

    @Override
    public void removeManagedRoutes() throws Exception {
      calls.add("remove managed routes");
      if (failRemoval) {
        throw new Exception("mesh API unreachable");
      }
    }
  }

  @AfterEach
  void close() {
    engines.forEach(AnalysisEngine::close);
  }

  private AnalysisEngine engine(MetricProvider prometheus) {
    AnalysisEngine e = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).inlineProviderCalls()
        .provider(prometheus).provider(PlanRunnerTest.web()).provider(JudgeMetricProvider.delegatingTo(prometheus))
        .build();
    engines.add(e);
    return e;
  }

  private PlanRunnerBuilder builder(TrafficRouter router, CanaryStep... steps) {
    return PlanRunner.builder().plan(CanaryPlan.of(steps)).engine(engine(PlanRunnerTest.prometheus(0.15, 0.03, 0.2,
            1.0))).scheduler(scheduler).clock(scheduler.clock()).router(router).templates(CanaryTemplates.all())
        .name("checkout", "shop")
        .args(List.of(Argument.of("service-name", "checkout"), Argument.of("namespace", "shop"),
            Argument.of("canary-hash", "c4n4ry"), Argument.of("stable-hash", "st4bl3"),
            Argument.of("canary-url", "http://checkout-canary.shop:8080")));
  }

  @Test
  void headerRouteIsSetAtItsStepAndRemovedAfterThePromotionWeight() {
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, CanaryStep.setWeight(10), TESTERS, CanaryStep.pause(),
        CanaryStep.setWeight(50), CanaryStep.pause(Duration.ofMinutes(1))).build();

    r.start();

    assertThat(router.calls).containsExactly("weight 10", "header testers");
    assertThat(router.routesGiven).containsExactly(TESTERS);
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PAUSED);

    r.promote();
    scheduler.advanceBy(Duration.ofMinutes(1));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(r.status().message()).isEqualTo("promoted: every step passed");
    assertThat(router.calls).containsExactly("weight 10", "header testers", "weight 50", "weight 100",
        "remove managed routes");
  }

  @Test
  void abortRemovesTheRoutesBeforeTheWeightGoesBackToZero() {
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, CanaryStep.setWeight(10), TESTERS, CanaryStep.pause()).build();
    r.start();

    r.abort();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().weight()).isZero();
    assertThat(router.calls).containsExactly("weight 10", "header testers", "remove managed routes", "weight 0");
  }

  @Test
  void analysisFailureRollsBackAndRemovesTheRoutes() {
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, TESTERS, CanaryStep.setWeight(10),
        CanaryStep.analysis(CanaryTemplates.ERROR_RATE)).build();

    r.start();
    scheduler.runUntilIdle(T0.plus(Duration.ofHours(1)));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).startsWith("rolled back at step 3/3 (10%)").contains("error-rate");
    assertThat(router.calls).containsExactly("header testers", "weight 10", "remove managed routes", "weight 0");
  }

  @Test
  void undoToStableDuringTheCanaryRemovesTheRoutesBeforeTheWeight() {
    RevisionHistory history = RevisionHistory.NONE.deploy("v1", Map.of("image", "checkout:v1"));
    if (history.canary().isPresent()) {
      history = history.promote();
    }
    history = history.deploy("v2", Map.of("image", "checkout:v2"));
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, CanaryStep.setWeight(10), TESTERS, CanaryStep.pause()).revisions(history).build();
    r.start();
    assertThat(router.calls).endsWith("weight 10", "header testers");

    r.undo();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(router.calls).endsWith("remove managed routes", "weight 0");
  }

  @Test
  void fullPromotionRemovesTheRoutesBeforeTheWeight() {
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, CanaryStep.setWeight(10), TESTERS, CanaryStep.pause(),
        CanaryStep.setWeight(50)).build();
    r.start();

    r.promoteFull();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(router.calls).containsExactly("weight 10", "header testers", "remove managed routes", "weight 100");
  }

  @Test
  void mirrorRouteIsSetAndRemovedByItsStepsAndAgainOnAbort() {
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, CanaryStep.setWeight(5), SHADOW, CanaryStep.pause(Duration.ofMinutes(5)),
        CanaryStep.removeMirrorRoute("shadow"), CanaryStep.setWeight(20), CanaryStep.pause()).build();

    r.start();
    assertThat(router.calls).containsExactly("weight 5", "mirror shadow 35%");
    scheduler.advanceBy(Duration.ofMinutes(5));
    assertThat(router.calls).containsExactly("weight 5", "mirror shadow 35%", "remove mirror shadow", "weight 20");
    assertThat(router.routesGiven).containsExactly(SHADOW, CanaryStep.removeMirrorRoute("shadow"));

    r.abort();

    assertThat(router.calls).endsWith("remove managed routes", "weight 0");
  }

  @Test
  void mirrorRouteIsRemovedOnPromotion() {
    RecordingRouter router = new RecordingRouter();
    PlanRunner r = builder(router, SHADOW, CanaryStep.setWeight(30), CanaryStep.pause(Duration.ofMinutes(2)))
        .build();

    r.start();
    scheduler.advanceBy(Duration.ofMinutes(2));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(router.calls).containsExactly("mirror shadow 35%", "weight 30", "weight 100", "remove managed routes");
  }

  @Test
  void aPlanWithRouteStepsAndAWeightOnlyRouterIsRefusedAtBuild() {
    List<Integer> weights = new ArrayList<>();
    assertThatThrownBy(() -> builder(weights::add, CanaryStep.setWeight(5), CanaryStep.pause(), TESTERS).build())
        .isInstanceOf(PlanException.class)
        .hasMessageStartingWith("steps[2].setHeaderRoute: the router (")
        .hasMessageContaining("does not support header routes: its supportsManagedRoutes() is false");
    assertThatThrownBy(() -> builder(weights::add, SHADOW).build())
        .hasMessageStartingWith("steps[0].setMirrorRoute: the router (")
        .hasMessageContaining("does not support mirror routes");
    // a weight-only router still runs plans without route steps, and is never asked to remove routes
    PlanRunner r = builder(weights::add, CanaryStep.setWeight(5), CanaryStep.pause()).build();
    r.start();
    r.abort();
    assertThat(weights).containsExactly(5, 0);
  }

  @Test
  void theDefaultRouteMethodsSayTheRouterSetsWeightsOnly() {
    TrafficRouter weightsOnly = w -> { };
    assertThat(weightsOnly.supportsManagedRoutes()).isFalse();
    assertThatThrownBy(() -> weightsOnly.setHeaderRoute(TESTERS))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageEndingWith("sets weights only: it does not implement setHeaderRoute (see docs/routes.md)");
    assertThatThrownBy(weightsOnly::removeManagedRoutes).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRouteTheRouterCannotSetRollsTheCanaryBack() {
    RecordingRouter router = new RecordingRouter();
    router.failRoutes = true;
    PlanRunner r = builder(router, CanaryStep.setWeight(10), TESTERS, CanaryStep.pause()).build();

    r.start();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).isEqualTo("rolled back at step 2/3: setHeaderRoute testers: x-canary exact true "
        + "failed: VirtualService checkout-vsvc: conflict");
    assertThat(router.calls).containsExactly("weight 10", "remove managed routes", "weight 0");
  }

  @Test
  void aFailedRemovalIsNamedButDoesNotHideTheOutcome() {
    RecordingRouter router = new RecordingRouter();
    router.failRemoval = true;
    PlanRunner aborted = builder(router, CanaryStep.setWeight(10), TESTERS, CanaryStep.pause()).build();
    aborted.start();

    aborted.abort();

    assertThat(aborted.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(aborted.status().weight()).isZero();
    assertThat(aborted.status().message()).isEqualTo("aborted by request at step 3/3; removing the managed routes "
        + "failed: mesh API unreachable");

    PlanRunner promoted = builder(router, TESTERS, CanaryStep.setWeight(10)).build();
    promoted.start();

    assertThat(promoted.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(promoted.status().weight()).isEqualTo(100);
    assertThat(promoted.status().message()).isEqualTo("promoted: every step passed; removing the managed routes "
        + "failed: mesh API unreachable");
  }

  @Test
  void resumeSetsAgainTheRoutesTheEarlierStepsLeftInPlace() {
    RecordingRouter first = new RecordingRouter();
    CanaryStep[] steps = {TESTERS, SHADOW, CanaryStep.setWeight(10), CanaryStep.removeMirrorRoute("shadow"),
        CanaryStep.pause(Duration.ofMinutes(10)), CanaryStep.setWeight(50), CanaryStep.pause()};
    List<PlanState> saved = new CopyOnWriteArrayList<>();
    PlanRunner r = builder(first, steps).store(saved::add).build();
    r.start();
    scheduler.advanceBy(Duration.ofMinutes(3));
    assertThat(first.calls).containsExactly("header testers", "mirror shadow 35%", "weight 10",
        "remove mirror shadow");

    // a restart: a new router that lost its state and a new runner, from the state saved in the pause
    RecordingRouter second = new RecordingRouter();
    PlanRunner resumed = builder(second, steps).build();
    resumed.resume(PlanState.fromJson(saved.get(saved.size() - 1).toJson()), name -> Optional.empty());

    assertThat(second.calls).containsExactly("weight 10", "header testers");
    assertThat(second.routesGiven).containsExactly(TESTERS);
    scheduler.advanceBy(Duration.ofMinutes(7));
    assertThat(second.calls).containsExactly("weight 10", "header testers", "weight 50");
    assertThat(resumed.status().phase()).isEqualTo(PlanPhase.PAUSED);
  }
}
