/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split;

import dev.assay.plan.split.internal.SplitRun;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs traffic-split checks: sends a {@link SplitCheck}'s requests, classifies the responses and tests the canary
 * share against the weight set (docs/split-verification.md). The requests are real, so the check's budget and
 * timeouts are wall-clock time.
 *
 * <p>Thread-safe: one verifier may run many checks at once.
 */
public final class SplitVerifier {
  private final HttpClient client;

  private SplitVerifier(HttpClient client) {
    this.client = client;
  }

  /**
   * A verifier with its own HTTP client: HTTP/1.1, redirects not followed (the entry point must answer itself), TLS
   * certificates verified.
   *
   * @return the verifier
   */
  public static SplitVerifier create() {
    return new SplitVerifier(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build());
  }

  /**
   * A verifier that sends with the given client, for example one with a custom {@code SSLContext} for a private CA.
   *
   * @param client the client; its redirect and proxy settings apply
   * @return the verifier
   */
  public static SplitVerifier using(HttpClient client) {
    return new SplitVerifier(Objects.requireNonNull(client, "client"));
  }

  /**
   * Runs a check on an executor. The thread it runs on waits for the responses (at most the check's budget plus
   * one request timeout), so give it an executor for blocking work, not a scheduler thread. Cancelling the returned
   * future stops the check from sending more requests.
   *
   * @param check the check
   * @param weight the canary weight that is set, 0 to 100
   * @param executor where the check runs
   * @return the verdict, when the check is done; completed exceptionally with {@link RejectedExecutionException}
   *     when the executor refuses the task
   * @throws IllegalArgumentException when the weight is out of range
   */
  public CompletableFuture<SplitVerdict> verify(SplitCheck check, int weight, Executor executor) {
    SplitRun run = prepare(check, weight);
    Objects.requireNonNull(executor, "executor");
    CompletableFuture<SplitVerdict> result = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        if (!result.isDone()) {
          try {
            result.complete(run.run(result::isDone));
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Runs a check on the calling thread and waits for the verdict (at most the check's budget plus one request
   * timeout). When the thread is interrupted, the requests not yet sent count as failed and the interrupt flag is
   * set again.
   *
   * @param check the check
   * @param weight the canary weight that is set, 0 to 100
   * @return the verdict
   * @throws IllegalArgumentException when the weight is out of range
   */
  public SplitVerdict verifyNow(SplitCheck check, int weight) {
    return prepare(check, weight).run(() -> Thread.currentThread().isInterrupted());
  }

  private SplitRun prepare(SplitCheck check, int weight) {
    Objects.requireNonNull(check, "check");
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException("weight must be between 0 and 100, but was " + weight);
    }
    return new SplitRun(client, check, weight);
  }
}
