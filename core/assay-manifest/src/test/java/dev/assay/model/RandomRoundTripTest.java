/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.manifest.Manifests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomly built resources, with text chosen to trip YAML writers, survive YAML and JSON round trips exactly. */
class RandomRoundTripTest {
  private static final List<String> TRICKY = List.of("", "yes", "No", "on", "null", "~", "0755", "1e3", ".5", "-",
      "- item", "key: value", "#comment", "a #b", "{{args.x}}", "{{ args.y }}", "'quoted'", "\"dq\"", "tab\tin",
      "line\nbreak", "trailing\n", "two\n\nparas\n", " lead", "trail ", "ünïcödé ✓", "emoji 😀", "back\\slash",
      "[0.95]", "2026-03-01T12:00:00Z", "true", "12", "+1", "0x1F", "| pipe", "> gt", "%percent", "@at", "`tick`",
      "*star", "&amp", "!bang", "?q", "result[0] >= 0.95 || isNaN(result[0])", "line\r\nwindows", "\u0007bell");
  private final Random random = new Random(7);

  @Test
  void randomResources_roundTripThroughYamlAndJson() {
    for (int i = 0; i < 300; i++) {
      Resource r = resource();
      String yaml = Manifests.write(r);
      assertThat(Manifests.read(yaml)).as(yaml).containsExactly(r);
      String json = Manifests.writeJson(r);
      assertThat(Manifests.read(json)).as(json).containsExactly(r);
    }
  }

  private Resource resource() {
    ObjectMeta meta = new ObjectMeta(text(), text(), text(), stringMap(), stringMap(), Map.of("managedFields", plain(2)));
    AnalysisTemplateSpec spec = new AnalysisTemplateSpec(metrics(), args(), List.of(new DryRun(text())),
        List.of(new MeasurementRetention(text(), random.nextInt(30) - 5)), List.of(new TemplateRef(text(),
        random.nextBoolean())));
    switch (random.nextInt(3)) {
      case 0:
        return new AnalysisTemplate(null, null, meta, spec);
      case 1:
        return new ClusterAnalysisTemplate(null, null, meta, spec);
      default:
        AnalysisRunSpec runSpec = new AnalysisRunSpec(metrics(), args(), random.nextBoolean(), List.of(),
            List.of(), new TtlStrategy(random.nextBoolean() ? 0 : null, 5, null));
        MetricResult result = MetricResult.start(text(), random.nextBoolean(), stringMap()).toBuilder()
            .phase(phase()).message(text()).count(random.nextInt(3)).error(random.nextInt(2))
            .measurements(List.of(measurement(), measurement())).build();
        AnalysisRunStatus status = new AnalysisRunStatus(phase(), text(), List.of(result), instant(), null,
            new RunSummary(1, random.nextInt(2), 0, 0, random.nextInt(2)), null);
        return new AnalysisRun(null, null, meta, runSpec, status);
    }
  }

  private List<Metric> metrics() {
    List<Metric> out = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      ProviderSpec provider;
      switch (random.nextInt(4)) {
        case 0:
          provider = ProviderSpec.of(new PrometheusMetric(text(), text(), random.nextBoolean() ? null : 0L,
              random.nextBoolean(), List.of(new Header(text(), text())), new Authentication(
              new BasicAuth(text(), text()), new OAuth2Config(text(), text(), text(), List.of(text())),
              new Sigv4Config(text(), text(), text())), new RangeQuery(text(), text(), text())));
          break;
        case 1:
          provider = ProviderSpec.of(new WebMetric(text(), text(), List.of(new Header(text(), text())), text(),
              random.nextBoolean() ? null : objectMap(), random.nextInt(3), text(), random.nextBoolean(), null));
          break;
        case 2:
          provider = ProviderSpec.of(new JobMetric(Map.of("labels", stringMap()), objectMap()));
          break;
        default:
          provider = ProviderSpec.of("datadog", objectMap());
          break;
      }
      out.add(Metric.builder("m" + i + text()).interval(text()).initialDelay(text()).count(intOrString())
          .successCondition(text()).failureCondition(text()).failureLimit(intOrString())
          .inconclusiveLimit(intOrString()).consecutiveErrorLimit(intOrString())
          .consecutiveSuccessLimit(intOrString()).provider(provider).build());
    }
    return out;
  }

  private List<Argument> args() {
    return List.of(Argument.of("a" + text(), text()), Argument.required("r"), Argument.fromSecret("s", text(), text()),
        new Argument("f", null, new ValueFrom(null, new FieldRef(text()))));
  }

  private Measurement measurement() {
    return Measurement.builder().phase(phase()).message(text()).startedAt(instant())
        .finishedAt(random.nextBoolean() ? null : instant()).value(text()).metadata(stringMap())
        .resumeAt(random.nextBoolean() ? null : instant()).build();
  }

  private AnalysisPhase phase() {
    return AnalysisPhase.values()[random.nextInt(AnalysisPhase.values().length)];
  }

  private Instant instant() {
    return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextBoolean() ? 0
        : random.nextInt(1_000_000_000));
  }

  private IntOrString intOrString() {
    int pick = random.nextInt(4);
    return pick == 0 ? null : pick == 1 ? IntOrString.of(random.nextInt(20) - 2) : IntOrString.of(text());
  }

  private String text() {
    return random.nextInt(3) == 0 ? "plain" + random.nextInt(100) : TRICKY.get(random.nextInt(TRICKY.size()));
  }

  private Map<String, String> stringMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < random.nextInt(3); i++) {
      out.put("k" + i + text(), text());
    }
    return out;
  }

  private Map<String, Object> objectMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      out.put("k" + i + text(), plain(2));
    }
    return out;
  }

  private Object plain(int depth) {
    switch (depth <= 0 ? random.nextInt(4) : random.nextInt(6)) {
      case 0:
        return text();
      case 1:
        return random.nextInt(1000) - 500;
      case 2:
        return random.nextBoolean();
      case 3:
        return random.nextInt(100) / 8.0;
      case 4:
        return List.of(plain(depth - 1), plain(depth - 1));
      default:
        return Map.of("n" + text(), plain(depth - 1));
    }
  }
}
