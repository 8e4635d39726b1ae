/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.GoDuration;
import dev.assay.time.Cancellable;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness settings of a {@link PlanRunner}, how it asks its {@link ReadinessCheck}, and the texts of its
 * status messages while it waits (docs/readiness.md). Not thread-safe: used under the runner's lock.
 */
final class ReadinessGate {
  private static final Logger logger = LoggerFactory.getLogger(PlanRunner.class);

  /** Argo's default {@code progressDeadlineSeconds}. */
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(600);
  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
  /** A failed check's text is cut to this many characters. */
  private static final int ERROR_CHARS = 500;

  private final ReadinessCheck check;
  private final Duration deadline;
  private final boolean abortOnDeadline;
  private final Duration pollInterval;
  private final String planName;
  private @Nullable String lastError;

  ReadinessGate(ReadinessCheck check, Duration deadline, boolean abortOnDeadline, Duration pollInterval,
      String planName) {
    this.check = check;
    this.deadline = deadline;
    this.abortOnDeadline = abortOnDeadline;
    this.pollInterval = pollInterval;
    this.planName = planName;
  }

  static Duration validDeadline(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the progress deadline must be positive, but was " + deadline);
    }
    return deadline;
  }

  static Duration validPollInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(MIN_POLL_INTERVAL) < 0) {
      throw new IllegalArgumentException("the readiness poll interval must be at least 1s, but was " + interval);
    }
    return interval;
  }

  Duration deadline() {
    return deadline;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  boolean abortOnDeadline() {
    return abortOnDeadline;
  }

  /** Asks the check once; a check that throws (or answers null) is not Ready, with the error as the reason. */
  Answer ask() {
    String failure;
    try {
      Readiness r = check.check();
      if (r != null) {
        lastError = null;
        return new Answer(r.ready(), r.describe());
      }
      failure = "readiness check answered null";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "readiness check interrupted";
    } catch (Exception e) {
      String text = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": "
          + e.getMessage().strip();
      failure = "readiness check failed: "
          + (text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS - 3) + "...");
    }
    // Logged once per distinct message: a check failing the same way every 5 s would flood the log.
    if (!failure.equals(lastError)) {
      logger.warn("Plan {}: {}; counted as not Ready", planName, failure);
      lastError = failure;
    }
    return new Answer(false, failure);
  }

  /** The message while waiting before the deadline. */
  String waiting(Wait w, Answer a) {
    return w.where + " waits for Ready canary pods (progress deadline " + GoDuration.format(deadline) + "): "
        + a.text();
  }

  /** The message after the deadline passed without abort: the plan stays PROGRESSING and keeps polling. */
  String exceeded(Wait w, Answer a) {
    return "progress deadline " + GoDuration.format(deadline) + " exceeded (ProgressDeadlineExceeded): " + w.where
        + " still waits for Ready canary pods: " + a.text();
  }

  /** The message of the rollback after the deadline passed with abort. */
  String rolledBack(Wait w, Answer a) {
    return "rolled back at step " + w.step + ": progress deadline " + GoDuration.format(deadline) + " exceeded: "
        + a.text();
  }

  /** The message once the canary is Ready after a wait. */
  String readyAfterWait(Wait w, Answer a) {
    return w.where + ": canary Ready: " + a.text();
  }

  /** One poll's answer: whether Ready, and the summary ({@link Readiness#describe()} or the check's error). */
  record Answer(boolean ready, String text) {}

  /** One wait for Ready canary pods: its scheduled poll and deadline, and what to do once Ready. */
  static final class Wait {
    final String step;
    final String where;
    final boolean persistWhileWaiting;
    final Runnable then;
    @Nullable Cancellable poll;
    @Nullable Cancellable deadline;
    boolean exceeded;

    /**
     * Starts describing a wait; the runner schedules its poll and deadline.
     *
     * @param step the step as people count it, {@code 3/9}
     * @param where the step and weight for messages, {@code step 3/9 (25%)}
     * @param persistWhileWaiting whether the runner saves its state while waiting (not after a resume: the state it
     *     resumed from keeps the pause or analysis in progress until the wait is over)
     * @param then what the runner does once Ready
     */
    Wait(String step, String where, boolean persistWhileWaiting, Runnable then) {
      this.step = step;
      this.where = where;
      this.persistWhileWaiting = persistWhileWaiting;
      this.then = then;
    }

    void cancel() {
      if (poll != null) {
        poll.cancel();
        poll = null;
      }
      if (deadline != null) {
        deadline.cancel();
        deadline = null;
      }
    }
  }
}
