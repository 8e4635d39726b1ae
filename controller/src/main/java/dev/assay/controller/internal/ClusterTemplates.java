/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.TemplateRef;
import dev.assay.model.TemplateResource;
import dev.assay.template.AnalysisRuns;
import dev.assay.template.TemplateValidationException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a run's metrics from {@code AnalysisTemplate}s and {@code ClusterAnalysisTemplate}s read from the cluster.
 * An Argo AnalysisRun carries its metrics (the Rollout copied them in); a run created for Assay may instead name
 * templates in the {@value #ANNOTATION} annotation ({@code name} for an AnalysisTemplate in the run's namespace,
 * {@code cluster:name} for a ClusterAnalysisTemplate, comma-separated) and leave {@code spec.metrics} empty. The
 * controller then flattens the templates as the Rollout controller does and writes the resulting spec once, so the
 * run keeps the templates as they were when it started. Thread-safe.
 */
public final class ClusterTemplates {
  /** The annotation naming the templates of a run without metrics. */
  public static final String ANNOTATION = "assay.dev/templates";
  private static final String CLUSTER_PREFIX = "cluster:";

  private final KubernetesClient client;
  private final RunCodec codec;

  /**
   * Templates read through a client.
   *
   * @param client the client
   * @param codec the codec
   */
  public ClusterTemplates(KubernetesClient client, RunCodec codec) {
    this.client = Objects.requireNonNull(client, "client");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * Whether a run names templates and has no metrics yet.
   *
   * @param run the run
   * @return true when {@link #resolve} should be called before reconciling
   */
  public static boolean needsResolution(AnalysisRun run) {
    return run.spec().metrics().isEmpty() && run.metadata().annotations().containsKey(ANNOTATION);
  }

  /**
   * The run with the metrics, arguments, dry-run and retention rules of its templates (its own arguments and rules
   * merged in, as a Rollout's are).
   *
   * @param run the run
   * @return the run with a full spec and its status unchanged
   * @throws TemplateValidationException when the annotation is malformed, a template is missing or the templates
   *     conflict (Argo's messages)
   */
  public AnalysisRun resolve(AnalysisRun run) {
    List<TemplateRef> refs = parse(run.metadata().annotations().get(ANNOTATION));
    List<TemplateResource> available = new ArrayList<>();
    Deque<TemplateRef> pending = new ArrayDeque<>(refs);
    Set<TemplateRef> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TemplateRef ref = pending.pop();
      if (!seen.add(ref)) {
        continue;
      }
      TemplateResource t = fetch(ref, run.metadata().namespace());
      if (t != null) {
        available.add(t);
        pending.addAll(t.spec().templates());
      }
    }
    AnalysisRun built = AnalysisRuns.builder().metadata(run.metadata()).templateRefs(refs).available(available)
        .args(run.spec().args()).dryRun(run.spec().dryRun())
        .measurementRetention(run.spec().measurementRetention()).ttlStrategy(run.spec().ttlStrategy()).build();
    return built.withSpec(built.spec().withTerminate(run.spec().terminate())).withStatus(run.status());
  }

  private TemplateResource fetch(TemplateRef ref, String namespace) {
    GenericKubernetesResource r = ref.clusterScope()
        ? client.genericKubernetesResources(ArgoResources.CLUSTER_ANALYSIS_TEMPLATES).withName(ref.templateName()).get()
        : client.genericKubernetesResources(ArgoResources.ANALYSIS_TEMPLATES).inNamespace(namespace)
            .withName(ref.templateName()).get();
    if (r == null) {
      return null;
    }
    return ref.clusterScope() ? codec.toModel(r, ClusterAnalysisTemplate.class)
        : codec.toModel(r, AnalysisTemplate.class);
  }

  static List<TemplateRef> parse(String annotation) {
    String path = "metadata.annotations[" + ANNOTATION + "]";
    List<TemplateRef> refs = new ArrayList<>();
    for (String part : annotation.split(",", -1)) {
      String entry = part.trim();
      boolean cluster = entry.startsWith(CLUSTER_PREFIX);
      String name = cluster ? entry.substring(CLUSTER_PREFIX.length()).trim() : entry;
      if (name.isEmpty() || !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
        throw new TemplateValidationException("template reference '" + entry + "' is not a template name; write "
            + "'name' for an AnalysisTemplate or 'cluster:name' for a ClusterAnalysisTemplate, comma-separated", path);
      }
      refs.add(new TemplateRef(name, cluster));
    }
    return refs;
  }
}
