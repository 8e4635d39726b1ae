/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import dev.assay.plan.split.SplitOutcome;
import dev.assay.plan.split.SplitVerdict;
import dev.assay.plan.split.SplitVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Split checks against the demo's real weighted router over HTTP. */
class SplitVerifierDemoRouterTest {
  private final SplitVerifier verifier = SplitVerifier.create();

  /** Generous timeouts: the counts must not depend on how loaded the machine is. */
  static SplitCheck.Builder check(URI url, SplitClassifier classifier) {
    return SplitCheck.builder(url, classifier).budget(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0}% with seed {1}")
  @CsvSource({"5, 11, 100", "25, 12, 100", "50, 13, 200"})
  void aCorrectRouterIsConsistentAtItsWeight(int weight, long seed, int requests) throws Exception {
    int expected = DemoRouter.expectedCanary(seed, weight, requests);
    try (DemoRouter demo = new DemoRouter(seed)) {
      demo.router.setWeight(weight);

      SplitVerdict v = verifier.verifyNow(check(demo.versionUrl(), SplitClassifier.jsonPath(".version",
          DemoRouter.CANARY)).requests(requests).build(), weight);

      assertThat(v.outcome()).as(v.message()).isEqualTo(SplitOutcome.CONSISTENT);
      assertThat(v.canary()).isEqualTo(expected);
      assertThat(v.stable()).isEqualTo(requests - expected);
      assertThat(v.failed()).isZero();
      assertThat(v.message()).startsWith("canary " + expected + " of " + requests + " at " + weight
          + "% set: consistent (p = ");
      assertThat(v.pValue()).isGreaterThanOrEqualTo(0.001);
    }
  }

  @Test
  void aRouterThatIgnoresTheWeightIsBroken() throws Exception {
    try (DemoRouter demo = new DemoRouter(21)) {
      // The weight was "set" to 25% on a router that ignored it: it still sends everything to stable.
      demo.router.setWeight(0);

      SplitVerdict v = verifier.verifyNow(check(demo.versionUrl(), SplitClassifier.header("x-served-by",
          DemoRouter.CANARY)).build(), 25);

      assertThat(v.outcome()).isEqualTo(SplitOutcome.BROKEN);
      assertThat(v.canary()).isZero();
      assertThat(v.stable()).isEqualTo(100);
      assertThat(v.message()).startsWith("canary 0 of 100 at 25% set: split broken (p < 0.001; ");
      assertThat(v.pValue()).isLessThan(1e-9);
    }
  }

  @Test
  void anyCanaryResponseAtZeroPercentIsBroken() throws Exception {
    try (DemoRouter demo = new DemoRouter(22)) {
      demo.router.setWeight(3);

      SplitVerdict v = verifier.verifyNow(check(demo.versionUrl(), SplitClassifier.jsonPath(".version",
          DemoRouter.CANARY)).build(), 0);

      assertThat(v.canary()).isEqualTo(DemoRouter.expectedCanary(22, 3, 100)).isPositive();
      assertThat(v.outcome()).isEqualTo(SplitOutcome.BROKEN);
      assertThat(v.message()).endsWith("at 0% set: split broken (any canary response at 0% is)");
    }
  }

  @Test
  void aDeadBackendIsInconclusiveWithTheFailures() throws Exception {
    try (DemoRouter demo = new DemoRouter(23)) {
      demo.router.setWeight(5);
      demo.stopStable();

      SplitVerdict v = verifier.verifyNow(check(demo.versionUrl(), SplitClassifier.jsonPath(".version",
          DemoRouter.CANARY)).build(), 5);

      // The router drops the connection when stable is down, and the JDK client sends such a GET once more (another
      // draw of the router), so the canary count is not the replayed one; only canary answers can succeed.
      assertThat(v.outcome()).as(v.message()).isEqualTo(SplitOutcome.INCONCLUSIVE);
      assertThat(v.stable()).isZero();
      assertThat(v.canary()).isBetween(1, 20);
      assertThat(v.failed()).isEqualTo(100 - v.canary());
      assertThat(v.message()).startsWith("canary " + v.canary() + " of " + v.canary() + " at 5% set: inconclusive, "
          + v.failed() + " of 100 requests failed (at most 10% may): ");
      assertThat(v.failureSummary()).startsWith(v.failed() + " requests failed: ");
      assertThat(v.failures().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(v.failed());
    }
  }

  @Test
  void aDeadRouterIsInconclusiveConnectionRefused() throws Exception {
    SplitVerdict v = verifier.verifyNow(check(DemoRouter.deadUrl(), SplitClassifier.jsonPath(".version", "v2"))
        .requests(20).build(), 5);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(v.failures()).containsExactly(Map.entry("connection refused", 20));
    assertThat(v.message()).isEqualTo("canary 0 of 0 at 5% set: inconclusive, 20 of 20 requests failed (at most 10% "
        + "may): connection refused \u00d720");
  }

  @Test
  void runsOnTheGivenExecutorAndNeverPrintsHeaderValues() throws Exception {
    long seed = 24;
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (DemoRouter demo = new DemoRouter(seed)) {
      demo.router.setWeight(10);
      SplitCheck check = check(demo.versionUrl(), SplitClassifier.header("x-served-by", DemoRouter.CANARY))
          .header("Authorization", "Bearer s3cr3t-demo-t0ken").build();

      CompletableFuture<SplitVerdict> pending = verifier.verify(check, 10, pool);
      SplitVerdict v = pending.get(5, TimeUnit.MINUTES);

      assertThat(v.canary()).isEqualTo(DemoRouter.expectedCanary(seed, 10, 100));
      assertThat(v.outcome()).isEqualTo(SplitOutcome.CONSISTENT);
      assertThat(check.toString() + v + v.message()).doesNotContain("s3cr3t-demo-t0ken");
    } finally {
      pool.shutdownNow();
    }
  }
}
