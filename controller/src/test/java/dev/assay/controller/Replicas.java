/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.engine.Reconciler;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Several controller replicas on one mock API server, each with its own client, provider and scheduler, all on one
 * virtual clock for the runs (leases use real time, kept short).
 */
final class Replicas implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** One replica. */
  static final class Replica {
    final String name;
    final KubernetesClient client;
    final CountingProvider provider;
    final ManualScheduler scheduler;
    final AnalysisRunController controller;
    boolean stopped;

    Replica(String name, KubernetesClient client, CountingProvider provider, ManualScheduler scheduler,
        AnalysisRunController controller) {
      this.name = name;
      this.client = client;
      this.provider = provider;
      this.scheduler = scheduler;
      this.controller = controller;
    }

    /** Stops as a killed pod does: no lease hand-back, no further API call. */
    void crash() {
      stopped = true;
      client.close();
      controller.close();
    }

    /** Stops gracefully (finishes in-flight work and hands its shards back). */
    void stop() {
      stopped = true;
      controller.close();
      client.close();
    }
  }

  final ManualClock clock = ManualClock.atEpochOf2026();
  final List<Replica> replicas = new ArrayList<>();
  private final KubernetesMockServer server;

  Replicas(KubernetesMockServer server) {
    this.server = server;
  }

  Replica start(String name, int shards) {
    KubernetesClient c = server.createClient();
    CountingProvider provider = CountingProvider.constant(0.9);
    ManualScheduler scheduler = new ManualScheduler(clock);
    AnalysisRunController controller = AnalysisRunController.builder().client(c)
        .reconciler(Reconciler.builder().provider(provider).build()).clock(clock).scheduler(scheduler)
        .settings(ControllerSettings.builder().identity(name).namespace(MockCluster.NS).shards(shards)
            .leaseNamespace(MockCluster.NS).events(false).shutdownGrace(Duration.ofSeconds(5))
            .leaseTiming(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200)).build())
        .build();
    controller.start();
    Replica r = new Replica(name, c, provider, scheduler, controller);
    replicas.add(r);
    return r;
  }

  List<Replica> live() {
    return replicas.stream().filter(r -> !r.stopped).toList();
  }

  /** Waits for a condition while every live replica runs the timers that fall due. */
  void await(String what, BooleanSupplier condition) {
    MockCluster.await(what, WAIT, () -> {
      live().forEach(r -> r.scheduler.runDueTasks());
      return condition.getAsBoolean();
    });
  }

  /** Moves the runs' clock by a minute and a second and lets due timers fire. */
  void minute() {
    clock.advanceBy(Duration.ofSeconds(61));
    live().forEach(r -> r.scheduler.runDueTasks());
  }

  @Override
  public void close() {
    live().forEach(Replica::stop);
  }
}
