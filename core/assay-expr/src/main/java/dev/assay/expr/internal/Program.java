/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionCheckException;
import dev.assay.expr.ExpressionEvaluationException;
import dev.assay.expr.ExpressionException;
import dev.assay.expr.ExpressionIssue;
import dev.assay.expr.ExpressionLimits;
import dev.assay.expr.ExpressionSyntaxException;
import dev.assay.expr.FloatVector;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A compiled expression: the pipeline lexer, parser, checker, planner, and the evaluation entry points. */
public final class Program {
  private final Node root;
  private final Type rootType;
  private final boolean needsFrame;
  private final boolean boolRoot;
  private final int levels;
  private final int locals;
  private final long maxNanos;
  private final long maxSteps;

  private Program(Node root, Type rootType, boolean needsFrame, int levels, int locals, long maxSteps,
      long maxNanos) {
    this.maxNanos = maxNanos;
    this.locals = locals;
    this.root = root;
    this.rootType = rootType;
    this.needsFrame = needsFrame;
    this.boolRoot = rootType.kind() == Type.Kind.BOOL;
    this.levels = levels;
    this.maxSteps = maxSteps;
  }

  /**
   * Compiles an expression.
   *
   * @param src the text
   * @param variables names in scope and their static types (only {@code result} is supported)
   * @param argoFunctions whether Argo's functions ({@code asInt}, {@code default}, ...) are in scope
   * @param limits sandbox limits
   * @return the program
   * @throws ExpressionSyntaxException when the text does not parse
   * @throws ExpressionCheckException when it does not type-check
   */
  public static Program compile(String src, Map<String, Type> variables, boolean argoFunctions,
      ExpressionLimits limits) {
    if (src.length() > limits.maxSourceLength()) {
      throw new ExpressionSyntaxException(ExpressionIssue.at("expression of " + src.length()
          + " characters exceeds the limit of " + limits.maxSourceLength(), src, 0), src);
    }
    Expr ast = Parser.parse(src, limits.maxDepth());
    Set<String> functions = new HashSet<>(Signatures.builtins());
    if (argoFunctions) {
      functions.addAll(Checker.ARGO_FUNCTIONS);
    } else {
      functions.add("isNaN");
      functions.add("isInf");
    }
    Checker checker = new Checker(src, variables, functions);
    Type type = checker.check(ast);
    if (!checker.issues.isEmpty()) {
      throw new ExpressionCheckException(List.copyOf(checker.issues), src);
    }
    Planner planner = new Planner(checker.types, limits);
    Node root = planner.plan(ast);
    return new Program(root, type, planner.needsFrame, planner.maxLevels, planner.localSlots, limits.maxSteps(),
        limits.maxEvaluationTime().toNanos());
  }

  /**
   * A cheap check that a caller's value already has the runtime form of the type {@code result} was compiled for;
   * when false the caller normalizes and checks the full type.
   *
   * @param result the value about to be evaluated
   * @param type the type of {@code result} the program was compiled for
   * @return true when the value can be evaluated as is
   */
  public static boolean accepts(@Nullable Object result, Type type) {
    switch (type.kind()) {
      case FLOAT: return result instanceof Double;
      case ARRAY: return type.equals(Type.FLOAT_ARRAY) ? result instanceof FloatVector
          : result instanceof List && !(result instanceof FloatVector);
      case MAP: return result instanceof Map;
      case STRING: return result instanceof String;
      case BOOL: return result instanceof Boolean;
      case INT: return result instanceof Long;
      case NIL: return result == null;
      default: return false;
    }
  }

  /** The static type of the whole expression, in Go's naming. */
  public String typeName() {
    return rootType.toString();
  }

  private @Nullable Frame frame(@Nullable Instant now) {
    return needsFrame ? new Frame(now, levels, locals, maxSteps, maxNanos) : null;
  }

  /**
   * Evaluates to a bool, as Argo's condition evaluation requires.
   *
   * @param result the normalized value of {@code result}
   * @param now the time for {@code now()}, or null
   * @return the condition's value
   * @throws ExpressionEvaluationException on any run-time failure, including a non-bool result
   */
  public boolean evalBool(@Nullable Object result, @Nullable Instant now) {
    try {
      return boolRoot ? root.evalBool(result, needsFrame ? new Frame(now, levels, locals, maxSteps, maxNanos) : null)
          : nonBool(result, now);
    } catch (ExpressionException ex) {
      throw ex;
    } catch (RuntimeException | StackOverflowError ex) {
      throw unexpected(ex);
    }
  }

  private boolean nonBool(@Nullable Object result, @Nullable Instant now) {
    Object v = root.eval(result, frame(now));
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new ExpressionEvaluationException("expected bool, but got "
        + (rootType.isUnknown() ? Values.typeName(v) : rootType.toString()));
  }

  /**
   * The root node when evaluation needs neither a frame nor a non-bool check, so a caller can call it directly.
   *
   * @return the root, or null when {@link #evalBool} must be used
   */
  public @Nullable Node directRoot() {
    return boolRoot && !needsFrame ? root : null;
  }

  /**
   * Maps a JDK exception from a value the checker could not type (a foreign list, a cyclic structure) to ours.
   *
   * @param ex the exception or error
   * @return the evaluation exception to throw
   */
  public static ExpressionEvaluationException unexpected(Throwable ex) {
    if (ex instanceof StackOverflowError) {
      return new ExpressionEvaluationException("evaluation is nested too deeply");
    }
    return new ExpressionEvaluationException("evaluation failed: " + ex.getClass().getSimpleName());
  }

  /**
   * Evaluates to any value.
   *
   * @param result the normalized value of {@code result}
   * @param now the time for {@code now()}, or null
   * @return the value: Long, Double, String, Boolean, null, List, Map, Instant or Duration
   */
  public @Nullable Object eval(@Nullable Object result, @Nullable Instant now) {
    try {
      return root.eval(result, frame(now));
    } catch (ExpressionException ex) {
      throw ex;
    } catch (RuntimeException | StackOverflowError ex) {
      throw unexpected(ex);
    }
  }
}
