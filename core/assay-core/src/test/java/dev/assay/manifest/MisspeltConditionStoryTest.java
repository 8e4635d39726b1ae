/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.engine.AnalysisEngine;
import dev.assay.junit.CanaryGateExtension;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.model.Resource;
import dev.assay.model.TemplateResource;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.template.AnalysisRuns;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's story: an error-rate template whose {@code successCondition} is misspelt {@code sucessCondition}
 * passed a canary with 15% 5xx, because the unknown key was dropped and a metric without conditions counts every
 * measurement as Successful. Read leniently it still would (the control below); read strictly, as the gate and the
 * plan do, it can no longer load.
 */
class MisspeltConditionStoryTest {
  private static final ManifestProblem TYPO = new ManifestProblem("spec.metrics[0].sucessCondition",
      new SourcePosition(12, 5), "unknown field 'sucessCondition'", "did you mean 'successCondition'?");

  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final List<Integer> weights = new ArrayList<>();
  private final AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
      .inlineProviderCalls().provider(fifteenPercent5xx()).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static ScriptedProvider fifteenPercent5xx() {
    return ScriptedProvider.builder("prometheus").script("error-rate", ScriptStep.value(List.of(0.15))).build();
  }

  @Test
  void throughTheGate_theTemplateFailsToLoad_withTheStrictError() {
    CanaryGateExtension gate = CanaryGateExtension.using(() -> engine);

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> gate.run(
        "classpath:story/error-rate-typo.yaml", List.of(Argument.of("service-name", "checkout")),
        Duration.ofSeconds(30)));

    assertThat(e.problems()).containsExactly(TYPO);
    assertThat(e).hasMessage("spec.metrics[0].sucessCondition (12:5): unknown field 'sucessCondition'; "
        + "did you mean 'successCondition'?");
  }

  @Test
  void throughThePlan_theTemplateFailsToLoad_withTheStrictError() {
    CanaryPlan plan = CanaryPlan.fromRollout(text("story/rollout.yaml"));
    assertThat(plan.steps()).hasSize(3);

    ManifestException e = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read(text("story/error-rate-typo.yaml")));

    assertThat(e.problems()).containsExactly(TYPO);
  }

  @Test
  void control_readLeniently_theGateWouldPassAndThePlanWouldPromote_the15PercentCanary() {
    String typo = text("story/error-rate-typo.yaml");
    TemplateResource lenient = Manifests.lenient().read(typo, dev.assay.model.AnalysisTemplate.class);
    assertThat(lenient.spec().metrics().get(0).successCondition()).isEmpty();

    AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("gate", "default"), List.of(lenient),
        List.of(Argument.of("service-name", "checkout")));
    var handle = engine.start(run);
    for (int i = 0; i < 600 && !handle.isDone(); i++) {
      scheduler.advanceBy(Duration.ofSeconds(1));
    }
    assertThat(handle.isDone()).isTrue();
    assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(handle.status().metricResults().get(0).measurements()).extracting(m -> m.value())
        .containsOnly("[0.15]");

    List<Resource> templates = Manifests.lenient().read(typo);
    PlanRunner plan = PlanRunner.builder().plan(CanaryPlan.fromRollout(text("story/rollout.yaml"))).engine(engine)
        .scheduler(scheduler).router(weights::add)
        .templates(List.of((TemplateResource) templates.get(0))).name("checkout", "shop")
        .args(List.of(Argument.of("service-name", "checkout"))).build();
    plan.start();
    for (int i = 0; i < 3600 && !plan.status().phase().isDone(); i++) {
      scheduler.advanceBy(Duration.ofSeconds(1));
    }
    assertThat(plan.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(10, 100);
  }

  private static String text(String resource) {
    try (InputStream in = MisspeltConditionStoryTest.class.getResourceAsStream("/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
