/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/model.md, kept compiling and passing. */
class ReadmeExampleTest {

  @Test
  void readmeExample_loadsTemplateBuildsRunAndWritesIt() {
    AnalysisTemplate template = Manifests.read("""
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: success-rate
        spec:
          args:
            - name: service-name
          metrics:
            - name: success-rate
              interval: 5m
              successCondition: result[0] >= 0.95
              failureLimit: 3
              provider:
                prometheus:
                  address: http://prometheus:9090
                  query: sum(rate(ok{service="{{args.service-name}}"}[5m])) / sum(rate(all{service="{{args.service-name}}"}[5m]))
        """, AnalysisTemplate.class);

    AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("checkout-canary-1", "shop"), List.of(template),
        List.of(Argument.of("service-name", "checkout")));
    String yaml = Manifests.write(run);

    assertThat(run.spec().args()).containsExactly(Argument.of("service-name", "checkout"));
    assertThat(yaml).contains("kind: AnalysisRun", "name: checkout-canary-1", "failureLimit: 3");
    assertThat(Manifests.read(yaml, AnalysisRun.class)).isEqualTo(run);
    ResolvedMetrics resolved = ArgumentResolver.resolve(run.spec().metrics(), run.spec().args(), "shop",
        SecretResolver.none());
    assertThat(resolved.metrics().get(0).provider().prometheus().query()).contains("service=\"checkout\"");
  }
}
