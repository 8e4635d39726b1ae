/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateRef;
import dev.assay.model.TemplateResource;
import dev.assay.model.TtlStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link AnalysisRun} from templates; see {@link AnalysisRuns}. Not thread-safe; {@link #build()} may be
 * called more than once.
 *
 * <p>Templates come either directly ({@link #templates}) or by reference ({@link #templateRefs}, looked up among
 * {@link #available}). Nested references in a template's {@code spec.templates} are looked up the same way and
 * placed before the template that references them, as the Rollout controller does; a template reached twice is kept
 * once, and a reference cycle is followed only once.
 */
public final class AnalysisRunBuilder {
  private ObjectMeta metadata = ObjectMeta.EMPTY;
  private final List<TemplateResource> templates = new ArrayList<>();
  private final List<TemplateRef> refs = new ArrayList<>();
  private final List<TemplateResource> available = new ArrayList<>();
  private List<Argument> args = List.of();
  private List<DryRun> dryRun = List.of();
  private List<MeasurementRetention> retention = List.of();
  private @Nullable TtlStrategy ttlStrategy;

  AnalysisRunBuilder() {}

  /**
   * Sets the run's metadata.
   *
   * @param metadata the metadata (name and namespace at least)
   * @return this builder
   */
  public AnalysisRunBuilder metadata(ObjectMeta metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    return this;
  }

  /**
   * Adds templates to build from, in reference order.
   *
   * @param list the templates
   * @return this builder
   */
  public AnalysisRunBuilder templates(List<? extends TemplateResource> list) {
    Objects.requireNonNull(list, "templates").forEach(t -> templates.add(Objects.requireNonNull(t, "template")));
    return this;
  }

  /**
   * Adds references to templates to build from (like a Rollout's {@code templates}); they are looked up among the
   * {@link #available} templates.
   *
   * @param list the references
   * @return this builder
   */
  public AnalysisRunBuilder templateRefs(List<TemplateRef> list) {
    Objects.requireNonNull(list, "templateRefs").forEach(r -> refs.add(Objects.requireNonNull(r, "templateRef")));
    return this;
  }

  /**
   * Adds templates that references may point to (the cluster's templates in the run's namespace, and cluster
   * templates). A namespaced and a cluster template may share a name; the reference's {@code clusterScope} decides.
   *
   * @param list the templates
   * @return this builder
   */
  public AnalysisRunBuilder available(Collection<? extends TemplateResource> list) {
    Objects.requireNonNull(list, "available").forEach(t -> available.add(Objects.requireNonNull(t, "template")));
    return this;
  }

  /**
   * Sets the caller's arguments (a Rollout's {@code args}).
   *
   * @param list the arguments
   * @return this builder
   */
  public AnalysisRunBuilder args(List<Argument> list) {
    this.args = List.copyOf(list);
    return this;
  }

  /**
   * Sets the caller's dry-run rules, combined with the templates' ones.
   *
   * @param list the rules
   * @return this builder
   */
  public AnalysisRunBuilder dryRun(List<DryRun> list) {
    this.dryRun = List.copyOf(list);
    return this;
  }

  /**
   * Sets the caller's retention rules, combined with the templates' ones.
   *
   * @param list the rules
   * @return this builder
   */
  public AnalysisRunBuilder measurementRetention(List<MeasurementRetention> list) {
    this.retention = List.copyOf(list);
    return this;
  }

  /**
   * Sets when the completed run may be deleted.
   *
   * @param ttl the strategy, or null for none
   * @return this builder
   */
  public AnalysisRunBuilder ttlStrategy(@Nullable TtlStrategy ttl) {
    this.ttlStrategy = ttl;
    return this;
  }

  /**
   * Builds the run.
   *
   * @return the run, with an empty status
   * @throws TemplateValidationException with Argo's message when a referenced template is missing, the templates
   *     conflict or an argument is left without a value
   */
  public AnalysisRun build() {
    List<TemplateResource> roots = new ArrayList<>(templates);
    for (int i = 0; i < refs.size(); i++) {
      roots.add(lookUp(refs.get(i), "templates[" + i + "]"));
    }
    List<TemplateResource> expanded = new ArrayList<>();
    Set<String> visiting = new HashSet<>();
    for (TemplateResource root : roots) {
      expand(root, expanded, visiting);
    }
    AnalysisTemplateSpec flat = AnalysisRuns.flatten(unique(expanded));
    List<DryRun> mergedDryRun = new ArrayList<>(union(dryRun, flat.dryRun(), DryRun::metricName));
    List<MeasurementRetention> mergedRetention =
        new ArrayList<>(union(retention, flat.measurementRetention(), MeasurementRetention::metricName));
    AnalysisRunSpec spec = new AnalysisRunSpec(flat.metrics(), AnalysisRuns.mergeArgs(args, flat.args()), false,
        mergedDryRun, mergedRetention, ttlStrategy);
    return AnalysisRun.of(metadata, spec);
  }

  private void expand(TemplateResource template, List<TemplateResource> out, Set<String> visiting) {
    String key = key(template);
    if (!visiting.add(key)) {
      return;
    }
    List<TemplateRef> nested = template.spec().templates();
    for (int i = 0; i < nested.size(); i++) {
      expand(lookUp(nested.get(i), key + ".spec.templates[" + i + "]"), out, visiting);
    }
    out.add(template);
  }

  private TemplateResource lookUp(TemplateRef ref, String path) {
    for (TemplateResource t : available) {
      if (refersTo(ref, t)) {
        return t;
      }
    }
    for (TemplateResource t : templates) {
      if (refersTo(ref, t)) {
        return t;
      }
    }
    String resource = ref.clusterScope() ? "clusteranalysistemplates" : "analysistemplates";
    throw new TemplateValidationException(
        resource + ".argoproj.io \"" + ref.templateName() + "\" not found", path + ".templateName");
  }

  private static boolean refersTo(TemplateRef ref, TemplateResource t) {
    return t.metadata().name().equals(ref.templateName())
        && (t instanceof ClusterAnalysisTemplate) == ref.clusterScope();
  }

  private static List<TemplateResource> unique(List<TemplateResource> expanded) {
    Map<String, TemplateResource> byKey = new LinkedHashMap<>();
    for (TemplateResource t : expanded) {
      byKey.putIfAbsent(key(t), t);
    }
    return new ArrayList<>(byKey.values());
  }

  private static String key(TemplateResource t) {
    // Unnamed templates (built in code) are told apart by identity.
    String name = t.metadata().name().isEmpty() ? "@" + System.identityHashCode(t) : t.metadata().name();
    return t.kind() + "/" + name;
  }

  private static <T> Collection<T> union(List<T> first, List<T> second, java.util.function.Function<T, String> name) {
    Map<String, T> byName = new LinkedHashMap<>();
    first.forEach(r -> byName.put(name.apply(r), r));
    second.forEach(r -> byName.put(name.apply(r), r));
    return byName.values();
  }
}
