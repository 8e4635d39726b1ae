/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MetricProvider} keeps, as a JUnit Jupiter test to extend. A provider's test class
 * extends it, says how to make the provider and two metrics (one the test fixture answers, one that fails), and
 * inherits these checks:
 * <ul>
 *   <li>{@code run}, {@code resume} and {@code terminate} never return null, for working and failing metrics;</li>
 *   <li>no secret value ({@link #secretValues()}, raw or percent-encoded) appears in a result's message, display
 *       text, value or metadata, nor in {@code metadata(...)};</li>
 *   <li>{@code metadata(...)} and every result's metadata are never null;</li>
 *   <li>{@code garbageCollect} accepts any limit and {@code close()} may be called twice;</li>
 *   <li>concurrent {@code run} calls on one provider are safe: every call gets its own, equal answer.</li>
 * </ul>
 * Put a secret value (resolved from a secret arg) in both metrics where the provider sends it (a header, a
 * password, the query), so the redaction checks mean something. The failing metric's error should be one whose
 * text would naturally carry the secret, such as a refused request to a URL with the secret in its query.
 *
 * <p>Subclasses are ordinary JUnit classes: fixtures such as WireMock extensions work as usual. Needs JUnit Jupiter
 * and AssertJ on the test class path.
 */
public abstract class MetricProviderContract {
  /** The run every context belongs to. */
  protected static final RunRef RUN = new RunRef("contract-run", "default", "00000000-0000-0000-0000-000000000001");

  /** The time every context says it is. */
  protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private MetricProvider provider;

  /** Creates the contract test. */
  protected MetricProviderContract() {}

  /**
   * A new provider to test; it is closed after each test.
   *
   * @return the provider
   * @throws Exception when it cannot be made
   */
  protected abstract MetricProvider newProvider() throws Exception;

  /**
   * A metric the test fixture answers, so {@code run} observes or decides.
   *
   * @return the metric
   */
  protected abstract Metric workingMetric();

  /**
   * A metric whose measurement fails (the fixture refuses it or is unreachable).
   *
   * @return the metric
   */
  protected abstract Metric failingMetric();

  /**
   * The secret values the two metrics carry, as the engine would pass them in {@link MeasurementContext}.
   *
   * @return the values; empty when the provider takes no secret (the redaction checks then check nothing)
   */
  protected abstract List<String> secretValues();

  /**
   * A context for a metric.
   *
   * @param metric the metric
   * @return the context at {@link #NOW} for {@link #RUN}
   */
  protected MeasurementContext context(Metric metric) {
    return context(metric, RUN);
  }

  /**
   * A context for a metric in a given run (concurrent calls come from different runs, as in the engine).
   *
   * @param metric the metric
   * @param run the run
   * @return the context at {@link #NOW}
   */
  protected MeasurementContext context(Metric metric, RunRef run) {
    return new MeasurementContext(run, metric, MetricResult.start(metric.name(), false, Map.of()), NOW,
        secretValues());
  }

  /**
   * The provider under test (made before each test).
   *
   * @return the provider
   */
  protected final MetricProvider provider() {
    return provider;
  }

  /**
   * Makes the provider.
   *
   * @throws Exception when it cannot be made
   */
  @BeforeEach
  protected void createProvider() throws Exception {
    provider = newProvider();
  }

  /** Closes the provider. */
  @AfterEach
  protected void closeProvider() {
    provider.close();
  }

  @Test
  void run_neverReturnsNull() throws Exception {
    assertThat(provider.run(context(workingMetric()))).isNotNull();
    assertThat(provider.run(context(failingMetric()))).isNotNull();
  }

  @Test
  void run_workingMetric_isNotAnError() throws Exception {
    ProviderResult result = provider.run(context(workingMetric()));

    assertThat(result).as("the fixture answers the working metric").isNotInstanceOf(ProviderResult.Errored.class);
  }

  @Test
  void run_failingMetric_isAnErrorOrAFailureWithAMessage() throws Exception {
    ProviderResult result = settle(failingMetric(), RUN);

    if (result instanceof ProviderResult.Decided decided) {
      // Providers that judge for themselves (a Job that exits non-zero) decide instead of erroring.
      assertThat(decided.phase()).isNotEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(decided.message()).isNotBlank();
    } else {
      assertThat(result).isInstanceOf(ProviderResult.Errored.class);
      assertThat(((ProviderResult.Errored) result).message()).isNotBlank();
    }
  }

  @Test
  void results_carryNoSecretInAnyForm() throws Exception {
    for (Metric metric : List.of(workingMetric(), failingMetric())) {
      ProviderResult result = settle(metric, RUN);
      assertNoSecret(describe(result), metric.name());
    }
  }

  @Test
  void metadata_neverNullAndCarriesNoSecret() throws Exception {
    for (Metric metric : List.of(workingMetric(), failingMetric())) {
      Map<String, String> metadata = provider.metadata(context(metric));
      assertThat(metadata).as("metadata of %s", metric.name()).isNotNull();
      assertNoSecret(metadata.toString(), metric.name());
      assertThat(metadataOf(provider.run(context(metric)))).isNotNull();
    }
  }

  @Test
  void resumeAndTerminate_neverReturnNull() throws Exception {
    Measurement inFlight = Measurement.builder().phase(AnalysisPhase.RUNNING).startedAt(NOW).resumeAt(NOW).build();

    ProviderResult resumed = provider.resume(context(workingMetric()), inFlight);
    ProviderResult terminated = provider.terminate(context(workingMetric()), inFlight);

    assertThat(resumed).isNotNull();
    assertThat(terminated).isNotNull();
    assertNoSecret(describe(terminated), "terminate");
  }

  @Test
  void garbageCollect_acceptsAnyLimit() {
    for (int limit : new int[] {0, 1, 10}) {
      assertThatCode(() -> provider.garbageCollect(context(workingMetric()), limit)).doesNotThrowAnyException();
    }
  }

  @Test
  void close_isIdempotent() throws Exception {
    MetricProvider other = newProvider();
    other.close();
    assertThatCode(other::close).doesNotThrowAnyException();
  }

  @Test
  void concurrentRuns_eachGetTheSameAnswer() throws Exception {
    Object alone = comparable(settle(workingMetric(), RUN));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        RunRef run = new RunRef("contract-run-" + i, "default", "00000000-0000-0000-0000-00000000010" + i);
        answers.add(pool.submit(() -> comparable(settle(workingMetric(), run))));
      }
      for (Future<Object> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private ProviderResult settle(Metric metric, RunRef run) throws Exception {
    MeasurementContext context = context(metric, run);
    return settled(context, provider.run(context));
  }

  /**
   * The answer after any pending phase, for providers that measure asynchronously (such as Jobs). The default
   * returns the result as it is; an asynchronous provider's test drives its fixture and calls {@code resume}.
   *
   * @param context the context {@code run} was called with
   * @param result what {@code run} returned
   * @return the settled result
   * @throws Exception when resuming fails
   */
  protected ProviderResult settled(MeasurementContext context, ProviderResult result) throws Exception {
    return result;
  }

  /**
   * What two answers to the same metric must agree on. The default is the whole result; a provider whose
   * metadata names each call (a process id, a job name) returns the parts that must agree, such as the phase.
   *
   * @param result a settled result
   * @return the part to compare
   */
  protected Object comparable(ProviderResult result) {
    return result;
  }

  private void assertNoSecret(String text, String where) {
    for (String secret : secretValues()) {
      assertThat(text).as("%s shows a secret", where).doesNotContain(secret)
          .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8))
          .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }
  }

  private static Map<String, String> metadataOf(ProviderResult result) {
    if (result instanceof ProviderResult.Observed o) {
      return o.metadata();
    } else if (result instanceof ProviderResult.Decided d) {
      return d.metadata();
    } else if (result instanceof ProviderResult.Pending p) {
      return p.metadata();
    }
    return ((ProviderResult.Errored) result).metadata();
  }

  private static String describe(ProviderResult result) {
    return result + " " + metadataOf(result);
  }
}
