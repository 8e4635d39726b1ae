/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.testing;

import dev.assay.model.AnalysisPhase;
import dev.assay.spi.ProviderResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One programmed answer of a {@link ScriptedProvider}. Immutable; {@link #after(Duration)} returns a copy with a
 * latency.
 */
public final class ScriptStep {
  private enum Kind { VALUE, ERROR, THROW, DECIDED, PENDING, HANG }

  private final Kind kind;
  private final @Nullable Object value;
  private final String text;
  private final AnalysisPhase phase;
  private final Duration duration;
  private final Duration latency;

  private ScriptStep(Kind kind, @Nullable Object value, String text, AnalysisPhase phase, Duration duration,
      Duration latency) {
    this.kind = kind;
    this.value = value;
    this.text = text;
    this.phase = phase;
    this.duration = duration;
    this.latency = latency;
  }

  /**
   * Answers with a value for the metric's conditions.
   *
   * @param value Double, Long, String, Boolean, List, Map, or null
   * @return the step
   */
  public static ScriptStep value(@Nullable Object value) {
    return new ScriptStep(Kind.VALUE, value, "", AnalysisPhase.NONE, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Answers with a provider error ({@link ProviderResult.Errored}).
   *
   * @param message the error message
   * @return the step
   */
  public static ScriptStep error(String message) {
    return new ScriptStep(Kind.ERROR, null, Objects.requireNonNull(message, "message"), AnalysisPhase.NONE,
        Duration.ZERO, Duration.ZERO);
  }

  /**
   * Throws an {@link IllegalStateException} with this message, like a buggy provider.
   *
   * @param message the exception message
   * @return the step
   */
  public static ScriptStep thrown(String message) {
    return new ScriptStep(Kind.THROW, null, Objects.requireNonNull(message, "message"), AnalysisPhase.NONE,
        Duration.ZERO, Duration.ZERO);
  }

  /**
   * Answers with a phase the provider decided itself (like the Job provider).
   *
   * @param phase a completed phase
   * @param message the measurement message
   * @return the step
   */
  public static ScriptStep decided(AnalysisPhase phase, String message) {
    return new ScriptStep(Kind.DECIDED, null, message, phase, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Leaves the measurement in flight and asks to be polled again after {@code resumeAfter} (virtual time); the next
   * step answers the poll.
   *
   * @param resumeAfter when to poll again, relative to the call's {@code now}
   * @return the step
   */
  public static ScriptStep pending(Duration resumeAfter) {
    return new ScriptStep(Kind.PENDING, null, "", AnalysisPhase.NONE, resumeAfter, Duration.ZERO);
  }

  /**
   * Never answers: blocks until the calling thread is interrupted (the engine's call deadline does that).
   *
   * @return the step
   */
  public static ScriptStep hang() {
    return new ScriptStep(Kind.HANG, null, "", AnalysisPhase.NONE, Duration.ZERO, Duration.ZERO);
  }

  /**
   * A copy that blocks the calling thread for a real-time latency before answering.
   *
   * @param latency how long to block
   * @return the copy
   */
  public ScriptStep after(Duration latency) {
    return new ScriptStep(kind, value, text, phase, duration, Objects.requireNonNull(latency, "latency"));
  }

  ProviderResult play(Instant now) throws InterruptedException {
    if (kind == Kind.HANG) {
      block(Long.MAX_VALUE);
    } else if (!latency.isZero()) {
      block(latency.toNanos());
    }
    switch (kind) {
      case VALUE:
        return ProviderResult.observed(value, display(value));
      case ERROR:
        return ProviderResult.error(text);
      case THROW:
        throw new IllegalStateException(text);
      case DECIDED:
        return ProviderResult.decided(phase, text);
      case PENDING:
        return ProviderResult.pending(now.plus(duration));
      default:
        throw new IllegalStateException("step did not answer: " + kind);
    }
  }

  /**
   * Formats a value the way Argo's Prometheus and Web providers write {@code Measurement.value}: numbers without
   * trailing zeros, {@code NaN}, {@code +Inf}, lists as {@code [a,b]}.
   *
   * @param value the value
   * @return the text; empty for null
   */
  public static String display(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "+Inf" : "-Inf";
      }
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List) {
      StringJoiner j = new StringJoiner(",", "[", "]");
      for (Object o : (List<?>) value) {
        j.add(display(o));
      }
      return j.toString();
    }
    if (value instanceof Map) {
      return String.valueOf(new java.util.TreeMap<>((Map<?, ?>) value));
    }
    return String.valueOf(value);
  }

  private static void block(long nanos) throws InterruptedException {
    // The provider stands in for a slow remote call; parking (not sleeping) keeps it interruptible.
    long deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("scripted call interrupted");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public String toString() {
    return "ScriptStep[" + kind + (latency.isZero() ? "" : " after " + latency) + "]";
  }
}
