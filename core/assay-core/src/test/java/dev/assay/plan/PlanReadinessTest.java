/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plan waits for Ready canary pods after each setWeight step, within Argo's progress deadline
 * (docs/readiness.md). Virtual time: a ManualClock moved by the ManualScheduler the runner polls on.
 */
class PlanReadinessTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String CRASH = "CrashLoopBackOff (back-off 5m0s restarting failed container=app "
      + "pod=web-7f9c-bbbbb_shop(1f2e))";
  private static final String PULL = "ImagePullBackOff (Back-off pulling image \"registry.local/web:2.0\")";
  /** setWeight 10, pause 1m, setWeight 25 (step 3/5), pause 1m, setWeight 50. */
  private static final CanaryPlan PLAN = CanaryPlan.of(CanaryStep.setWeight(10),
      CanaryStep.pause(Duration.ofMinutes(1)), CanaryStep.setWeight(25), CanaryStep.pause(Duration.ofMinutes(1)),
      CanaryStep.setWeight(50));

  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AnalysisEngine engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).build();
  private final List<Integer> weights = new CopyOnWriteArrayList<>();
  private final List<PlanState> saved = new CopyOnWriteArrayList<>();
  private final InProcessReadiness pods = new InProcessReadiness(3).setReady("web-7f9c-aaaaa", "web-7f9c-bbbbb",
      "web-7f9c-ccccc");
  private final AtomicInteger checks = new AtomicInteger();
  private final ReadinessCheck counted = () -> {
    checks.incrementAndGet();
    return pods.check();
  };

  @AfterEach
  void close() {
    engine.close();
  }

  private PlanRunnerBuilder runner(ReadinessCheck check) {
    return PlanRunner.builder().plan(PLAN).engine(engine).scheduler(scheduler).clock(clock).router(weights::add)
        .name("web", "shop").store(saved::add).readiness(check);
  }

  private void breakTwoPods() {
    pods.setNotReady("web-7f9c-bbbbb", CRASH).setNotReady("web-7f9c-ccccc", PULL);
  }

  /** Starts the plan with Ready pods; they break during the first pause, so step 3/5 (setWeight 25) waits from 1m. */
  private PlanRunner startAndBreakBeforeStep3(PlanRunner r) {
    r.start();
    assertThat(weights).containsExactly(10);
    scheduler.advanceBy(Duration.ofSeconds(30));
    breakTwoPods();
    scheduler.advanceBy(Duration.ofSeconds(30));
    assertThat(weights).containsExactly(10, 25);
    assertThat(r.status().stepIndex()).isEqualTo(2);
    return r;
  }

  @Test
  void neverReadyWithAbortRollsBackExactlyWhenTheDeadlinePasses() {
    PlanRunner r = startAndBreakBeforeStep3(runner(counted).progressDeadline(Duration.ofMinutes(10), true).build());

    scheduler.advanceBy(Duration.ofMinutes(10).minusMillis(1));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
    assertThat(r.status().message()).isEqualTo("step 3/5 (25%) waits for Ready canary pods (progress deadline "
        + "10m0s): 1 of 3 canary pods Ready; web-7f9c-bbbbb: " + CRASH + "; web-7f9c-ccccc: " + PULL);
    assertThat(weights).containsExactly(10, 25);

    scheduler.advanceBy(Duration.ofMillis(1));
    PlanStatus s = r.status();
    assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(s.weight()).isZero();
    assertThat(weights).containsExactly(10, 25, 0);
    assertThat(s.message()).isEqualTo("rolled back at step 3/5: progress deadline 10m0s exceeded: 1 of 3 canary pods "
        + "Ready; web-7f9c-bbbbb: " + CRASH + "; web-7f9c-ccccc: " + PULL);
    assertThat(saved.get(saved.size() - 1).phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void neverReadyWithoutAbortStaysProgressingAndGoesOnOnceReady() {
    PlanRunner r = startAndBreakBeforeStep3(runner(counted).build()); // Argo's defaults: 600 s, no abort

    scheduler.advanceBy(Duration.ofSeconds(600));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
    assertThat(r.status().message()).isEqualTo("progress deadline 10m0s exceeded (ProgressDeadlineExceeded): step 3/5 "
        + "(25%) still waits for Ready canary pods: 1 of 3 canary pods Ready; web-7f9c-bbbbb: " + CRASH
        + "; web-7f9c-ccccc: " + PULL);
    assertThat(saved.get(saved.size() - 1).message()).contains("ProgressDeadlineExceeded");

    int before = checks.get();
    scheduler.advanceBy(Duration.ofHours(1));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
    assertThat(checks.get() - before).as("polls in an hour at 5 s").isEqualTo(720);
    assertThat(weights).containsExactly(10, 25);

    pods.setReady("web-7f9c-bbbbb", "web-7f9c-ccccc");
    scheduler.advanceBy(Duration.ofSeconds(5));
    assertThat(r.status().message()).startsWith("paused for PT1M at 25%");
    scheduler.advanceBy(Duration.ofMinutes(1));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(10, 25, 50, 100);
  }

  @Test
  void podsReadyAfterTwoPollsGoOnWithoutWaitingForTheDeadline() {
    AtomicInteger calls = new AtomicInteger();
    ReadinessCheck readyOnThirdCall = () -> calls.incrementAndGet() < 3
        ? Readiness.of(1, List.of(PodReadiness.notReady("web-7f9c-aaaaa", "ContainerCreating")))
        : Readiness.of(1, List.of(PodReadiness.ready("web-7f9c-aaaaa")));
    PlanRunner r = runner(readyOnThirdCall).progressDeadline(Duration.ofMinutes(10), true).build();

    r.start(); // call 1, at once
    assertThat(r.status().message()).contains("step 1/5 (10%) waits", "web-7f9c-aaaaa: ContainerCreating");
    scheduler.advanceBy(Duration.ofSeconds(5)); // call 2: first poll
    assertThat(weights).containsExactly(10);
    scheduler.advanceBy(Duration.ofSeconds(5)); // call 3: second poll, Ready
    assertThat(r.status().message()).startsWith("paused for PT1M at 10%");
    assertThat(calls.get()).isEqualTo(3);

    scheduler.advanceBy(Duration.ofMinutes(2));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(10, 25, 50, 100);
    assertThat(calls.get()).as("one check per later setWeight step, answered Ready at once").isEqualTo(5);
    assertThat(scheduler.pendingTasks()).as("the deadline of the first wait is cancelled").isZero();
  }

  @Test
  void abortDuringTheWaitCancelsIt() {
    PlanRunner r = startAndBreakBeforeStep3(runner(counted).progressDeadline(Duration.ofMinutes(10), true).build());
    scheduler.advanceBy(Duration.ofSeconds(30));
    int calls = checks.get();

    r.abort();
    scheduler.advanceBy(Duration.ofHours(1));

    assertThat(checks.get()).isEqualTo(calls);
    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).isEqualTo("aborted by request at step 3/5");
    assertThat(weights).containsExactly(10, 25, 0);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void promoteFullDuringTheWaitCancelsIt() {
    PlanRunner r = startAndBreakBeforeStep3(runner(counted).build());
    scheduler.advanceBy(Duration.ofSeconds(12));
    int calls = checks.get();

    r.promoteFull();
    scheduler.advanceBy(Duration.ofHours(1));

    assertThat(checks.get()).isEqualTo(calls);
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(10, 25, 100);
  }

  @Test
  void retryAfterARollbackWaitsAfresh() {
    PlanRunner r = startAndBreakBeforeStep3(runner(counted).progressDeadline(Duration.ofMinutes(10), true).build());
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);

    r.retry(); // step 1 sets 10% and waits: the pods are still broken
    assertThat(r.status().message()).startsWith("step 1/5 (10%) waits for Ready canary pods");
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).startsWith("rolled back at step 1/5: progress deadline 10m0s exceeded");
    assertThat(weights).containsExactly(10, 25, 0, 10, 0);
  }

  @Test
  void aCheckThatThrowsCountsAsNotReadyWithTheError() {
    AtomicInteger calls = new AtomicInteger();
    ReadinessCheck failing = () -> {
      calls.incrementAndGet();
      throw new IOException("connection refused: kubernetes.default.svc:443");
    };
    PlanRunner r = runner(failing).progressDeadline(Duration.ofMinutes(1), true).build();

    r.start();
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
    assertThat(r.status().message()).isEqualTo("step 1/5 (10%) waits for Ready canary pods (progress deadline 1m0s): "
        + "readiness check failed: IOException: connection refused: kubernetes.default.svc:443");
    scheduler.advanceBy(Duration.ofMinutes(1));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).isEqualTo("rolled back at step 1/5: progress deadline 1m0s exceeded: readiness "
        + "check failed: IOException: connection refused: kubernetes.default.svc:443");
    assertThat(calls.get()).as("at once, 11 polls, and the last check at the deadline").isEqualTo(13);
    assertThat(weights).containsExactly(10, 0);
  }

  @Test
  void aCheckThatThrowsThenRecoversLetsThePlanGoOn() {
    AtomicInteger calls = new AtomicInteger();
    ReadinessCheck flaky = () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("watch expired");
      }
      return pods.check();
    };
    PlanRunner r = runner(flaky).build();

    r.start();
    assertThat(r.status().message()).contains("readiness check failed: IllegalStateException: watch expired");
    scheduler.advanceBy(Duration.ofSeconds(5));

    assertThat(r.status().message()).startsWith("paused for PT1M at 10%");
  }

  @Test
  void resumingAProgressingPlanWaitsForReadyPodsAgain() {
    PlanRunner first = runner(counted).build();
    first.start();
    scheduler.advanceBy(Duration.ofSeconds(30)); // in the first pause, 30 s left
    PlanState state = first.state();
    assertThat(state.pauseEndsAt()).isEqualTo(T0.plusSeconds(60));
    first.abort(); // the first runner is gone, as after a crash: its pause must not fire on the shared scheduler
    breakTwoPods();
    weights.clear();
    saved.clear();

    PlanRunner resumed = runner(counted).progressDeadline(Duration.ofMinutes(5), false).build();
    resumed.resume(state, run -> Optional.empty());
    assertThat(weights).as("the saved weight is set again").containsExactly(10);
    assertThat(resumed.status().message()).startsWith("step 2/5 (10%) after resume waits for Ready canary pods "
        + "(progress deadline 5m0s): 1 of 3 canary pods Ready; web-7f9c-bbbbb: CrashLoopBackOff");
    assertThat(saved).as("the state resumed from is kept while waiting").isEmpty();

    scheduler.advanceBy(Duration.ofMinutes(6)); // the pause would have ended; the deadline passed without abort
    assertThat(weights).containsExactly(10);
    assertThat(resumed.status().message()).startsWith("progress deadline 5m0s exceeded (ProgressDeadlineExceeded): "
        + "step 2/5 (10%) after resume still waits");
    assertThat(saved).isEmpty();

    pods.setReady("web-7f9c-bbbbb", "web-7f9c-ccccc");
    scheduler.advanceBy(Duration.ofSeconds(5)); // Ready: the pause has no time left, so step 3 follows at once
    assertThat(weights).containsExactly(10, 25);
    assertThat(saved).isNotEmpty();
    scheduler.advanceBy(Duration.ofMinutes(1));
    assertThat(resumed.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(10, 25, 50, 100);
  }

  @Test
  void resumingAPlanSavedWhileItWaitedWaitsAgain() {
    PlanRunner first = startAndBreakBeforeStep3(runner(counted).build());
    PlanState state = saved.get(saved.size() - 1);
    assertThat(state.stepIndex()).isEqualTo(2);
    assertThat(state.message()).startsWith("step 3/5 (25%) waits for Ready canary pods");
    first.abort(); // gone, as after a crash
    weights.clear();

    PlanRunner resumed = runner(counted).progressDeadline(Duration.ofMinutes(10), true).build();
    resumed.resume(state, run -> Optional.empty());
    assertThat(weights).containsExactly(25);
    scheduler.advanceBy(Duration.ofMinutes(10));

    assertThat(resumed.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(weights).containsExactly(25, 0);
    assertThat(resumed.status().message()).startsWith("rolled back at step 3/5: progress deadline 10m0s exceeded: 1 "
        + "of 3 canary pods Ready; web-7f9c-bbbbb: CrashLoopBackOff");
  }

  @Test
  void byDefaultAndAtWeightZeroThePlanNeverWaits() {
    PlanRunner r = PlanRunner.builder().plan(CanaryPlan.of(CanaryStep.setWeight(0), CanaryStep.setWeight(20)))
        .engine(engine).scheduler(scheduler).router(weights::add).build();
    r.start();
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(0, 20, 100);

    List<Integer> asked = new ArrayList<>();
    PlanRunner zero = PlanRunner.builder().plan(CanaryPlan.of(CanaryStep.setWeight(0), CanaryStep.pause()))
        .engine(engine).scheduler(scheduler).router(w -> { }).readiness(() -> {
          asked.add(1);
          return Readiness.of(1, List.of());
        }).build();
    zero.start();
    assertThat(zero.status().phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(asked).isEmpty();
  }

  @Test
  void builderRefusesADeadlineOrPollIntervalOutOfRange() {
    assertThatThrownBy(() -> PlanRunner.builder().progressDeadline(Duration.ZERO, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("progress deadline must be positive");
    assertThatThrownBy(() -> PlanRunner.builder().readinessPollInterval(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1s, but was PT0.999S");
  }

  @Test
  void aLongerPollIntervalStillEndsTheWaitAtTheDeadline() {
    PlanRunner r = startAndBreakBeforeStep3(runner(counted).readinessPollInterval(Duration.ofSeconds(7))
        .progressDeadline(Duration.ofMinutes(1), true).build());
    int before = checks.get();

    scheduler.advanceBy(Duration.ofSeconds(59));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
    scheduler.advanceBy(Duration.ofSeconds(1));

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(checks.get() - before).as("8 polls at 7 s, then the check at the deadline").isEqualTo(9);
  }
}
