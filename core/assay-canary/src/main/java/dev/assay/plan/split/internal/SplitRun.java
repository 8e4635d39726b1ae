/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import dev.assay.model.GoDuration;
import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import dev.assay.plan.split.SplitVerdict;
import dev.assay.spi.Redaction;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One run of a split check on the calling thread: at most {@code concurrency} requests in flight, no request started
 * after the budget ran out and none lasting past it, each response classified, then the counts decided. Waits only
 * for its own requests, each bounded by its timeout.
 */
public final class SplitRun {
  private static final String CANARY = "\u0000canary";
  private static final String STABLE = "\u0000stable";

  private final HttpClient client;
  private final SplitCheck check;
  private final int weight;
  private final Redaction redaction;
  private final @Nullable JsonPath path;

  /**
   * Prepares a run.
   *
   * @param client the client that sends the requests
   * @param check the check
   * @param weight the weight set, 0 to 100
   */
  public SplitRun(HttpClient client, SplitCheck check, int weight) {
    this.client = client;
    this.check = check;
    this.weight = weight;
    // Values of credential headers (Authorization, X-Api-Key, ...) are hidden in failure reasons. Every header value
    // is a Secret, so none is ever printed by toString; hiding short values such as "1" everywhere would garble text.
    this.redaction = Redaction.of(List.of());
    check.headers().forEach((name, value) -> redaction.addHeader(name, value.reveal()));
    SplitClassifier c = check.classifier();
    this.path = c.kind() == SplitClassifier.Kind.JSON_PATH ? JsonPath.parse(c.name()) : null;
  }

  /**
   * Sends the requests and decides.
   *
   * @param stopped polled before each request: when true no more are sent (the ones not sent count as failed)
   * @return the verdict
   */
  public SplitVerdict run(BooleanSupplier stopped) {
    long start = System.nanoTime();
    long budget = check.budget().toNanos();
    Semaphore slots = new Semaphore(check.concurrency());
    List<CompletableFuture<String>> inFlight = new ArrayList<>();
    String notSent = "";
    try {
      while (inFlight.size() < check.requests()) {
        long left = budget - (System.nanoTime() - start);
        boolean slot = left > 0 && slots.tryAcquire(left, TimeUnit.NANOSECONDS);
        left = budget - (System.nanoTime() - start);
        if (!slot || left <= 0 || stopped.getAsBoolean()) {
          if (slot) {
            slots.release();
          }
          notSent = stopped.getAsBoolean() ? "not sent: the check was cancelled"
              : "not sent: the " + GoDuration.format(check.budget()) + " budget ran out";
          break;
        }
        CompletableFuture<String> one = send(Duration.ofNanos(Math.min(left, check.requestTimeout().toNanos())));
        one.whenComplete((r, e) -> slots.release());
        inFlight.add(one);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notSent = "not sent: interrupted";
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (CompletableFuture<String> one : inFlight) {
      counts.merge(outcome(one), 1, Integer::sum);
    }
    int notSentCount = check.requests() - inFlight.size();
    if (notSentCount > 0) {
      counts.merge(notSent, notSentCount, Integer::sum);
    }
    int canary = counts.getOrDefault(CANARY, 0);
    int stable = counts.getOrDefault(STABLE, 0);
    counts.remove(CANARY);
    counts.remove(STABLE);
    return SplitDecision.decide(canary, stable, counts, check.requests(), weight, check.alpha(),
        check.maxFailedShare());
  }

  /** The classification of a request that was sent; waits for it (it is bounded by its timeout). */
  private String outcome(CompletableFuture<String> one) {
    try {
      return one.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      one.cancel(true);
      return "interrupted";
    } catch (ExecutionException e) {
      return redaction.redact(FailureReasons.of(e, check.requestTimeout()));
    }
  }

  /** Sends one request; completes with {@link #CANARY}, {@link #STABLE} or why it failed, never exceptionally. */
  private CompletableFuture<String> send(Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(check.url()).GET().timeout(timeout);
    check.headers().forEach((name, value) -> b.header(name, value.reveal()));
    CompletableFuture<HttpResponse<BoundedBody.Body>> sending =
        client.sendAsync(b.build(), BoundedBody.handler(SplitCheck.MAX_BODY_BYTES));
    String timedOut = timeout.equals(check.requestTimeout()) ? FailureReasons.timedOut(timeout)
        : "timed out: the " + GoDuration.format(check.budget()) + " budget ran out";
    CompletableFuture<String> result = new CompletableFuture<>();
    sending.whenComplete((response, error) -> {
      try {
        result.complete(error == null ? classify(response) : redaction.redact(
            error instanceof CancellationException ? timedOut : FailureReasons.of(error, timeout)));
      } catch (RuntimeException e) {
        result.complete("cannot classify: " + e.getClass().getSimpleName());
      }
    });
    result.completeOnTimeout(timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
    // After a timeout, stop the exchange too (the client then drops the connection).
    result.whenComplete((r, e) -> sending.cancel(true));
    return result;
  }

  private String classify(HttpResponse<BoundedBody.Body> response) {
    SplitClassifier c = check.classifier();
    String status = "HTTP " + response.statusCode();
    String value;
    if (c.kind() == SplitClassifier.Kind.HEADER) {
      value = response.headers().firstValue(c.name()).map(String::strip).orElse(null);
      if (value == null) {
        return "no " + c.name() + " header (" + status + ")";
      }
    } else {
      JsonPath.Lookup found = Objects.requireNonNull(path, "path").find(response.body().bytes(), response.body().cut());
      value = found.value();
      if (value == null) {
        switch (found.problem()) {
          case "cut":
            return "body cut at " + SplitCheck.MAX_BODY_BYTES / 1024 + " KiB before " + c.name() + " (" + status + ")";
          case "not-json":
            return "body is not JSON (" + status + ")";
          case "not-a-value":
            return c.name() + " is an object or array, not a value (" + status + ")";
          default:
            return "no " + c.name() + " in the body (" + status + ")";
        }
      }
      value = value.strip();
    }
    return value.equals(c.canaryValue()) ? CANARY : STABLE;
  }
}
