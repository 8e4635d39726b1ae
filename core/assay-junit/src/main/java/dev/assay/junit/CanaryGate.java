/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.model.AnalysisPhase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an analysis template before the test method and fails the test, with an explanation, unless the run ends in
 * {@link #expect()}. The completed run can be injected as an {@code AnalysisRun} parameter. Providers are found
 * with {@code ServiceLoader} on the test class path (add assay-prometheus-provider and assay-web-provider), unless a
 * {@link CanaryGateExtension} registered with {@code @RegisterExtension} supplies an engine.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CanaryGateExtension.class)
public @interface CanaryGate {
  /**
   * Where the template is: {@code builtin:<name>} (one of the five shipped templates), {@code classpath:<resource>}
   * or a file path. The template is read strictly: a field the Argo schema does not define (such as a misspelt
   * {@code sucessCondition}) fails the test with a {@code ManifestException} naming its line and column (see
   * {@code docs/manifests.md}).
   *
   * @return the template location
   */
  String template();

  /**
   * Arguments as {@code name=value}; {@code ${key}} in a value is replaced by the system property {@code key},
   * or else the environment variable {@code key}.
   *
   * @return the arguments
   */
  String[] args() default {};

  /**
   * The longest the analysis may take, in seconds (real time).
   *
   * @return the timeout; default 600
   */
  long timeoutSeconds() default 600;

  /**
   * Provider settings for the engine the gate builds, as {@code <provider type>.<key>=<value>}, for example
   * {@code "job.defaultRunner=local"} (run job metrics as local processes) or {@code "prometheus.timeout=5s"}; each
   * becomes a {@link dev.assay.spi.ProviderSettings} property of the provider factory of that type. Written by the
   * test author, they count as the embedding application's choice. {@code ${key}} in a value is expanded as in
   * {@link #args()}. Ignored when a registered {@link CanaryGateExtension} supplies the engine.
   *
   * @return the settings; default none
   */
  String[] providerSettings() default {};

  /**
   * Whether each metric is checked before the first measurement (the Prometheus query parses and the server
   * answers, the web URL is valid, a cluster is reachable for job metrics), so that a broken metric fails the gate at
   * once with the cause instead of after its error retries. See {@code docs/preflight.md}.
   *
   * @return whether to run pre-flight checks; default true
   */
  boolean preflight() default true;

  /**
   * The phase the run must end in.
   *
   * @return the phase; default Successful
   */
  AnalysisPhase expect() default AnalysisPhase.SUCCESSFUL;
}
