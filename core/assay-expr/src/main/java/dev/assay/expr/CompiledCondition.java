/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.internal.Node;
import dev.assay.expr.internal.Program;
import dev.assay.expr.internal.Type;
import dev.assay.expr.internal.Values;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition compiled for one type of {@code result}. Immutable and thread-safe: evaluate it from any thread, as
 * often as needed. Scalar comparisons run without allocation.
 */
public final class CompiledCondition {
  private final String source;
  private final ResultType resultType;
  private final Program program;
  private final Type type;
  private final @Nullable Node directRoot;
  private @Nullable Class<?> acceptedClass;

  CompiledCondition(String source, ResultType resultType, Program program) {
    this.source = source;
    this.resultType = resultType;
    this.program = program;
    this.type = resultType.type();
    this.directRoot = program.directRoot();
  }

  /**
   * The condition text.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The type of {@code result} this condition was compiled for.
   *
   * @return the type
   */
  public ResultType resultType() {
    return resultType;
  }

  /**
   * Evaluates the condition without a time; {@code now()} then fails with an evaluation error.
   *
   * @param result the value of {@code result}; must have this condition's {@link #resultType()}
   * @return the condition's value
   * @throws ExpressionEvaluationException on a run-time error or a non-bool result (Argo's message)
   * @throws IllegalArgumentException when {@code result} is of another type than the one compiled for
   */
  public boolean evaluate(@Nullable Object result) {
    return evaluate(result, null);
  }

  /**
   * Evaluates the condition.
   *
   * @param result the value of {@code result}; must have this condition's {@link #resultType()}
   * @param now the time {@code now()} returns; null when not available
   * @return the condition's value
   * @throws ExpressionEvaluationException on a run-time error or a non-bool result (Argo's message)
   * @throws IllegalArgumentException when {@code result} is of another type than the one compiled for
   */
  public boolean evaluate(@Nullable Object result, @Nullable Instant now) {
    Node direct = directRoot;
    if (direct != null && result != null && result.getClass() == acceptedClass) {
      try {
        return direct.evalBool(result, null);
      } catch (ExpressionException ex) {
        throw ex;
      } catch (RuntimeException | StackOverflowError ex) {
        throw Program.unexpected(ex);
      }
    }
    if (Program.accepts(result, type)) {
      if (result != null) {
        // A benign race: any thread may publish the class; a Class reference is always safe to read.
        acceptedClass = result.getClass();
      }
      return program.evalBool(result, now);
    }
    Object value = Values.normalize(result);
    if (!ResultType.of(value).equals(resultType)) {
      throw new IllegalArgumentException("result of type " + ResultType.of(value) + " given to a condition "
          + "compiled for " + resultType);
    }
    return program.evalBool(value, now);
  }

  @Override
  public String toString() {
    return "CompiledCondition[" + source + " for " + resultType + "]";
  }

  static CompiledCondition of(String source, ResultType type, Program program) {
    return new CompiledCondition(Objects.requireNonNull(source, "source"), type, program);
  }
}
