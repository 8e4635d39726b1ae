/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A queue of run keys ({@code namespace/name}) that never holds a key twice and never hands out a key that is being
 * processed: a key added while it is processed is handed out again after {@link #done}. This is what serialises
 * reconciles per run (client-go's work queue does the same). Each key remembers the earliest time it was due, for
 * the scheduling lag. Thread-safe.
 */
public final class WorkQueue {
  /** A key handed out, with the time it was due. */
  public record Item(String key, Instant due) {}

  private final LinkedHashSet<String> queued = new LinkedHashSet<>();
  private final Map<String, Instant> dueAt = new HashMap<>();
  private final Set<String> processing = new HashSet<>();
  private final Map<String, Instant> dirty = new HashMap<>();
  private boolean shutDown;

  /**
   * Queues a key.
   *
   * @param key the run key
   * @param due when it became due (for the lag)
   */
  public synchronized void add(String key, Instant due) {
    if (shutDown) {
      return;
    }
    if (processing.contains(key)) {
      dirty.merge(key, due, (a, b) -> a.isBefore(b) ? a : b);
      return;
    }
    queued.add(key);
    dueAt.merge(key, due, (a, b) -> a.isBefore(b) ? a : b);
    notify();
  }

  /**
   * Takes the next key, waiting for one.
   *
   * @return the key, or null once the queue is shut down
   * @throws InterruptedException when interrupted while waiting
   */
  public synchronized @Nullable Item take() throws InterruptedException {
    while (queued.isEmpty() && !shutDown) {
      wait();
    }
    if (shutDown) {
      return null;
    }
    String key = queued.iterator().next();
    queued.remove(key);
    processing.add(key);
    return new Item(key, dueAt.remove(key));
  }

  /**
   * Marks a key as processed; it is queued again if it was added meanwhile.
   *
   * @param key the key
   */
  public synchronized void done(String key) {
    processing.remove(key);
    Instant again = dirty.remove(key);
    if (again != null && !shutDown) {
      queued.add(key);
      dueAt.merge(key, again, (a, b) -> a.isBefore(b) ? a : b);
      notify();
    }
    notifyAll();
  }

  /**
   * Whether any key matching a test is being processed.
   *
   * @param test the test
   * @return true when one is
   */
  public synchronized boolean processingAny(java.util.function.Predicate<String> test) {
    return processing.stream().anyMatch(test);
  }

  /**
   * Stops handing out keys: waiting and future {@link #take()} calls return null; keys in process may finish.
   */
  public synchronized void shutDown() {
    shutDown = true;
    notifyAll();
  }

  /**
   * Waits until no key is being processed.
   *
   * @param deadlineMillis the latest {@link System#currentTimeMillis()} to wait until
   * @return true when nothing is in process
   * @throws InterruptedException when interrupted
   */
  public synchronized boolean awaitIdle(long deadlineMillis) throws InterruptedException {
    while (!processing.isEmpty()) {
      long left = deadlineMillis - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /**
   * How many keys wait.
   *
   * @return the number of queued keys
   */
  public synchronized int size() {
    return queued.size();
  }
}
