/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.internal.Program;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles Argo conditions. The environment is Argo's: {@code result} plus {@code asInt asFloat isNaN isInf isNil
 * default} and the expr-lang built-ins. Compiled conditions (and compile errors) are cached per (text, type of
 * {@code result}) in a bounded cache. Immutable configuration, thread-safe.
 */
public final class ConditionCompiler {
  private static final ConditionCompiler STANDARD = new ConditionCompiler(ExpressionLimits.DEFAULTS, 1024);

  private final ExpressionLimits limits;
  private final int cacheSize;
  private final Map<Key, Object> cache = new ConcurrentHashMap<>();

  private ConditionCompiler(ExpressionLimits limits, int cacheSize) {
    this.limits = limits;
    this.cacheSize = cacheSize;
  }

  /**
   * The shared compiler with Argo's environment, the default limits and a 1,024-entry cache.
   *
   * @return the compiler
   */
  public static ConditionCompiler standard() {
    return STANDARD;
  }

  /**
   * A compiler with other limits and cache size (a new, empty cache).
   *
   * @param limits the sandbox limits
   * @param cacheSize how many compiled conditions to keep, at least 1
   * @return a new compiler
   */
  public static ConditionCompiler withLimits(ExpressionLimits limits, int cacheSize) {
    if (cacheSize < 1) {
      throw new IllegalArgumentException("cacheSize must be >= 1, but was " + cacheSize);
    }
    return new ConditionCompiler(Objects.requireNonNull(limits, "limits"), cacheSize);
  }

  /**
   * The sandbox limits of this compiler.
   *
   * @return the limits
   */
  public ExpressionLimits limits() {
    return limits;
  }

  /**
   * Compiles a condition for a type of {@code result}, or returns the cached compilation.
   *
   * @param source the condition text
   * @param type the type of {@code result}, usually {@code ResultType.of(value)}
   * @return the compiled condition
   * @throws ExpressionSyntaxException when the text does not parse (position and snippet in the message)
   * @throws ExpressionCheckException when it does not type-check (all issues listed)
   */
  public CompiledCondition compile(String source, ResultType type) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Key key = new Key(source, type);
    Object cached = cache.get(key);
    if (cached == null) {
      cached = compileUncached(source, type);
      if (cache.size() >= cacheSize) {
        cache.keySet().stream().findAny().ifPresent(cache::remove);
      }
      cache.put(key, cached);
    }
    if (cached instanceof ExpressionException) {
      throw rethrow((ExpressionException) cached, source);
    }
    return (CompiledCondition) cached;
  }

  /**
   * Checks a condition without throwing: the diagnostics as values, for validating templates up front.
   *
   * @param source the condition text
   * @param type the type of {@code result} to check against
   * @return every issue found, first one first; empty when the condition compiles
   */
  public List<ExpressionIssue> check(String source, ResultType type) {
    try {
      compile(source, type);
      return List.of();
    } catch (ExpressionCheckException ex) {
      return ex.issues();
    } catch (ExpressionException ex) {
      return List.of(ex.issue().orElseGet(() -> ExpressionIssue.at(ex.reason(), source, 0)));
    }
  }

  private Object compileUncached(String source, ResultType type) {
    try {
      Program p = Program.compile(source, Map.of("result", type.type()), true, limits);
      return CompiledCondition.of(source, type, p);
    } catch (ExpressionException ex) {
      return ex;
    }
  }

  private static ExpressionException rethrow(ExpressionException ex, String source) {
    if (ex instanceof ExpressionCheckException) {
      return new ExpressionCheckException(((ExpressionCheckException) ex).issues(), source);
    }
    if (ex instanceof ExpressionSyntaxException) {
      return new ExpressionSyntaxException(ex.issue().orElseThrow(), source);
    }
    return new ExpressionEvaluationException(ex.reason());
  }

  private record Key(String source, ResultType type) {}
}
