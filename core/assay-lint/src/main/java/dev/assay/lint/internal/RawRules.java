/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.lint.Severity;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules read from the document as written, before arguments are resolved: {@code {{args.x}}} that no argument
 * declares ({@code undeclared-arg}) and secrets written as plain values ({@code plain-secret}). Stateless.
 */
final class RawRules {
  private static final Pattern ARG_TAG = Pattern.compile("\\{\\{\\s*args\\.([^}\\s]+)\\s*}}");
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(token|password|passwd|secret|api[-_]?key|credential|private[-_]?key|auth).*");
  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
      "api-key", "apikey", "x-auth-token", "private-token", "cookie", "dd-api-key", "dd-application-key",
      "x-vault-token");
  private static final Set<String> SECRET_FIELDS = Set.of("password", "clientsecret");
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://[^/@\\s]*:[^/@\\s]+@.*");

  private RawRules() {}

  /**
   * Checks an analysis document's spec as written.
   *
   * @param spec the {@code spec} node
   * @param sink where findings go
   */
  static void check(JsonNode spec, FindingSink sink) {
    Set<String> declared = new HashSet<>();
    JsonNode args = spec.path("args");
    for (int i = 0; i < args.size(); i++) {
      JsonNode arg = args.get(i);
      String name = arg.path("name").asText("");
      declared.add(name);
      JsonNode value = arg.get("value");
      if (value != null && value.isTextual() && !value.asText().isEmpty() && SECRET_NAME.matcher(name).matches()
          && !isReference(value.asText())) {
        sink.add("plain-secret", Severity.ERROR, "spec.args[" + i + "].value", "argument " + name
            + " looks like a credential and has a plain value: it ends up in Git, in the AnalysisRun and in logs",
            "use valueFrom: {secretKeyRef: {name: <secret>, key: <key>}} instead of value");
      }
    }
    JsonNode metrics = spec.path("metrics");
    for (int i = 0; i < metrics.size(); i++) {
      walk(metrics.get(i), "spec.metrics[" + i + "]", declared, sink);
    }
  }

  private static void walk(JsonNode node, String path, Set<String> declared, FindingSink sink) {
    if (node.isTextual()) {
      Matcher m = ARG_TAG.matcher(node.asText());
      while (m.find()) {
        if (!declared.contains(m.group(1))) {
          sink.add("undeclared-arg", Severity.ERROR, path, "{{args." + m.group(1) + "}} is used but no argument "
              + "declares it; Argo fails the run with: failed to resolve {{args." + m.group(1) + "}}",
              "declare it under spec.args (- name: " + m.group(1) + ") or fix the name; declared: "
              + new java.util.TreeSet<>(declared));
        }
      }
      if (URL_PASSWORD.matcher(node.asText()).matches() && !isReference(node.asText())) {
        sink.add("plain-secret", Severity.ERROR, path, "the URL holds a password",
            "move the credential to a secret argument and reference it: {{args.<name>}}");
      }
    } else if (node.isObject()) {
      JsonNode key = node.get("key");
      JsonNode value = node.get("value");
      if (key != null && value != null && value.isTextual() && SECRET_HEADERS.contains(
          key.asText().toLowerCase(Locale.ROOT)) && !value.asText().isEmpty() && !isReference(value.asText())) {
        sink.add("plain-secret", Severity.ERROR, path + ".value", "header " + key.asText()
            + " has a literal credential: it ends up in Git, in the AnalysisRun and in logs",
            "declare a secret argument (valueFrom.secretKeyRef) and write value: \"Bearer {{args.<name>}}\"");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = path + "." + e.getKey();
        if (SECRET_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT)) && e.getValue().isTextual()
            && !e.getValue().asText().isEmpty() && !isReference(e.getValue().asText())) {
          sink.add("plain-secret", Severity.ERROR, child, e.getKey() + " is written as a plain value",
              "declare a secret argument (valueFrom.secretKeyRef) and write " + e.getKey() + ": \"{{args.<name>}}\"");
        }
        walk(e.getValue(), child, declared, sink);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", declared, sink);
      }
    }
  }

  /** A value that only refers to an argument holds no credential itself. */
  private static boolean isReference(String value) {
    return ARG_TAG.matcher(value).find();
  }
}
