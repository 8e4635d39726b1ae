/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import dev.assay.expr.ConditionCompiler;
import dev.assay.expr.ConditionOutcome;
import dev.assay.expr.Conditions;
import dev.assay.expr.ExpressionCheckException;
import dev.assay.expr.ExpressionException;
import dev.assay.expr.ExpressionSyntaxException;
import dev.assay.expr.ResultType;
import dev.assay.lint.Severity;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a metric's conditions against the shape of its provider's result ({@link ResultShape}), before any run:
 * type errors ({@code condition-type}, {@code condition-syntax}), conditions a job never evaluates
 * ({@code condition-ignored}), and the pitfalls of {@code docs/lint-rules.md}: an index into a vector that can be
 * empty ({@code unguarded-index}), a ratio that is NaN on zero traffic ({@code nan-ratio}), success and failure
 * conditions that overlap ({@code conditions-overlap}) or leave a gap ({@code conditions-gap}).
 *
 * <p>Type errors are found twice over: by the compiler's static check, and by evaluating the condition on
 * representative values of the provider's type, which catches what only shows at run time (such as
 * {@code default(result[0], 1) > 0.95}, whose {@code default} returns {@code []interface {}} on a vector). Stateless.
 */
final class ConditionRules {
  /** A fixed time for {@code now()}, so that time conditions evaluate. */
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private ConditionRules() {}

  /**
   * Checks the conditions of one resolved metric.
   *
   * @param metric the metric, arguments resolved
   * @param at the metric's path, such as {@code spec.metrics[0]}
   * @param inconclusiveLimit the metric's inconclusive limit, for the gap explanation
   * @param sink where findings go
   */
  static void check(Metric metric, String at, int inconclusiveLimit, FindingSink sink) {
    ResultShape shape = ResultShape.of(metric);
    String success = metric.successCondition();
    String failure = metric.failureCondition();
    if (shape.kind() == ResultShape.Kind.NONE) {
      if (!success.isEmpty() || !failure.isEmpty()) {
        String field = success.isEmpty() ? "failureCondition" : "successCondition";
        sink.add("condition-ignored", Severity.WARNING, at + "." + field,
            "a job metric has no result: its " + field + " is never evaluated (the Job's exit decides)",
            "remove the condition; make the Job exit non-zero to fail the metric");
      }
      return;
    }
    if (shape.kind() == ResultShape.Kind.UNKNOWN) {
      return;
    }
    boolean typeProblem = typeCheck(success, "successCondition", shape, at, sink);
    typeProblem |= typeCheck(failure, "failureCondition", shape, at, sink);
    if (typeProblem || shape.kind() == ResultShape.Kind.JSON) {
      return;
    }
    unguardedIndex(success, failure, shape, at, sink);
    nanRatio(success, failure, shape, at, sink);
    if (!success.isEmpty() && !failure.isEmpty()) {
      overlapAndGap(success, failure, shape, at, inconclusiveLimit, sink);
    }
  }

  /** Reports a syntax or type error of one condition; true when there was one. */
  private static boolean typeCheck(String condition, String field, ResultShape shape, String at, FindingSink sink) {
    if (condition.isEmpty()) {
      return false;
    }
    String firstProblem = null;
    int fitting = 0;
    for (Object sample : shape.samples()) {
      String problem;
      try {
        ConditionCompiler.standard().compile(condition, ResultType.of(sample));
        // A JSON map's fields are only known at run time (a missing key is nil): for JSON the static check decides.
        problem = shape.kind() == ResultShape.Kind.JSON ? null : evaluationProblem(condition, field, sample);
      } catch (ExpressionSyntaxException e) {
        sink.add("condition-syntax", Severity.ERROR, at + "." + field, field + " does not parse: " + e.reason(),
            "fix the expression; the language is expr-lang's, as Argo Rollouts uses it");
        return true;
      } catch (ExpressionCheckException e) {
        problem = e.issues().get(0).message();
      } catch (ExpressionException e) {
        problem = e.reason();
      }
      if (problem == null) {
        fitting++;
      } else if (firstProblem == null) {
        firstProblem = problem;
      }
    }
    // A web metric's value may be any JSON type: only a condition that fits none of them is wrong.
    boolean wrong = shape.kind() == ResultShape.Kind.JSON ? fitting == 0 : firstProblem != null;
    if (wrong) {
      sink.add("condition-type", Severity.ERROR, at + "." + field, field + " \"" + condition
          + "\" fails on every measurement: result is " + shape.typeName() + ": " + firstProblem, hintFor(shape));
    }
    return wrong;
  }

  private static @Nullable String evaluationProblem(String condition, String field, Object sample) {
    ConditionOutcome o = "successCondition".equals(field)
        ? Conditions.evaluate(condition, "", sample, NOW) : Conditions.evaluate("", condition, sample, NOW);
    if (o.phase() != AnalysisPhase.ERROR) {
      return null;
    }
    int colon = o.message().indexOf("\": ");
    return colon < 0 ? o.message() : o.message().substring(colon + 3);
  }

  private static String hintFor(ResultShape shape) {
    switch (shape.kind()) {
      case VECTOR:
        return "compare one series: len(result) > 0 && result[0] < 0.05, or all of them: all(result, {# < 0.05})";
      case SCALAR:
        return "result is a number here: compare it directly, e.g. result < 0.05";
      default:
        return "select the value with the metric's jsonPath and compare it, e.g. result.ok == true";
    }
  }

  private static void unguardedIndex(String success, String failure, ResultShape shape, String at,
      FindingSink sink) {
    if (!shape.canBeEmpty()) {
      return;
    }
    for (String field : List.of("successCondition", "failureCondition")) {
      String condition = "successCondition".equals(field) ? success : failure;
      if (!condition.isEmpty() && evaluationProblem(condition, field, List.of()) != null) {
        sink.add("unguarded-index", Severity.WARNING, at + "." + field, field + " \"" + condition
            + "\" is an Error when the query returns no series (no traffic yet, a label that does not match): "
            + "every such measurement counts toward consecutiveErrorLimit instead of giving a verdict",
            "guard the index: len(result) > 0 && " + condition + " (no data then fails or is Inconclusive), or add "
            + "a fallback to the query: ... or vector(0)");
        return;
      }
    }
  }

  private static void nanRatio(String success, String failure, ResultShape shape, String at, FindingSink sink) {
    if (!shape.ratio() || (success + failure).contains("isNaN")) {
      return;
    }
    Object nan = shape.withNumber(Double.NaN).orElseThrow();
    AnalysisPhase phase = Conditions.evaluate(success, failure, nan, NOW).phase();
    if (phase == AnalysisPhase.SUCCESSFUL || phase == AnalysisPhase.FAILED) {
      String field = success.isEmpty() ? "failureCondition" : "successCondition";
      sink.add("nan-ratio", Severity.WARNING, at + "." + field, "the query divides, so with no traffic it returns "
          + "0/0 = NaN, and the conditions then give " + phase.wireName()
          + (phase == AnalysisPhase.SUCCESSFUL ? ": a canary that serves nothing passes" : ": an idle canary is "
          + "rolled back"),
          "handle NaN explicitly, e.g. successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05, "
          + "or make both conditions false for NaN so that no traffic is Inconclusive");
    }
  }

  private static void overlapAndGap(String success, String failure, ResultShape shape, String at,
      int inconclusiveLimit, FindingSink sink) {
    List<Double> overlap = new ArrayList<>();
    List<Double> gap = new ArrayList<>();
    for (double x : probes(success + " " + failure)) {
      Object value = shape.withNumber(x).orElseThrow();
      ConditionOutcome s = Conditions.evaluate(success, "", value, NOW);
      ConditionOutcome f = Conditions.evaluate("", failure, value, NOW);
      if (s.phase() == AnalysisPhase.ERROR || f.phase() == AnalysisPhase.ERROR) {
        continue;
      }
      boolean sTrue = s.phase() == AnalysisPhase.SUCCESSFUL;
      boolean fTrue = f.phase() == AnalysisPhase.FAILED;
      if (sTrue && fTrue) {
        overlap.add(x);
      } else if (!sTrue && !fTrue) {
        gap.add(x);
      }
    }
    if (!overlap.isEmpty()) {
      sink.add("conditions-overlap", Severity.WARNING, at + ".failureCondition", "for " + example(shape, overlap)
          + " both successCondition and failureCondition hold; failure wins, so the measurement is Failed",
          "make the conditions exclusive, e.g. successCondition: result[0] < 0.05 and failureCondition: "
          + "result[0] >= 0.05");
    }
    if (!gap.isEmpty()) {
      sink.add("conditions-gap", Severity.INFO, at + ".successCondition", "for " + example(shape, gap)
          + " neither condition holds: the measurement is Inconclusive, and after " + (inconclusiveLimit + 1)
          + " such measurement(s) (inconclusiveLimit " + inconclusiveLimit + ") the metric is Inconclusive and a "
          + "Rollout pauses for a person",
          "deliberate gaps are fine; to decide automatically make failureCondition the negation of "
          + "successCondition");
    }
  }

  /** Numbers around every literal in the conditions, and between them, where conditions change their value. */
  private static List<Double> probes(String text) {
    TreeSet<Double> literals = new TreeSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      literals.add(Double.parseDouble(m.group()));
    }
    literals.add(0.0);
    literals.add(1.0);
    List<Double> nice = new ArrayList<>();
    List<Double> edges = new ArrayList<>();
    Double previous = null;
    for (double v : literals) {
      if (previous != null) {
        nice.add((previous + v) / 2);
      }
      double d = Math.max(Math.abs(v) * 1e-9, 1e-12);
      edges.add(v);
      if (v - d >= 0) {
        edges.add(v - d);
      }
      edges.add(v + d);
      previous = v;
    }
    nice.add(literals.last() * 2 + 1);
    // Midpoints first, so that an example in a message reads well.
    nice.addAll(edges);
    return nice;
  }

  private static String example(ResultShape shape, List<Double> xs) {
    String x = Optional.of(xs.get(0)).map(ConditionRules::format).orElseThrow();
    return "result = " + (shape.kind() == ResultShape.Kind.VECTOR ? "[" + x + "]" : x);
  }

  private static String format(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x)
        : new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
