/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.plan.PlanException;
import dev.assay.plan.Revision;
import dev.assay.plan.RevisionHistory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON form of a {@link RevisionHistory} inside a plan state, and the pod-template hash of a {@link Revision}'s
 * spec. Unknown fields are errors with their path (a typo must not lose a revision). Stateless and thread-safe.
 */
public final class RevisionsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> HISTORY_FIELDS = Set.of("limit", "stable", "canary", "revisions");
  private static final Set<String> REVISION_FIELDS = Set.of("number", "version", "podTemplateHash", "spec");

  private RevisionsJson() {}

  /**
   * The first 10 hex digits of the SHA-256 of the spec's canonical JSON (names sorted).
   *
   * @param spec the spec
   * @return the hash
   */
  public static String hash(Map<String, String> spec) {
    try {
      byte[] json = MAPPER.writeValueAsString(new TreeMap<>(spec)).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a revision spec could not be hashed", e);
    }
  }

  /**
   * Writes a history.
   *
   * @param h the history
   * @return the JSON object
   */
  public static ObjectNode write(RevisionHistory h) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("limit", h.limit());
    o.put("stable", h.stableRevision());
    o.put("canary", h.canaryRevision());
    ArrayNode list = o.putArray("revisions");
    for (Revision r : h.revisions()) {
      ObjectNode n = list.addObject();
      n.put("number", r.number());
      n.put("version", r.version());
      n.put("podTemplateHash", r.podTemplateHash());
      ObjectNode spec = n.putObject("spec");
      r.spec().forEach(spec::put);
    }
    return o;
  }

  /**
   * Reads a history.
   *
   * @param node the JSON object
   * @param path the field path for messages, such as {@code revisions}
   * @return the history
   * @throws PlanException naming the field that is missing, unknown or wrong
   */
  public static RevisionHistory read(JsonNode node, String path) {
    requireFields(node, path, HISTORY_FIELDS);
    JsonNode list = node.get("revisions");
    if (list == null || !list.isArray()) {
      throw new PlanException("plan state field '" + path + ".revisions' must be a list");
    }
    List<Revision> revisions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      revisions.add(revision(list.get(i), path + ".revisions[" + i + "]"));
    }
    try {
      return new RevisionHistory(revisions, integer(node, path, "stable"), integer(node, path, "canary"),
          integer(node, path, "limit"));
    } catch (IllegalArgumentException e) {
      throw new PlanException("plan state field '" + path + "': " + e.getMessage(), e);
    }
  }

  private static Revision revision(JsonNode n, String path) {
    requireFields(n, path, REVISION_FIELDS);
    JsonNode spec = n.get("spec");
    if (spec == null || !spec.isObject()) {
      throw new PlanException("plan state field '" + path + ".spec' must be an object of strings");
    }
    Map<String, String> values = new LinkedHashMap<>();
    spec.properties().forEach(e -> {
      if (!e.getValue().isTextual()) {
        throw new PlanException("plan state field '" + path + ".spec." + e.getKey() + "' must be a string");
      }
      values.put(e.getKey(), e.getValue().textValue());
    });
    try {
      return new Revision(integer(n, path, "number"), text(n, path, "version"), values,
          text(n, path, "podTemplateHash"));
    } catch (IllegalArgumentException e) {
      throw new PlanException("plan state field '" + path + "': " + e.getMessage(), e);
    }
  }

  private static void requireFields(JsonNode n, String path, Set<String> known) {
    if (n == null || !n.isObject()) {
      throw new PlanException("plan state field '" + path + "' must be an object");
    }
    n.properties().forEach(e -> {
      String f = e.getKey();
      if (!known.contains(f)) {
        throw new PlanException("plan state field '" + path + "." + f + "' is unknown; known fields: "
            + known.stream().sorted().toList());
      }
    });
  }

  private static int integer(JsonNode o, String path, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new PlanException("plan state field '" + path + "." + field + "' must be a whole number");
    }
    return v.intValue();
  }

  private static String text(JsonNode o, String path, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new PlanException("plan state field '" + path + "." + field + "' must be a string");
    }
    return v.textValue();
  }
}
