/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Undo on a manual clock: the router records every weight and revision switch as {@code w<percent>} and
 * {@code r<stable>/<canary>} (revision numbers), so each test can check what traffic saw, in order.
 */
class PlanUndoTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** 50%, a timed pause, 100%: promoted after 10 minutes. */
  private static final CanaryPlan PLAN = CanaryPlan.of(CanaryStep.setWeight(50),
      CanaryStep.pause(Duration.ofMinutes(10)), CanaryStep.setWeight(100));

  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
  private final AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
      .inlineProviderCalls().build();
  private final List<String> router = new ArrayList<>();
  private final AtomicReference<String> saved = new AtomicReference<>();

  @AfterEach
  void close() {
    engine.close();
  }

  /** Records weights and revision switches. */
  private final class RecordingRouter implements TrafficRouter {
    @Override
    public void setWeight(int canaryPercent) {
      router.add("w" + canaryPercent);
    }

    @Override
    public void setRevisions(Revision stable, Revision canary) {
      router.add("r" + stable.number() + "/" + canary.number());
    }
  }

  private static Map<String, String> spec(String version) {
    return Map.of("image", "registry.example/checkout:" + version);
  }

  /** v1 stable, then each version in turn deployed and promoted; the last one is left as the canary. */
  private static RevisionHistory history(String... versions) {
    RevisionHistory h = RevisionHistory.NONE;
    for (int i = 0; i < versions.length; i++) {
      h = h.deploy(versions[i], spec(versions[i]));
      if (i < versions.length - 1 && h.canary().isPresent()) {
        h = h.promote();
      }
    }
    return h;
  }

  private PlanRunnerBuilder builder(RevisionHistory history, int window) {
    return PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler).clock(scheduler.clock())
        .router(new RecordingRouter()).revisions(history).rollbackWindow(window)
        .store(state -> saved.set(state.toJson()));
  }

  /** Starts a runner and walks it to the end: the canary (the history's last version) is promoted. */
  private PlanRunner promoted(RevisionHistory history, int window) {
    PlanRunner r = builder(history, window).build();
    r.start();
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    router.clear();
    return r;
  }

  private static String versions(PlanStatus s) {
    RevisionHistory h = s.revisions();
    return "stable " + h.stable().describe() + ", canary " + h.canary().map(Revision::describe).orElse("none");
  }

  @Test
  void undoDuringTheCanaryGoesBackToStableAtOnce() {
    PlanRunner r = builder(history("v1", "v2"), 0).build();
    r.start();
    scheduler.advanceBy(Duration.ofMinutes(3));
    assertThat(r.status().weight()).isEqualTo(50);
    router.clear();

    r.undo();

    PlanStatus s = r.status();
    assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(s.weight()).isZero();
    assertThat(s.message()).startsWith("undone to revision 3 (v1)").contains("steps skipped");
    assertThat(versions(s)).isEqualTo("stable revision 3 (v1), canary none");
    assertThat(s.revisions().listed()).isEqualTo("revisions 2 (v2), 3 (v1, stable)");
    assertThat(router).containsExactly("r3/3", "w0");
    // the timed pause no longer advances the plan
    scheduler.advanceBy(Duration.ofMinutes(20));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(router).containsExactly("r3/3", "w0");
    assertThatThrownBy(r::retry).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("there is no canary revision to roll out");
  }

  @Test
  void undoAfterAnAbortGoesBackToStableAndRetryBeforeItRepointsTheRouter() {
    PlanRunner r = builder(history("v1", "v2"), 0).build();
    r.start();
    r.abort();
    router.clear();
    r.retry();
    assertThat(router).containsExactly("r1/2", "w50");
    r.abort();

    r.undo(1);

    assertThat(versions(r.status())).isEqualTo("stable revision 3 (v1), canary none");
    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
  }

  @Test
  void undoAfterPromotionRollsThePreviousSpecOutAgainThroughTheSteps() {
    PlanRunner r = promoted(history("v1", "v2"), 0);
    assertThat(versions(r.status())).isEqualTo("stable revision 2 (v2), canary none");

    r.undo();

    PlanStatus s = r.status();
    assertThat(s.phase()).isEqualTo(PlanPhase.PROGRESSING);
    assertThat(versions(s)).isEqualTo("stable revision 2 (v2), canary revision 3 (v1)");
    assertThat(s.revisions().find(3).orElseThrow().spec()).isEqualTo(spec("v1"));
    assertThat(s.revisions().find(1)).isEmpty();
    assertThat(s.weight()).isEqualTo(50);
    assertThat(router).containsExactly("r2/2", "w0", "r2/3", "w50");

    scheduler.advanceBy(Duration.ofMinutes(10));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(r.status().weight()).isEqualTo(100);
    assertThat(versions(r.status())).isEqualTo("stable revision 3 (v1), canary none");
    assertThat(router).containsExactly("r2/2", "w0", "r2/3", "w50", "w100");
  }

  @Test
  void undoAfterPromotionWithinTheRollbackWindowSkipsTheSteps() {
    PlanRunner r = promoted(history("v1", "v2"), 1);

    r.undo();

    PlanStatus s = r.status();
    assertThat(s.phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(s.weight()).isEqualTo(100);
    assertThat(s.message()).isEqualTo("undone to revision 3 (v1) within rollbackWindow 1: promoted at once, steps "
        + "skipped");
    assertThat(versions(s)).isEqualTo("stable revision 3 (v1), canary none");
    assertThat(router).containsExactly("r3/3", "w100");
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void undoToANamedRevisionRestoresItAsTheNextNumber() {
    PlanRunner r = promoted(history("v1", "v2", "v3"), 0);

    r.undo(1);

    assertThat(versions(r.status())).isEqualTo("stable revision 3 (v3), canary revision 4 (v1)");
    assertThat(router).containsExactly("r3/3", "w0", "r3/4", "w50");
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(versions(r.status())).isEqualTo("stable revision 4 (v1), canary none");
    assertThat(r.status().revisions().listed()).isEqualTo("revisions 2 (v2), 3 (v3), 4 (v1, stable)");
    assertThatThrownBy(() -> r.undo(7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revision 7 is not in the history (revisionHistoryLimit 10); it has revisions 2 (v2), 3 (v3), "
            + "4 (v1, stable)");
  }

  @Test
  void theWindowCountsTheRevisionsBetween() {
    // v2 lies between v1 and the stable v3: a window of 1 is too small, 2 is enough
    PlanRunner narrow = promoted(history("v1", "v2", "v3"), 1);
    narrow.undo(1);
    assertThat(narrow.status().phase()).isEqualTo(PlanPhase.PROGRESSING);

    PlanRunner wide = promoted(history("v1", "v2", "v3"), 2);
    wide.undo(1);
    assertThat(wide.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(versions(wide.status())).isEqualTo("stable revision 4 (v1), canary none");
  }

  @Test
  void theHistoryIsBoundedByItsLimit() {
    RevisionHistory h = history("v1", "v2", "v3", "v4", "v5", "v6").withLimit(2);
    PlanRunner r = promoted(h, 0);

    assertThat(r.status().revisions().listed()).isEqualTo("revisions 4 (v4), 5 (v5), 6 (v6, stable)");
    assertThatThrownBy(() -> r.undo(1)).hasMessageContaining("revision 1 is not in the history "
        + "(revisionHistoryLimit 2); it has revisions 4 (v4), 5 (v5), 6 (v6, stable)");
    r.undo(4);
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(r.status().revisions().listed()).isEqualTo("revisions 5 (v5), 6 (v6), 7 (v4, stable)");
  }

  @Test
  void theHistorySurvivesARestart() {
    promoted(history("v1", "v2"), 0);
    PlanState state = PlanState.fromJson(saved.get());
    assertThat(state.formatVersion()).isEqualTo(2);
    assertThat(state.revisions().listed()).isEqualTo("revisions 1 (v1), 2 (v2, stable)");

    // a new runner built without revisions takes them from the saved state
    PlanRunner resumed = PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler)
        .clock(scheduler.clock()).router(new RecordingRouter()).store(s -> saved.set(s.toJson())).build();
    resumed.resume(state, name -> Optional.empty());
    resumed.undo();

    assertThat(versions(resumed.status())).isEqualTo("stable revision 2 (v2), canary revision 3 (v1)");
    assertThat(PlanState.fromJson(saved.get()).revisions()).isEqualTo(resumed.status().revisions());
  }

  @Test
  void undoNeedsAHistoryAndARouterThatSwitchesRevisions() {
    PlanRunner plain = PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler).router(w -> { }).build();
    plain.start();
    assertThatThrownBy(plain::undo).isInstanceOf(IllegalStateException.class)
        .hasMessage("undo needs a revision history; give the builder one with revisions(...)");

    PlanRunner weightsOnly = PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler)
        .router(w -> router.add("w" + w)).revisions(history("v1", "v2")).build();
    assertThatThrownBy(weightsOnly::undo).isInstanceOf(IllegalStateException.class)
        .hasMessage("undo needs a started plan; phase is NOT_STARTED");
    weightsOnly.start();
    assertThatThrownBy(weightsOnly::undo).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("undo needs a router that switches revisions")
        .hasMessageContaining("does not implement TrafficRouter.setRevisions");
    assertThat(weightsOnly.status().phase()).as("nothing changed").isEqualTo(PlanPhase.PROGRESSING);
    assertThat(weightsOnly.status().revisions().canaryRevision()).isEqualTo(2);

    assertThatThrownBy(() -> builder(history("v1", "v2").promote(), 0).build().start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no canary to roll out");
  }

  @Test
  void aRouterThatFailsToSwitchLeavesThePlanAsItWas() {
    PlanRunner r = PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler).revisions(history("v1", "v2"))
        .router(new TrafficRouter() {
          private int switches;

          @Override
          public void setWeight(int canaryPercent) {
            router.add("w" + canaryPercent);
          }

          @Override
          public void setRevisions(Revision stable, Revision canary) throws Exception {
            if (++switches > 1) { // the first is start() pointing at stable and canary
              throw new java.io.IOException("gateway unreachable");
            }
          }
        }).build();
    r.start();

    assertThatThrownBy(r::undo).isInstanceOf(PlanException.class)
        .hasMessage("undo to revision 3 (v1) failed, nothing changed: the router did not switch revisions: "
            + "gateway unreachable");
    assertThat(r.status().weight()).isEqualTo(50);
    assertThat(versions(r.status())).isEqualTo("stable revision 1 (v1), canary revision 2 (v2)");
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(r.status().phase()).as("the pause still ends").isEqualTo(PlanPhase.PROMOTED);
  }

  @Test
  void aVersionOnePlanStateStillReads() {
    String v1 = "{\"formatVersion\":1,\"phase\":\"PROMOTED\",\"stepIndex\":3,\"weight\":100,"
        + "\"message\":\"promoted: every step passed\",\"analyses\":[],\"runCounter\":0,"
        + "\"pausedOnInconclusive\":false,\"savedAt\":\"2026-01-01T00:10:00Z\"}";

    PlanState state = PlanState.fromJson(v1);

    assertThat(state.formatVersion()).isEqualTo(1);
    assertThat(state.phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(state.revisions()).isEqualTo(RevisionHistory.NONE);
    assertThat(PlanState.fromJson(state.toJson())).isEqualTo(state);
    assertThatThrownBy(() -> PlanState.fromJson(v1.replace("}", ",\"revisions\":{}}")))
        .isInstanceOf(PlanException.class).hasMessageContaining("field 'revisions' is unknown in format version 1");

    // a version-1 state resumed with the builder's history keeps that history
    PlanRunner r = builder(history("v1", "v2").promote(), 0).build();
    r.resume(state, name -> Optional.empty());
    r.undo();
    assertThat(versions(r.status())).isEqualTo("stable revision 2 (v2), canary revision 3 (v1)");
  }

  @Test
  void revisionsInAStateAreCheckedWithTheirPath() {
    PlanState state = builder(history("v1", "v2"), 0).build().state();
    String json = state.toJson();
    assertThat(json).startsWith("{\"formatVersion\":2,").contains("\"revisions\":{\"limit\":10,\"stable\":1,"
        + "\"canary\":2,\"revisions\":[{\"number\":1,\"version\":\"v1\",\"podTemplateHash\":\"");
    assertThat(PlanState.fromJson(json)).isEqualTo(state);

    assertThatThrownBy(() -> PlanState.fromJson(json.replace("\"version\":\"v1\"", "\"versoin\":\"v1\"")))
        .isInstanceOf(PlanException.class)
        .hasMessageStartingWith("plan state field 'revisions.revisions[0].versoin' is unknown");
    assertThatThrownBy(() -> PlanState.fromJson(json.replace("\"canary\":2", "\"canary\":9")))
        .hasMessageContaining("plan state field 'revisions': canary revision 9 must be in the history");
    assertThatThrownBy(() -> PlanState.fromJson(json.replace("\"image\":\"", "\"image\":1,\"x\":\"")))
        .hasMessage("plan state field 'revisions.revisions[0].spec.image' must be a string");
  }
}
