/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.lint.Finding;
import dev.assay.lint.Severity;
import dev.assay.manifest.Manifest;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.Manifests;
import dev.assay.manifest.internal.SourceTrees;
import dev.assay.model.TemplateResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One linting pass over one or more sources: each analysis document is checked as it is added; Rollouts are checked
 * at the end, against the templates of every source. Not thread-safe: one per call of the linter.
 */
public final class LintPass {
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
    List<SourceTrees.Document> docs;
    try {
      docs = SourceTrees.read(text);
    } catch (ManifestException e) {
      new FindingSink(source, Map.of(), findings).addAt("yaml-syntax", Severity.ERROR, "", e.position().orElse(null),
          e.problem(), "fix the YAML or JSON syntax");
      return;
    }
    for (SourceTrees.Document doc : docs) {
      if ("Rollout".equals(doc.tree().path("kind").asText())) {
        rollouts.add(new Rollout(new FindingSink(source, doc.positions(), findings), doc.tree()));
      }
    }
    List<Manifest> manifests;
    try {
      manifests = Manifests.parse(text);
    } catch (ManifestException e) {
      new FindingSink(source, Map.of(), findings).addAt("invalid-manifest", Severity.ERROR, e.fieldPath(),
          e.position().orElse(null), e.problem(), "fix the field's type or value; see the Argo CRD");
      return;
    }
    for (Manifest m : manifests) {
      FindingSink sink = new FindingSink(source, m.positions(), findings);
      if (m.resource() instanceof TemplateResource) {
        templates.put(m.resource().metadata().name(), (TemplateResource) m.resource());
      }
      for (SourceTrees.Document doc : docs) {
        if (doc.index() == m.documentIndex() && m.resource().kind().equals(doc.tree().path("kind").asText())) {
          RawRules.check(doc.tree().path("spec"), sink);
        }
      }
      TypedRules.check(m, sink);
    }
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
