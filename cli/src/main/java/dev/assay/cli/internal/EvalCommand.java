/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.expr.CompiledCondition;
import dev.assay.expr.ConditionCompiler;
import dev.assay.expr.ConditionOutcome;
import dev.assay.expr.Conditions;
import dev.assay.expr.ExpressionException;
import dev.assay.expr.ExpressionIssue;
import dev.assay.expr.ResultType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay eval}: evaluates a success (and failure) condition on a result, as Argo would record it: each
 * condition's value, the measurement phase, and any error with a caret under its position.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = {"Evaluate a condition on a result as Argo would: the phase, each "
    + "condition's value, errors with a caret under the position.",
    "Exit codes: 0 Successful, 1 Failed, 2 Inconclusive, 3 Error, 4 bad input (such as bad JSON)."})
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "CONDITION", description = "The successCondition (may be '').")
  String success;

  @Option(names = {"-r", "--result"}, paramLabel = "JSON", required = true,
      description = "The provider's result as JSON, for example '[0.97]' (Prometheus) or '{\"ok\": true}' (web). "
          + "Numbers become float64, as Argo's providers give them.")
  String result;

  @Option(names = {"-f", "--failure"}, paramLabel = "CONDITION", defaultValue = "",
      description = "The failureCondition.")
  String failure;

  @Option(names = "--now", paramLabel = "TIME",
      description = "What now() returns: an RFC 3339 time (default: the current time).")
  String now;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Object value = parseResult(result);
    Instant at = now == null ? Instant.now() : Times.parse("--now", now, Instant.now());
    ResultType type = ResultType.of(value);
    out.println("result     " + result.strip() + "  (" + type.goName() + ")");
    show(out, "success", success, value, type, at);
    show(out, "failure", failure, value, type, at);
    ConditionOutcome outcome = Conditions.evaluate(success, failure, value, at);
    out.println("phase      " + outcome.phase().wireName()
        + (outcome.message().isEmpty() ? "" : ": " + Failures.oneLine(outcome.message())));
    out.flush();
    return ExitCodes.of(outcome.phase());
  }

  private static void show(PrintWriter out, String label, String condition, @Nullable Object value, ResultType type,
      Instant at) {
    if (condition.isEmpty()) {
      return;
    }
    String head = Text.column(label, 10) + " ";
    List<ExpressionIssue> issues = ConditionCompiler.standard().check(condition, type);
    if (!issues.isEmpty()) {
      out.println(head + condition);
      for (ExpressionIssue issue : issues) {
        caret(out, condition, issue);
      }
      return;
    }
    try {
      CompiledCondition compiled = ConditionCompiler.standard().compile(condition, type);
      out.println(head + condition + "  => " + compiled.evaluate(value, at));
    } catch (ExpressionException e) {
      out.println(head + condition);
      if (e.issue().isPresent()) {
        caret(out, condition, e.issue().get());
      } else {
        out.println(" ".repeat(11) + "error: " + e.reason());
      }
    }
  }

  /** The issue's message, then the source line with a caret under the column, aligned under the condition. */
  private static void caret(PrintWriter out, String condition, ExpressionIssue issue) {
    String pad = " ".repeat(11);
    out.println(pad + "error at " + issue.line() + ":" + issue.column() + ": " + issue.message());
    String[] lines = condition.split("\n", -1);
    String line = issue.line() <= lines.length ? lines[issue.line() - 1] : "";
    if (lines.length > 1) {
      out.println(pad + line);
    }
    out.println(pad + " ".repeat(Math.max(0, issue.column() - 1)) + "^");
  }

  /** JSON with every number as a double (Go's json.Unmarshal into interface{} gives float64). */
  static @Nullable Object parseResult(String json) {
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try {
      return doubles(mapper.readValue(json, Object.class));
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage()
          .replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "");
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new CliException("--result is not valid JSON" + where + ": " + Failures.oneLine(why)
          + " (quote it in the shell, for example --result '[0.97]')", e);
    }
  }

  private static @Nullable Object doubles(@Nullable Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(doubles(o));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), doubles(e.getValue()));
      }
      return out;
    }
    return v;
  }
}
