/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.lint.Finding;
import dev.assay.lint.Severity;
import dev.assay.manifest.Manifest;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.ManifestProblem;
import dev.assay.manifest.Manifests;
import dev.assay.manifest.RolloutManifest;
import dev.assay.manifest.SourcePosition;
import dev.assay.model.TemplateResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One linting pass over one or more sources: each analysis document is checked as it is added; Rollouts are checked
 * at the end, against the templates of every source. Documents are read leniently so that every rule can run; what
 * strict reading rejects is reported ({@code unknown-field}, {@code invalid-manifest}, {@code yaml-syntax}). Not
 * thread-safe: one per call of the linter.
 */
public final class LintPass {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROLLOUT_KIND = Pattern.compile("(?m)^\\s*\"?kind\"?\\s*:\\s*\"?Rollout\"?\\s*,?\\s*$");

  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, TemplateResource> templates = new LinkedHashMap<>();
  private final List<Rollout> rollouts = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();

  private record Rollout(FindingSink sink, JsonNode tree) {}

  /** Creates an empty pass. */
  public LintPass() {}

  /**
   * Lints one source text.
   *
   * @param source the name findings carry
   * @param text YAML or JSON, one or more documents
   */
  public void add(String source, String text) {
    sources.add(source);
    List<Manifest> manifests;
    try {
      manifests = Manifests.lenient().parse(text);
    } catch (ManifestException e) {
      FindingSink sink = new FindingSink(source, Map.of(), findings);
      for (ManifestProblem p : e.problems()) {
        boolean syntax = p.path().isEmpty() && e.problems().size() == 1;
        sink.addAt(syntax ? "yaml-syntax" : "invalid-manifest", Severity.ERROR, p.path(), known(p.position()),
            p.message(), p.hint().isEmpty() ? (syntax ? "fix the YAML or JSON syntax"
                : "fix the field's type or value; see the Argo CRD") : p.hint());
      }
      return;
    }
    if (ROLLOUT_KIND.matcher(text).find()) {
      readRollout(source, text);
    }
    for (Manifest m : manifests) {
      FindingSink sink = new FindingSink(source, m.positions(), findings);
      if (m.resource() instanceof TemplateResource) {
        templates.put(m.resource().metadata().name(), (TemplateResource) m.resource());
      }
      RawRules.check(asTree(m).path("spec"), sink);
      TypedRules.check(m, sink);
    }
  }

  private void readRollout(String source, String text) {
    RolloutManifest rollout;
    try {
      rollout = Manifests.reader().readRollout(text);
    } catch (ManifestException e) {
      FindingSink sink = new FindingSink(source, Map.of(), findings);
      for (ManifestProblem p : e.problems()) {
        boolean unknown = p.message().startsWith("unknown field");
        sink.addAt(unknown ? "unknown-field" : "rollout-step", Severity.ERROR, p.path(), known(p.position()),
            p.message(), p.hint().isEmpty() ? "fix the step; see docs/lint-rules.md#rollout-step" : p.hint());
      }
      return;
    }
    rollouts.add(new Rollout(new FindingSink(source, rollout::position, findings), rollout.tree()));
  }

  /** The resource as written back by the model: what the rules on raw values read (unknown fields are dropped). */
  private static JsonNode asTree(Manifest m) {
    try {
      return JSON.readTree(Manifests.writeJson(m.resource()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read back a resource written as JSON", e);
    }
  }

  private static @Nullable SourcePosition known(SourcePosition p) {
    return p.isKnown() ? p : null;
  }

  /**
   * Lints a source that could not be read.
   *
   * @param source the name
   * @param problem why it could not be read
   */
  public void unreadable(String source, String problem) {
    sources.add(source);
    new FindingSink(source, Map.of(), findings).add("unreadable", Severity.ERROR, "", problem, "");
  }

  /**
   * Runs the Rollout checks and returns every finding, ordered by source (in the order added), line and column.
   *
   * @return the findings
   */
  public List<Finding> finish() {
    for (Rollout r : rollouts) {
      RolloutRules.check(r.tree(), templates, r.sink());
    }
    List<Finding> out = new ArrayList<>(findings);
    out.sort(Comparator.<Finding>comparingInt(f -> sources.indexOf(f.source())).thenComparingInt(Finding::line)
        .thenComparingInt(Finding::column));
    return out;
  }
}
