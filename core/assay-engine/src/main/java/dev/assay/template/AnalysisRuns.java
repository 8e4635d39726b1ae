/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@code AnalysisRun} from templates the way the Rollout controller does (docs/argo-semantics.md §2.13): nested
 * template references are expanded, the templates are flattened (namespaced templates' metrics first, then cluster
 * templates'), and the caller's arguments are merged into the templates' declared ones.
 *
 * <pre>{@code
 * AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("canary-1", "shop"), List.of(template),
 *     List.of(Argument.of("service-name", "checkout")));
 * }</pre>
 *
 * <p>Errors are {@link TemplateValidationException}s with Argo's messages: {@code two metrics have the same name 'x'},
 * {@code two Dry-Run metric rules have the same name 'x'}, {@code two Measurement Retention metric rules have the same
 * name 'x'}, {@code Argument `x` specified multiple times with different values: 'a', 'b'} and
 * {@code args.x was not resolved}. Metric arguments stay unresolved in the run ({@code {{args.x}}} is resolved at
 * every evaluation by {@link ArgumentResolver}). Stateless and thread-safe.
 */
public final class AnalysisRuns {
  private AnalysisRuns() {}

  /**
   * Builds a run from templates and arguments.
   *
   * @param metadata the run's metadata (name and namespace at least)
   * @param templates the templates, namespaced and cluster-scoped, in the order they are referenced; references
   *     between them ({@code spec.templates}) are resolved among these templates
   * @param args the caller's arguments (a Rollout's {@code args}); ones the templates do not declare are dropped
   * @return the new run, with an empty status
   * @throws TemplateValidationException with Argo's message when the templates conflict or an argument is missing
   */
  public static AnalysisRun fromTemplates(
      ObjectMeta metadata, List<? extends TemplateResource> templates, List<Argument> args) {
    return builder().metadata(metadata).templates(templates).args(args).build();
  }

  /**
   * A builder for runs that also need dry-run or retention rules, a TTL, or templates looked up by reference.
   *
   * @return a new builder
   */
  public static AnalysisRunBuilder builder() {
    return new AnalysisRunBuilder();
  }

  /**
   * Argo's {@code FlattenTemplates}: one template body from many. Metrics, dry-run and retention rules are
   * concatenated (namespaced templates first, then cluster templates, each group in the given order) and must have
   * unique names; arguments of the same name are merged (a missing value is filled in by a later template, two
   * different values are an error). Nested references are not followed here (see {@link #builder()}).
   *
   * @param templates the templates
   * @return the flattened body, without template references
   * @throws TemplateValidationException with Argo's message on duplicate names or conflicting argument values
   */
  public static AnalysisTemplateSpec flatten(List<? extends TemplateResource> templates) {
    Objects.requireNonNull(templates, "templates");
    return TemplateFlattener.flatten(templates);
  }

  /**
   * Argo's {@code MergeArgs}: the caller's arguments override the templates' arguments of the same name (a
   * {@code value} when set, otherwise a {@code valueFrom}); arguments the templates do not declare are dropped. A
   * template's {@code valueFrom} is kept when a value overrides it, so a template secret still wins at resolution time,
   * as in Argo.
   *
   * @param incoming the caller's arguments
   * @param declared the templates' (flattened) arguments
   * @return the merged arguments, in declaration order
   * @throws TemplateValidationException {@code args.<name> was not resolved} for the first argument left with neither
   *     a value nor a valueFrom
   */
  public static List<Argument> mergeArgs(List<Argument> incoming, List<Argument> declared) {
    Objects.requireNonNull(incoming, "incoming");
    Objects.requireNonNull(declared, "declared");
    List<Argument> merged = new ArrayList<>(declared);
    for (Argument arg : incoming) {
      for (int i = 0; i < merged.size(); i++) {
        Argument existing = merged.get(i);
        if (existing.name().equals(arg.name())) {
          if (arg.value() != null) {
            merged.set(i, new Argument(existing.name(), arg.value(), existing.valueFrom()));
          } else if (arg.valueFrom() != null) {
            merged.set(i, new Argument(existing.name(), existing.value(), arg.valueFrom()));
          }
          break;
        }
      }
    }
    for (int i = 0; i < merged.size(); i++) {
      Argument arg = merged.get(i);
      if (arg.value() == null && arg.valueFrom() == null) {
        throw new TemplateValidationException("args." + arg.name() + " was not resolved", "args[" + i + "]");
      }
    }
    return List.copyOf(merged);
  }
}
