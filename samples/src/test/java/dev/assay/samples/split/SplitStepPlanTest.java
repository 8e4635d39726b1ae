/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.split;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.engine.AnalysisEngine;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.PlanStatus;
import dev.assay.plan.TrafficRouter;
import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code verifySplit} plan step on the manual clock, against the demo's real weighted router over HTTP. The
 * runner hands each check to an executor that only queues it; the test runs the queued check on its own thread
 * (real requests), so when the verdict arrives is under the test's control.
 */
class SplitStepPlanTest {
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
      .inlineProviderCalls().build();
  private final Queue<Runnable> checks = new ArrayDeque<>();
  private final List<Integer> weights = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    engine.close();
  }

  private static SplitCheck check(URI url) {
    return SplitCheck.builder(url, SplitClassifier.jsonPath(".version", DemoRouter.CANARY))
        .budget(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(60)).build();
  }

  private PlanRunner runner(TrafficRouter router, CanaryStep... steps) {
    TrafficRouter recording = percent -> {
      weights.add(percent);
      router.setWeight(percent);
    };
    return PlanRunner.builder().plan(CanaryPlan.of(steps)).engine(engine).scheduler(scheduler).router(recording)
        .splitExecutor(checks::add).name("checkout", "shop").build();
  }

  /** Runs queued checks and moves the clock until the plan is done or paused (at most 2 virtual hours). */
  private PlanStatus walk(PlanRunner r) {
    for (int second = 0; second < 7200; second++) {
      while (!checks.isEmpty()) {
        checks.poll().run();
      }
      PlanPhase phase = r.status().phase();
      if (phase.isDone() || phase == PlanPhase.PAUSED) {
        break;
      }
      scheduler.advanceBy(Duration.ofSeconds(1));
    }
    return r.status();
  }

  @Test
  void aCorrectRouterPassesEverySplitCheckAndIsPromoted() throws Exception {
    try (DemoRouter demo = new DemoRouter(31)) {
      SplitCheck check = check(demo.versionUrl());
      PlanRunner r = runner(demo.router, CanaryStep.setWeight(25), CanaryStep.verifySplit(check),
          CanaryStep.pause(Duration.ofMinutes(1)), CanaryStep.setWeight(50), CanaryStep.verifySplit(check));
      r.start();

      PlanStatus s = walk(r);

      assertThat(s.phase()).as(s.message()).isEqualTo(PlanPhase.PROMOTED);
      assertThat(weights).containsExactly(25, 50, 100);
      assertThat(demo.router.weight()).isEqualTo(100);
    }
  }

  @Test
  void aRouterThatIgnoresWeightsIsRolledBackAtTheCheck() throws Exception {
    try (DemoRouter demo = new DemoRouter(32)) {
      TrafficRouter ignoresWeights = percent -> { };
      PlanRunner r = runner(ignoresWeights, CanaryStep.setWeight(25), CanaryStep.verifySplit(check(demo.versionUrl())),
          CanaryStep.setWeight(50));
      r.start();

      PlanStatus s = walk(r);

      assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
      assertThat(s.stepIndex()).isEqualTo(1);
      assertThat(s.message()).startsWith("rolled back at step 2/3 (25%): canary 0 of 100 at 25% set: split broken "
          + "(p < 0.001; ");
      assertThat(weights).containsExactly(25, 0);
    }
  }

  @Test
  void anInconclusiveCheckPausesAndRetryRunsItAgain() throws Exception {
    SplitCheck dead = SplitCheck.builder(DemoRouter.deadUrl(), SplitClassifier.header("x-served-by", "v2"))
        .requests(10).build();
    PlanRunner r = runner(percent -> { }, CanaryStep.setWeight(10), CanaryStep.verifySplit(dead),
        CanaryStep.setWeight(60));
    r.start();

    PlanStatus paused = walk(r);
    assertThat(paused.phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(paused.message()).isEqualTo("paused at step 2/3 (10%): canary 0 of 0 at 10% set: inconclusive, 10 of "
        + "10 requests failed (at most 10% may): connection refused \u00d710");

    r.retry();
    assertThat(checks).hasSize(1);
    assertThat(walk(r).phase()).isEqualTo(PlanPhase.PAUSED);

    r.promote();
    assertThat(walk(r).phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(10, 60, 100);
  }

  @Test
  void anAbortDuringTheCheckDiscardsItsLateVerdict() throws Exception {
    AtomicReference<PlanRunner> runner = new AtomicReference<>();
    AtomicInteger served = new AtomicInteger();
    // An entry point that answers with a perfect 50% split, and on the 10th request the operator aborts.
    HttpServer entry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    entry.createContext("/", ex -> {
      int n = served.incrementAndGet();
      if (n == 10) {
        runner.get().abort();
      }
      answer(ex, n % 2 == 0 ? DemoRouter.CANARY : DemoRouter.STABLE);
    });
    entry.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + entry.getAddress().getPort() + "/api/v1/version");
      PlanRunner r = runner(percent -> { }, CanaryStep.setWeight(50), CanaryStep.verifySplit(check(url)),
          CanaryStep.setWeight(80));
      runner.set(r);
      r.start();
      assertThat(r.status().message()).startsWith("verifying the traffic split at 50% (100 requests to ");

      checks.poll().run();

      PlanStatus s = r.status();
      assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
      assertThat(s.message()).isEqualTo("aborted by request at step 2/3");
      assertThat(weights).containsExactly(50, 0);
      // The check stopped sending once the plan no longer wanted its verdict (at most the 4 in flight more).
      assertThat(served.get()).isBetween(10, 14);
      assertThat(checks).isEmpty();
    } finally {
      entry.stop(0);
    }
  }

  private static void answer(HttpExchange ex, String version) throws IOException {
    byte[] body = ("{\"version\":\"" + version + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
