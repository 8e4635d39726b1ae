/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual-time scheduler and the scripted provider's value formatting. */
class ManualSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void advanceBy_runsDueTasksInOrderWithTheClockAtEachDueTime() {
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
    List<String> ran = new ArrayList<>();
    scheduler.schedule(() -> ran.add("b@" + scheduler.clock().instant()), Duration.ofSeconds(20));
    scheduler.schedule(() -> {
      ran.add("a@" + scheduler.clock().instant());
      scheduler.schedule(() -> ran.add("c@" + scheduler.clock().instant()), Duration.ofSeconds(15));
    }, Duration.ofSeconds(10));
    Cancellable never = scheduler.schedule(() -> ran.add("never"), Duration.ofSeconds(5));
    assertThat(never.cancel()).isTrue();
    assertThat(never.cancel()).isFalse();

    assertThat(scheduler.advanceBy(Duration.ofSeconds(30))).isEqualTo(3);
    assertThat(ran).containsExactly("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:20Z", "c@2026-01-01T00:00:25Z");
    assertThat(scheduler.clock().instant()).isEqualTo(T0.plusSeconds(30));
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void runUntilIdle_movesToEachDueTimeUntilNothingIsLeftOrTheLimit() {
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
    int[] left = {3};
    Runnable[] task = new Runnable[1];
    task[0] = () -> {
      if (--left[0] > 0) {
        scheduler.schedule(task[0], Duration.ofMinutes(1));
      }
    };
    scheduler.schedule(task[0], Duration.ofMinutes(1));

    assertThat(scheduler.runUntilIdle(T0.plus(Duration.ofHours(1)))).isEqualTo(3);
    assertThat(scheduler.clock().instant()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    assertThatThrownBy(() -> scheduler.advanceBy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("amount must be >= 0, but was PT-1S");
  }

  @Test
  void display_formatsValuesLikeArgosProviders() {
    assertThat(ScriptStep.display(0.95)).isEqualTo("0.95");
    assertThat(ScriptStep.display(10.0)).isEqualTo("10");
    assertThat(ScriptStep.display(Double.NaN)).isEqualTo("NaN");
    assertThat(ScriptStep.display(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(ScriptStep.display(List.of(10.0, 11.5))).isEqualTo("[10,11.5]");
    assertThat(ScriptStep.display(null)).isEmpty();
  }
}
