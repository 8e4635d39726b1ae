/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.assay.engine.AnalysisEngine;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.Revision;
import dev.assay.plan.RevisionHistory;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undo through the demo's real router: one demo service per version on 127.0.0.1, and requests to
 * {@code /api/v1/version} counted by their {@code x-served-by} header. Weights are 0 or 100, so every count is exact;
 * {@code x-canary: true} reaches the canary backend at weight 0.
 */
class UndoOverHttpTest {
  /** At 0% until promoted (stable and canary both reachable), then 100% until promoted again. */
  private static final CanaryPlan PLAN = CanaryPlan.of(CanaryStep.pause(), CanaryStep.setWeight(100),
      CanaryStep.pause());
  private static final int REQUESTS = 10;

  private final HttpClient client = HttpClient.newHttpClient();
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
      .inlineProviderCalls().build();
  private DemoService v1;
  private DemoService v2;
  private DemoService v3;
  private WeightedRouter router;

  @BeforeEach
  void start() throws Exception {
    v1 = DemoService.start("1.0.0", "demo-v1-0", 0, 0, 1, Clock.systemUTC());
    v2 = DemoService.start("1.1.0", "demo-v2-0", 0, 0, 2, Clock.systemUTC());
    v3 = DemoService.start("1.2.0", "demo-v3-0", 0, 0, 3, Clock.systemUTC());
    router = new WeightedRouter(v1, v2, 7);
    router.serve(v3);
  }

  @AfterEach
  void stop() {
    engine.close();
    router.close();
    v1.close();
    v2.close();
    v3.close();
  }

  private static RevisionHistory history(String... versions) {
    RevisionHistory h = RevisionHistory.NONE;
    for (int i = 0; i < versions.length; i++) {
      h = h.deploy(versions[i], Map.of("image", "demo:" + versions[i]));
      if (i < versions.length - 1 && h.canary().isPresent()) {
        h = h.promote();
      }
    }
    return h;
  }

  private PlanRunner runner(RevisionHistory history, int window) {
    return PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler).clock(scheduler.clock())
        .router(router).revisions(history).rollbackWindow(window).build();
  }

  /** Requests sent, by the version that served them. */
  private Map<String, Integer> servedBy(boolean canaryHeader) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(router.url() + "/api/v1/version"));
      if (canaryHeader) {
        b.header("x-canary", "true");
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      counts.merge(r.headers().firstValue("x-served-by").orElseThrow(), 1, Integer::sum);
    }
    return counts;
  }

  /** Walks the plan to the end: the history's canary takes all traffic. */
  private PlanRunner promoted(RevisionHistory history, int window) {
    PlanRunner r = runner(history, window);
    r.start();
    r.promote();
    r.promote();
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    return r;
  }

  @Test
  void undoDuringTheCanarySendsEverythingBackToStable() throws Exception {
    PlanRunner r = runner(history("1.0.0", "1.1.0"), 0);
    r.start();
    assertThat(servedBy(false)).containsExactly(entry("1.0.0", REQUESTS));
    assertThat(servedBy(true)).containsExactly(entry("1.1.0", REQUESTS));
    r.promote();
    assertThat(servedBy(false)).containsExactly(entry("1.1.0", REQUESTS));

    r.undo();

    assertThat(r.status().message()).startsWith("undone to revision 3 (1.0.0)");
    assertThat(router.weight()).isZero();
    assertThat(servedBy(false)).containsExactly(entry("1.0.0", REQUESTS));
    assertThat(servedBy(true)).as("the canary backend serves stable too").containsExactly(entry("1.0.0", REQUESTS));
  }

  @Test
  void undoAfterPromotionWalksThePreviousVersionThroughTheSteps() throws Exception {
    PlanRunner r = promoted(history("1.0.0", "1.1.0"), 0);
    assertThat(servedBy(false)).containsExactly(entry("1.1.0", REQUESTS));

    r.undo();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(router.weight()).isZero();
    assertThat(servedBy(false)).as("stable is 1.1.0 now").containsExactly(entry("1.1.0", REQUESTS));
    assertThat(servedBy(true)).as("canary is revision 3").containsExactly(entry("1.0.0", REQUESTS));
    r.promote();
    assertThat(servedBy(false)).containsExactly(entry("1.0.0", REQUESTS));
    r.promote();
    assertThat(r.status().revisions().stable().describe()).isEqualTo("revision 3 (1.0.0)");
    assertThat(servedBy(false)).containsExactly(entry("1.0.0", REQUESTS));
  }

  @Test
  void undoWithinTheRollbackWindowSwitchesAtOnce() throws Exception {
    PlanRunner r = promoted(history("1.0.0", "1.1.0"), 1);

    r.undo();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(router.weight()).isEqualTo(100);
    assertThat(servedBy(false)).containsExactly(entry("1.0.0", REQUESTS));
    assertThat(servedBy(true)).containsExactly(entry("1.0.0", REQUESTS));
  }

  @Test
  void undoToANamedRevisionReachesItsService() throws Exception {
    // start() pointed the router at stable 1.1.0 and canary 1.2.0
    PlanRunner r = promoted(history("1.0.0", "1.1.0", "1.2.0"), 0);
    assertThat(servedBy(false)).containsExactly(entry("1.2.0", REQUESTS));

    r.undo(1);

    assertThat(r.status().revisions().canary().orElseThrow().describe()).isEqualTo("revision 4 (1.0.0)");
    assertThat(servedBy(false)).containsExactly(entry("1.2.0", REQUESTS));
    assertThat(servedBy(true)).containsExactly(entry("1.0.0", REQUESTS));
    assertThatThrownBy(() -> router.setRevisions(Revision.of(1, "9.9.9", Map.of()), Revision.of(2, "1.0.0",
        Map.of()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no demo service runs version 9.9.9 (revision 1 (9.9.9)); versions served: [1.0.0, 1.1.0, 1.2.0]");
  }
}
