/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.DryRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Builds model objects from the conformance vectors' JSON encoding. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private Fixtures() {}

  static List<JsonNode> cases(String kind) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/conformance/engine-cases.json")) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode c : JSON.readTree(in)) {
        if (c.get("kind").asText().equals(kind)) {
          out.add(c);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Metric metric(JsonNode node) {
    ObjectNode copy = node.deepCopy();
    if (!copy.has("name")) {
      copy.put("name", "m");
    }
    JsonNode provider = copy.get("provider");
    if (provider == null) {
      copy.remove("provider");
    } else if (provider.isTextual()) {
      copy.set("provider", JSON.createObjectNode().set(provider.asText(), JSON.createObjectNode()));
    }
    try {
      return JSON.treeToValue(copy, Metric.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Metric> metrics(JsonNode nodes) {
    List<Metric> out = new ArrayList<>();
    nodes.forEach(n -> out.add(metric(n)));
    return out;
  }

  static Measurement measurement(JsonNode n) {
    boolean finished = !n.has("finished") || n.get("finished").asBoolean();
    Instant started = n.has("startedAtOffsetSec") ? NOW.plusSeconds(n.get("startedAtOffsetSec").asLong()) : NOW;
    Instant finishedAt = null;
    if (n.has("finishedAtOffsetSec")) {
      finishedAt = NOW.plusSeconds(n.get("finishedAtOffsetSec").asLong());
    } else if (finished && !n.has("startedAtOffsetSec")) {
      finishedAt = NOW;
    }
    return Measurement.builder()
        .phase(AnalysisPhase.fromWireName(n.path("phase").asText("")))
        .message(n.path("message").asText(""))
        .startedAt(started)
        .finishedAt(finishedAt)
        .resumeAt(n.has("resumeAtOffsetSec") ? NOW.plusSeconds(n.get("resumeAtOffsetSec").asLong()) : null)
        .build();
  }

  static MetricResult result(JsonNode n, Collection<String> dryRun) {
    List<Measurement> ms = new ArrayList<>();
    n.path("measurements").forEach(m -> ms.add(measurement(m)));
    String name = n.path("name").asText("m");
    return new MetricResult(name, AnalysisPhase.fromWireName(n.path("phase").asText("")), ms,
        n.path("message").asText(""), n.path("count").asInt(), n.path("successful").asInt(),
        n.path("failed").asInt(), n.path("inconclusive").asInt(), n.path("error").asInt(),
        n.path("consecutiveError").asInt(), n.path("consecutiveSuccess").asInt(), dryRun.contains(name), Map.of());
  }

  static AnalysisRun run(List<Metric> metrics, JsonNode results, Collection<String> dryRun, boolean terminate) {
    List<MetricResult> rs = new ArrayList<>();
    results.forEach(r -> rs.add(result(r, dryRun)));
    List<DryRun> rules = dryRun.stream().map(n -> new DryRun("^" + n + "$")).toList();
    AnalysisRunSpec spec = new AnalysisRunSpec(metrics, List.of(), terminate, rules, List.of(), null);
    AnalysisRunStatus status = rs.isEmpty() ? AnalysisRunStatus.NEW
        : new AnalysisRunStatus(AnalysisPhase.RUNNING, "", rs, NOW.minusSeconds(120), null, null, null);
    return new AnalysisRun(null, null, ObjectMeta.of("run", "default"), spec, status);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }
}
