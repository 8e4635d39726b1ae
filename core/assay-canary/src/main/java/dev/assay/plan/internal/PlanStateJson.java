/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.plan.PlanException;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanState;
import dev.assay.plan.RevisionHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a {@link PlanState}: an object with {@code formatVersion} and one field per record component;
 * analysis runs are embedded in Argo's AnalysisRun JSON. Fields of a newer format version than this code knows are
 * refused by the version check; an unknown field at a known version is an error (a typo must not lose state).
 * Stateless and thread-safe.
 */
public final class PlanStateJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FIELDS_V1 = Set.of("formatVersion", "phase", "stepIndex", "weight", "message",
      "analyses", "runCounter", "pausedOnInconclusive", "pauseEndsAt", "analysisInFlight", "savedAt");
  /** Format version 2 added the revision history. */
  private static final Set<String> FIELDS_V2 = with(FIELDS_V1, "revisions");

  private PlanStateJson() {}

  /**
   * Writes a state.
   *
   * @param s the state
   * @return JSON text
   */
  public static String write(PlanState s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("formatVersion", s.formatVersion());
    o.put("phase", s.phase().name());
    o.put("stepIndex", s.stepIndex());
    o.put("weight", s.weight());
    o.put("message", s.message());
    ArrayNode analyses = o.putArray("analyses");
    s.analyses().forEach(r -> analyses.add(runNode(r)));
    o.put("runCounter", s.runCounter());
    o.put("pausedOnInconclusive", s.pausedOnInconclusive());
    if (s.pauseEndsAt() != null) {
      o.put("pauseEndsAt", s.pauseEndsAt().toString());
    }
    if (s.analysisInFlight() != null) {
      o.set("analysisInFlight", runNode(s.analysisInFlight()));
    }
    o.put("savedAt", s.savedAt().toString());
    if (s.formatVersion() >= 2) {
      o.set("revisions", RevisionsJson.write(s.revisions()));
    }
    return o.toString();
  }

  /**
   * Reads a state.
   *
   * @param json JSON text
   * @return the state
   * @throws PlanException naming the field that is missing or wrong
   */
  public static PlanState read(String json) {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanException("plan state is not JSON: " + e.getOriginalMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new PlanException("plan state must be a JSON object");
    }
    int version = integer(o, "formatVersion");
    if (version > PlanState.FORMAT_VERSION) {
      throw new PlanException("plan state format version " + version + " is newer than this Assay reads ("
          + PlanState.FORMAT_VERSION + "); resume it with the Assay version that saved it or a newer one");
    }
    Set<String> fields = version >= 2 ? FIELDS_V2 : FIELDS_V1;
    o.fieldNames().forEachRemaining(f -> {
      if (!fields.contains(f)) {
        throw new PlanException("plan state field '" + f + "' is unknown in format version " + version
            + "; known fields: " + fields.stream().sorted().toList());
      }
    });
    PlanPhase phase;
    try {
      phase = PlanPhase.valueOf(text(o, "phase"));
    } catch (IllegalArgumentException e) {
      throw new PlanException("plan state field 'phase': '" + o.get("phase").asText() + "' is not one of "
          + List.of(PlanPhase.values()), e);
    }
    List<AnalysisRun> analyses = new ArrayList<>();
    JsonNode list = o.get("analyses");
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        analyses.add(run(list.get(i), "analyses[" + i + "]"));
      }
    }
    JsonNode inFlight = o.get("analysisInFlight");
    return new PlanState(version, phase, integer(o, "stepIndex"), integer(o, "weight"), text(o, "message"), analyses,
        integer(o, "runCounter"), o.path("pausedOnInconclusive").asBoolean(false), instant(o, "pauseEndsAt"),
        inFlight == null || inFlight.isNull() ? null : run(inFlight, "analysisInFlight"),
        java.util.Objects.requireNonNull(instant(o, "savedAt"), "savedAt"),
        o.has("revisions") ? RevisionsJson.read(o.get("revisions"), "revisions") : RevisionHistory.NONE);
  }

  private static Set<String> with(Set<String> fields, String added) {
    Set<String> all = new java.util.HashSet<>(fields);
    all.add(added);
    return Set.copyOf(all);
  }

  private static JsonNode runNode(AnalysisRun run) {
    try {
      return MAPPER.readTree(Manifests.writeJson(run));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an AnalysisRun did not write as JSON", e);
    }
  }

  private static AnalysisRun run(JsonNode node, String field) {
    try {
      return Manifests.read(node.toString(), AnalysisRun.class);
    } catch (RuntimeException e) {
      throw new PlanException("plan state field '" + field + "' is not an AnalysisRun: " + e.getMessage(), e);
    }
  }

  private static int integer(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new PlanException("plan state field '" + field + "' must be a whole number");
    }
    return v.intValue();
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new PlanException("plan state field '" + field + "' must be a string");
    }
    return v.textValue();
  }

  private static @Nullable Instant instant(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      if (field.equals("savedAt")) {
        throw new PlanException("plan state field 'savedAt' is missing");
      }
      return null;
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new PlanException("plan state field '" + field + "': '" + v.asText() + "' is not an RFC 3339 UTC time",
          e);
    }
  }
}
