/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.Argument;
import dev.assay.model.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves {@code {{args.<name>}}} (also written {@code {{ args.<name> }}}) in metrics with Argo Rollouts' rules
 * (docs/argo-semantics.md §2.13):
 *
 * <ol>
 *   <li>every argument with {@code valueFrom.secretKeyRef} takes its value from the {@link SecretResolver}, even
 *       when it also has a {@code value} (in Argo the secret wins);
 *   <li>every argument must then have a value, used or not: {@code argument "<name>" was not supplied};
 *   <li>every {@code {{...}}} in any string of a metric (provider blocks included) must be a supplied argument:
 *       {@code failed to resolve {{<tag>}}}, the last such tag in Argo's field order; an unclosed
 *       <code>&#123;&#123;</code> gives <code>Cannot find end tag="&#125;&#125;" in the template=... starting from
 *       ...</code>.
 * </ol>
 *
 * <p>Substitution is textual and done once: a value that itself contains <code>&#123;&#123;</code> is not expanded
 * again.
 * Stateless and thread-safe.
 */
public final class ArgumentResolver {
  /** The value {@link #resolveWithoutSecrets} gives secret arguments. */
  public static final String SECRET_PLACEHOLDER = "temp-for-secret";

  private ArgumentResolver() {}

  /**
   * Resolves the arguments of metrics, fetching secret arguments through a resolver.
   *
   * @param metrics the metrics, as stored in the run spec
   * @param args the run's merged arguments
   * @param namespace the run's namespace, passed to the secret resolver (empty outside a cluster)
   * @param secrets where secret values come from
   * @return the resolved metrics and the secret values used
   * @throws ArgumentResolutionException with Argo's message (never containing a secret value)
   */
  public static ResolvedMetrics resolve(
      List<Metric> metrics, List<Argument> args, String namespace, SecretResolver secrets) {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(secrets, "secrets");
    List<String> secretValues = new ArrayList<>();
    List<Argument> withSecrets = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Argument arg = args.get(i);
      if (arg.isSecret()) {
        String value = lookUp(secrets, namespace, arg, "args[" + i + "].valueFrom.secretKeyRef", secretValues);
        secretValues.add(value);
        arg = new Argument(arg.name(), value, arg.valueFrom());
      }
      withSecrets.add(arg);
    }
    try {
      return new ResolvedMetrics(substitute(metrics, withSecrets), secretValues);
    } catch (ArgumentResolutionException e) {
      throw redacted(e, secretValues);
    }
  }

  /**
   * Resolves the arguments of metrics with {@value #SECRET_PLACEHOLDER} in place of every secret value, as Argo does
   * before validating a run's metrics, so that validation needs no secrets.
   *
   * @param metrics the metrics, as stored in the run spec
   * @param args the run's merged arguments
   * @return the resolved metrics (with no secret values)
   * @throws ArgumentResolutionException with Argo's message
   */
  public static List<Metric> resolveWithoutSecrets(List<Metric> metrics, List<Argument> args) {
    return resolve(metrics, args, "", (namespace, ref) -> SECRET_PLACEHOLDER).metrics();
  }

  /**
   * Argo's {@code ResolveArgs} on one text: replaces every {@code {{args.<name>}}} with the argument's value.
   *
   * @param template the text
   * @param args the arguments; each must have a value (secrets are not looked up here)
   * @return the text with arguments substituted
   * @throws ArgumentResolutionException with Argo's message
   */
  public static String resolveText(String template, List<Argument> args) {
    return resolveText(template, args, false);
  }

  /** {@link #resolveText(String, List)}, optionally escaping values like Go's {@code strconv.Quote}. */
  static String resolveText(String template, List<Argument> args, boolean quote) {
    TextTemplate t = new TextTemplate(values(args), quote);
    String out = t.apply(template, "");
    t.check();
    return out;
  }

  private static List<Metric> substitute(List<Metric> metrics, List<Argument> args) {
    Map<String, String> values = values(args);
    List<Metric> out = new ArrayList<>(metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      TextTemplate template = new TextTemplate(values, false);
      out.add(new MetricTemplater(template).apply(Objects.requireNonNull(metrics.get(i), "metric"),
          "metrics[" + i + "]"));
      // Argo resolves each metric on its own, so the first metric with a problem is the one reported.
      template.check();
    }
    return out;
  }

  private static Map<String, String> values(List<Argument> args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      Argument arg = args.get(i);
      if (arg.value() == null) {
        throw new ArgumentResolutionException("argument \"" + arg.name() + "\" was not supplied", "args[" + i + "]");
      }
      values.put("args." + arg.name(), arg.value());
    }
    return values;
  }

  private static String lookUp(
      SecretResolver secrets, String namespace, Argument arg, String path, List<String> known) {
    String value;
    try {
      value = secrets.resolve(namespace, arg.valueFrom().secretKeyRef());
    } catch (ArgumentResolutionException e) {
      throw redacted(e, known).withFieldPath(path);
    } catch (RuntimeException e) {
      throw new ArgumentResolutionException(ResolvedMetrics.redact(String.valueOf(e.getMessage()), known), path);
    }
    if (value == null) {
      throw ArgumentResolutionException.secretKeyNotFound(arg.valueFrom().secretKeyRef()).withFieldPath(path);
    }
    return value;
  }

  private static ArgumentResolutionException redacted(ArgumentResolutionException e, List<String> secrets) {
    String message = ResolvedMetrics.redact(e.getMessage(), secrets);
    if (message.equals(e.getMessage())) {
      return e;
    }
    ArgumentResolutionException copy = new ArgumentResolutionException(message, e.fieldPath());
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
