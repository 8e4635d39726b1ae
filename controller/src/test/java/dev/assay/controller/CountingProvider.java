/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * A "prometheus" provider for controller tests: answers a value per run and counts its calls per run and metric, so
 * a test can tell which replica measured what. Thread-safe.
 */
final class CountingProvider implements MetricProvider {
  private final ToDoubleFunction<MeasurementContext> value;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private volatile Consumer<MeasurementContext> during = c -> {};

  CountingProvider(ToDoubleFunction<MeasurementContext> value) {
    this.value = value;
  }

  static CountingProvider constant(double v) {
    return new CountingProvider(c -> v);
  }

  /** Runs an action inside every measurement (to play a second writer while the controller measures). */
  void during(Consumer<MeasurementContext> action) {
    during = action;
  }

  @Override
  public String type() {
    return "prometheus";
  }

  @Override
  public ProviderResult run(MeasurementContext context) {
    calls.computeIfAbsent(context.run().name() + "/" + context.metric().name(), k -> new AtomicInteger())
        .incrementAndGet();
    queries.add(context.metric().provider().prometheus().query());
    during.accept(context);
    double v = value.applyAsDouble(context);
    return ProviderResult.observed(v, String.valueOf(v));
  }

  int calls(String run, String metric) {
    AtomicInteger n = calls.get(run + "/" + metric);
    return n == null ? 0 : n.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  boolean measured(String run) {
    return calls.keySet().stream().anyMatch(k -> k.startsWith(run + "/"));
  }

  List<String> queries() {
    return queries;
  }
}
