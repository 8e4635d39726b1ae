/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@code limit} bytes of a response body, then cancels the subscription, so that the client stops
 * reading and drops the connection instead of draining a huge body (docs/security.md: bodies are size-bounded).
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {
  /**
   * The bytes read.
   *
   * @param bytes the first bytes of the body, at most the limit
   * @param cut whether the body went on past the limit
   */
  public record Body(byte[] bytes, boolean cut) {}

  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  /**
   * A subscriber for one body.
   *
   * @param limit the most bytes kept, at least 0
   */
  public BoundedBody(int limit) {
    this.limit = limit;
  }

  /**
   * A handler that gives every response a bounded body.
   *
   * @param limit the most bytes kept per body
   * @return the handler
   */
  public static HttpResponse.BodyHandler<Body> handler(int limit) {
    return info -> new BoundedBody(limit);
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int room = limit - bytes.size();
      if (item.remaining() > room) {
        byte[] part = new byte[room];
        item.get(part);
        bytes.write(part, 0, part.length);
        subscription.cancel();
        result.complete(new Body(bytes.toByteArray(), true));
        return;
      }
      byte[] all = new byte[item.remaining()];
      item.get(all);
      bytes.write(all, 0, all.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public synchronized void onComplete() {
    result.complete(new Body(bytes.toByteArray(), false));
  }
}
