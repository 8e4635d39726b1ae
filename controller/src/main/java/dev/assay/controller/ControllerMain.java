/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.controller.internal.ControllerMetrics;
import dev.assay.controller.internal.HealthServer;
import dev.assay.controller.internal.MainOptions;
import dev.assay.engine.Reconciler;
import dev.assay.engine.ReconcilerBuilder;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable controller:
 * {@code java -cp <controller, providers, an SLF4J binding> dev.assay.controller.ControllerMain
 * [--name=value ...]}. Settings come from flags or {@code ASSAY_*} environment variables (see
 * {@code docs/controller.md}); the Kubernetes connection from the usual places (in-cluster service account, or
 * {@code KUBECONFIG}). Metric providers are found with {@link ServiceLoader} ({@link MetricProviderFactory}) on the
 * class path. Serves {@code /healthz}, {@code /readyz} and {@code /metrics} (Argo's analysis metrics through
 * {@code assay-micrometer}, Prometheus text format); stops gracefully on SIGTERM.
 */
public final class ControllerMain {
  private static final Logger logger = LoggerFactory.getLogger(ControllerMain.class);

  private ControllerMain() {}

  /**
   * Runs the controller until the process is stopped.
   *
   * @param args {@code --name=value} settings
   * @throws Exception when start-up fails
   */
  public static void main(String[] args) throws Exception {
    MainOptions options;
    try {
      options = MainOptions.parse(System.getenv(), Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("assay-controller: " + e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    ExecutorService calls = Executors.newFixedThreadPool(options.providerThreads(), r -> {
      Thread t = new Thread(r, "assay-provider-call");
      t.setDaemon(true);
      return t;
    });
    List<MetricProvider> providers = new ArrayList<>();
    ReconcilerBuilder rb = Reconciler.builder().secretResolver(new KubernetesSecretResolver(client))
        .callExecutor(calls).callTimeout(options.callTimeout());
    for (MetricProviderFactory f : ServiceLoader.load(MetricProviderFactory.class)) {
      MetricProvider p = f.create(ProviderSettings.empty());
      providers.add(p);
      rb.provider(p);
    }
    logger.info("Metric providers: {}", providers.stream().map(MetricProvider::type).toList());
    ControllerMetrics metrics = new ControllerMetrics(options.metricsPrefix());
    AnalysisRunController controller = AnalysisRunController.builder().client(client).reconciler(rb.build())
        .settings(options.settings()).analysisListener(metrics.analysisListener()).build();
    HealthServer health = new HealthServer(new InetSocketAddress(options.healthPort()), controller::isLive,
        controller::isReady, metrics.endpoints());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      logger.info("Stopping: finishing in-flight reconciles, then handing shards back");
      controller.close();
      health.close();
      for (MetricProvider p : providers) {
        try {
          p.close();
        } catch (Exception e) {
          logger.warn("Closing provider {} failed: {}", p.type(), e.toString());
        }
      }
      calls.shutdownNow();
      client.close();
      stopped.countDown();
    }, "assay-shutdown"));
    controller.start();
    stopped.await();
  }
}
