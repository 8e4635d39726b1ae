/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  @Test
  void describeNamesThePodsThatAreNotReadyWithTheirReasons() {
    Readiness r = Readiness.of(3, List.of(PodReadiness.ready("web-7f9c-aaaaa"),
        PodReadiness.notReady("web-7f9c-bbbbb", "CrashLoopBackOff (back-off 5m0s restarting failed container=app)"),
        PodReadiness.notReady("web-7f9c-ccccc", "")));

    assertThat(r.ready()).isFalse();
    assertThat(r.readyPods()).isEqualTo(1);
    assertThat(r.describe()).isEqualTo("1 of 3 canary pods Ready; web-7f9c-bbbbb: CrashLoopBackOff (back-off 5m0s "
        + "restarting failed container=app); web-7f9c-ccccc: not Ready");
  }

  @Test
  void describeIsBoundedInPodsAndReasonLength() {
    List<PodReadiness> pods = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pods.add(PodReadiness.notReady("web-" + i, "ImagePullBackOff\n(" + "x".repeat(1000) + ")"));
    }
    String text = Readiness.of(10, pods).describe();

    assertThat(text).startsWith("0 of 10 canary pods Ready; web-0: ImagePullBackOff (xxx")
        .contains("web-4: ").doesNotContain("web-5").contains("...; and 3 more; 2 expected pods do not exist")
        .doesNotContain("\n");
    assertThat(text.length()).isLessThan(6 * 260);
  }

  @Test
  void readyWhenEnoughPodsAreReady() {
    assertThat(Readiness.of(2, List.of(PodReadiness.ready("a"), PodReadiness.ready("b"),
        PodReadiness.notReady("c", "Terminating"))).ready()).isTrue();
    assertThat(Readiness.of(1, List.of(PodReadiness.ready("a"))).describe()).isEqualTo("1 of 1 canary pod Ready");
    assertThat(Readiness.of(0, List.of()).ready()).isTrue();
    assertThatThrownBy(() -> new Readiness(true, -1, 0, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }

  @Test
  void alwaysReadyIsReady() throws Exception {
    assertThat(ReadinessCheck.ALWAYS_READY.check().ready()).isTrue();
  }

  @Test
  void inProcessReadinessFollowsWhatIsSet() {
    InProcessReadiness pods = new InProcessReadiness(2);
    assertThat(pods.check().describe()).isEqualTo("0 of 2 canary pods Ready; 2 expected pods do not exist");

    pods.setReady("a").setNotReady("b", "ContainerCreating");
    assertThat(pods.check().ready()).isFalse();
    pods.setReady("b");
    assertThat(pods.check().ready()).isTrue();
    pods.remove("a");
    assertThat(pods.check().ready()).isFalse();
    pods.expectedPods(1);
    assertThat(pods.check().ready()).isTrue();
    assertThat(pods.pods()).containsExactly(PodReadiness.ready("b"));
    assertThatThrownBy(() -> pods.expectedPods(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inProcessReadinessTakesUpdatesFromManyThreads() throws Exception {
    InProcessReadiness pods = new InProcessReadiness(400);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            pods.setNotReady("pod-" + thread + "-" + i, "ContainerCreating");
            pods.check();
            pods.setReady("pod-" + thread + "-" + i);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Readiness r = pods.check();
    assertThat(r.pods()).hasSize(400);
    assertThat(r.ready()).isTrue();
  }
}
