/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.MirrorRouteMatch;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.StringMatch;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo router's header and mirror routes over real HTTP, driven by a plan on a manual clock: the plan sets the
 * routes at their steps and its promotion or abort removes them (docs/routes.md). Which service answered is the
 * router's {@code x-served-by} header; mirrored copies are counted by the canary service's own request counter.
 */
class WeightedRouterRoutesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final CanaryStep.SetMirrorRoute SHADOW = CanaryStep.setMirrorRoute("shadow", 100,
      new MirrorRouteMatch(StringMatch.exact("GET"), StringMatch.prefix("/api/"),
          Map.of("x-shadow", StringMatch.exact("yes"))));

  private final HttpClient client = HttpClient.newHttpClient();
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
  private DemoService stable;
  private DemoService canary;
  private WeightedRouter router;
  private AnalysisEngine engine;

  @BeforeEach
  void start() throws Exception {
    stable = DemoService.start("1.0.0", "demo-s-0", 0, 0, 1, Clock.systemUTC());
    canary = DemoService.start("1.1.0", "demo-c-0", 0, 0, 2, Clock.systemUTC());
    router = new WeightedRouter(stable, canary, 3);
    engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).inlineProviderCalls().build();
  }

  @AfterEach
  void stop() {
    engine.close();
    router.close();
    canary.close();
    stable.close();
  }

  private PlanRunner runner(CanaryStep... steps) {
    return PlanRunner.builder().plan(CanaryPlan.of(steps)).engine(engine).scheduler(scheduler)
        .clock(scheduler.clock()).router(router).build();
  }

  private String servedBy(String path, String header, String value) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(router.url() + path));
    if (header != null) {
      b.header(header, value);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("x-served-by")
        .orElseThrow();
  }

  private String testerRequest() throws Exception {
    return servedBy("/api/v1/version", "x-canary", "true");
  }

  private String plainRequest() throws Exception {
    return servedBy("/api/v1/version", null, null);
  }

  /** Requests the canary service counted on /api/v1/version, from its Prometheus text. */
  private long canaryRequests() {
    return canary.metrics().lines().filter(l -> l.startsWith("http_requests_total{"))
        .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void theHeaderRouteSendsTestersToTheCanaryFromItsStepUntilTheAbort() throws Exception {
    PlanRunner r = runner(CanaryStep.setWeight(0), CanaryStep.pause(), Demo.TESTERS_ROUTE, CanaryStep.pause());
    r.start();
    assertThat(testerRequest()).as("before the header step, at weight 0").isEqualTo("1.0.0");

    r.promote();

    assertThat(router.managedRoutes().snapshot()).containsOnlyKeys("canary-testers");
    assertThat(testerRequest()).as("after the header step, at weight 0").isEqualTo("1.1.0");
    assertThat(servedBy("/api/v1/version", "X-Canary", "true")).as("header names ignore case").isEqualTo("1.1.0");
    assertThat(servedBy("/api/v1/version", "x-canary", "false")).isEqualTo("1.0.0");
    assertThat(plainRequest()).isEqualTo("1.0.0");

    r.abort();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(router.managedRoutes().snapshot()).isEmpty();
    assertThat(testerRequest()).as("after the abort removed the route, weight 0").isEqualTo("1.0.0");
  }

  @Test
  void promotionRemovesTheHeaderRouteSoTestersFollowTheWeightAgain() throws Exception {
    PlanRunner r = runner(Demo.TESTERS_ROUTE, CanaryStep.setWeight(0), CanaryStep.pause(Duration.ofMinutes(1)));
    r.start();
    assertThat(testerRequest()).isEqualTo("1.1.0");

    scheduler.advanceBy(Duration.ofMinutes(1));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(router.weight()).isEqualTo(100);
    assertThat(router.managedRoutes().snapshot()).isEmpty();
    router.setWeight(0); // the next rollout starts at 0%: a tester's request now follows the weight
    assertThat(testerRequest()).isEqualTo("1.0.0");
  }

  @Test
  void theMirrorRouteCopiesMatchingRequestsToTheCanaryUntilTheAbort() throws Exception {
    PlanRunner r = runner(CanaryStep.setWeight(0), SHADOW, CanaryStep.pause());
    r.start();

    for (int i = 0; i < 5; i++) {
      assertThat(servedBy("/api/v1/version", "x-shadow", "yes")).as("the request itself follows the weight")
          .isEqualTo("1.0.0");
    }
    assertThat(servedBy("/api/v1/version", "x-shadow", "no")).isEqualTo("1.0.0");
    assertThat(servedBy("/health", "x-shadow", "yes")).isEqualTo("1.0.0");
    router.managedRoutes().settled().get(10, TimeUnit.SECONDS);

    assertThat(canaryRequests()).as("copies of the 5 matching requests only").isEqualTo(5);

    r.abort();
    assertThat(servedBy("/api/v1/version", "x-shadow", "yes")).isEqualTo("1.0.0");
    router.managedRoutes().settled().get(10, TimeUnit.SECONDS);
    assertThat(canaryRequests()).as("no copy after the abort removed the route").isEqualTo(5);
  }

  @Test
  void theMirrorPercentageCopiesAShareOfTheMatchingRequests() throws Exception {
    router.setMirrorRoute(CanaryStep.setMirrorRoute("some", 35, MirrorRouteMatch.of(null, StringMatch.prefix("/"))));

    for (int i = 0; i < 40; i++) {
      plainRequest();
    }
    router.managedRoutes().settled().get(10, TimeUnit.SECONDS);

    assertThat(canaryRequests()).isBetween(5L, 25L);
    router.setMirrorRoute(CanaryStep.removeMirrorRoute("some"));
    assertThat(router.managedRoutes().snapshot()).isEmpty();
  }
}
