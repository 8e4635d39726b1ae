/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.testing;

import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Scheduler} in virtual time: tasks run only inside {@link #advanceBy(Duration)} or {@link #runDueTasks()},
 * on the calling thread, in due-time order (ties in scheduling order), with the {@link ManualClock} set to each
 * task's due time while it runs. A 60-minute analysis therefore runs in milliseconds and always the same way.
 *
 * <p>Thread-safe: tasks may be scheduled from any thread, including from running tasks.
 */
public final class ManualScheduler implements Scheduler {
  private final ManualClock clock;
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq));
  private long nextSeq;

  /**
   * Creates a scheduler driving a clock.
   *
   * @param clock the clock it reads due times from and moves forward
   */
  public ManualScheduler(ManualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The clock this scheduler moves.
   *
   * @return the clock
   */
  public ManualClock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    Duration d = delay.isNegative() ? Duration.ZERO : delay;
    Task t;
    synchronized (queue) {
      t = new Task(clock.instant().plus(d), nextSeq++, task);
      queue.add(t);
    }
    return () -> {
      synchronized (queue) {
        return t.cancelled.compareAndSet(false, true) && queue.remove(t);
      }
    };
  }

  /**
   * Moves time forward by {@code amount}, running every task that falls due on the way (including tasks those tasks
   * schedule), then leaves the clock at the end time.
   *
   * @param amount how far to move; must not be negative
   * @return how many tasks ran
   */
  public int advanceBy(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must be >= 0, but was " + amount);
    }
    Instant end = clock.instant().plus(amount);
    int ran = 0;
    while (true) {
      Task next;
      synchronized (queue) {
        next = queue.peek();
        if (next == null || next.due.isAfter(end)) {
          break;
        }
        queue.poll();
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.task.run();
      ran++;
    }
    clock.set(end);
    return ran;
  }

  /**
   * Runs the tasks that are due now without moving the clock.
   *
   * @return how many tasks ran
   */
  public int runDueTasks() {
    return advanceBy(Duration.ZERO);
  }

  /**
   * Moves time to the next due task and runs everything due then, repeatedly, until no task is left or the limit is
   * reached. Useful to run an analysis to completion.
   *
   * @param limit the latest time to move to
   * @return how many tasks ran
   */
  public int runUntilIdle(Instant limit) {
    int ran = 0;
    while (true) {
      Instant due;
      synchronized (queue) {
        Task next = queue.peek();
        if (next == null || next.due.isAfter(limit)) {
          return ran;
        }
        due = next.due;
      }
      ran += advanceBy(Duration.between(clock.instant(), due).isNegative()
          ? Duration.ZERO : Duration.between(clock.instant(), due));
    }
  }

  /**
   * How many tasks wait to run.
   *
   * @return the number of scheduled, not cancelled tasks
   */
  public int pendingTasks() {
    synchronized (queue) {
      return queue.size();
    }
  }

  private static final class Task {
    final Instant due;
    final long seq;
    final Runnable task;
    final AtomicBoolean cancelled = new AtomicBoolean();

    Task(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }
  }
}
