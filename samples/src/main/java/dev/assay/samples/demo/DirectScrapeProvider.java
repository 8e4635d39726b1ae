/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import dev.assay.model.PrometheusMetric;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's stand-in when no {@code prometheus} binary is installed: serves provider type {@code prometheus}, but
 * instead of running PromQL it answers each metric of the five templates by name from the services' own
 * {@code /metrics}, scraped every second, over the same window. Values have the shape Prometheus would return (a
 * one-element vector, or an empty one when there is no traffic). Thread-safe.
 */
public final class DirectScrapeProvider implements MetricProvider {
  private record Sample(Instant at, Map<String, Double> canary, Map<String, Double> stable) {}

  private final HttpClient client = HttpClient.newHttpClient();
  private final DemoService canary;
  private final DemoService stable;
  private final Clock clock;
  private final Duration window;
  private final Deque<Sample> history = new ArrayDeque<>();
  private final Cancellable scraping;

  /**
   * Starts scraping both services every second.
   *
   * @param canary the canary
   * @param stable the stable service
   * @param scheduler ticks the scrapes
   * @param clock the time of each scrape
   * @param window how far back rates and quantiles look
   */
  public DirectScrapeProvider(DemoService canary, DemoService stable, Scheduler scheduler, Clock clock,
      Duration window) {
    this.canary = canary;
    this.stable = stable;
    this.clock = clock;
    this.window = window;
    Runnable[] tick = new Runnable[1];
    Cancellable[] next = new Cancellable[1];
    tick[0] = () -> {
      try {
        scrape();
      } catch (IOException e) {
        // a missed scrape only widens the gap to the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      next[0] = scheduler.schedule(tick[0], Duration.ofSeconds(1));
    };
    next[0] = scheduler.schedule(tick[0], Duration.ZERO);
    scraping = () -> next[0].cancel();
  }

  @Override
  public String type() {
    return "prometheus";
  }

  @Override
  public ProviderResult run(MeasurementContext context) throws IOException, InterruptedException {
    Sample now = scrape();
    Sample base = baseFor(now, window);
    Map<String, Double> c = delta(now.canary(), base.canary());
    Map<String, Double> s = delta(now.stable(), base.stable());
    double ok = c.getOrDefault("http_requests_total{status=\"200\"}", 0.0);
    double err = c.getOrDefault("http_requests_total{status=\"500\"}", 0.0);
    List<Double> value;
    switch (context.metric().name()) {
      case "error-rate": value = ok + err == 0 ? List.of() : List.of(err / (ok + err)); break;
      case "success-rate": value = ok + err == 0 ? List.of() : List.of(ok / (ok + err)); break;
      case "p50-latency": value = quantile(0.5, c); break;
      case "p99-latency": value = quantile(0.99, c); break;
      case "p99-vs-stable": value = p99Series(isCanary(context)); break;
      case "no-recent-errors": value = List.of(err); break;
      case "error-rate-vs-stable": value = List.of(count(context, now)); break;
      case "pod-restarts": value = List.of(); break;
      case "memory-usage": value = List.of(gauge(now.canary(), "container_memory_working_set_bytes")
          / gauge(now.canary(), "kube_pod_container_resource_limits", "memory")); break;
      case "cpu-usage": value = List.of(gauge(c, "container_cpu_usage_seconds_total")
          / Math.max(1e-9, Duration.between(base.at(), now.at()).toMillis() / 1000.0)
          / gauge(now.canary(), "kube_pod_container_resource_limits", "cpu")); break;
      default: return ProviderResult.error("the demo's direct scrape does not know metric "
          + context.metric().name());
    }
    return ProviderResult.observed(value, value.toString());
  }

  private Sample baseFor(Sample now, Duration w) {
    synchronized (history) {
      Sample base = history.peekFirst();
      for (Sample s : history) {
        if (!s.at().isAfter(now.at().minus(w))) {
          base = s;
        }
      }
      return base;
    }
  }

  /**
   * The judge's event or trial count of one side over the query's own range ({@code [2s]}, the look interval), so
   * that the sequential judge's looks do not overlap.
   */
  private double count(MeasurementContext context, Sample now) {
    String query = context.metric().provider().prometheus().query();
    int open = query.lastIndexOf('[');
    int close = query.lastIndexOf(']');
    Duration range = Duration.parse("PT" + query.substring(open + 1, close).toUpperCase(java.util.Locale.ROOT));
    Sample base = baseFor(now, range);
    boolean canaryQuery = isCanary(context);
    Map<String, Double> d = canaryQuery ? delta(now.canary(), base.canary()) : delta(now.stable(), base.stable());
    double ok = d.getOrDefault("http_requests_total{status=\"200\"}", 0.0);
    double err = d.getOrDefault("http_requests_total{status=\"500\"}", 0.0);
    return query.contains("=~\"5..\"") ? err : ok + err;
  }

  private Sample scrape() throws IOException, InterruptedException {
    Sample s = new Sample(clock.instant(), parse(get(canary.url())), parse(get(stable.url())));
    synchronized (history) {
      history.addLast(s);
      while (history.size() > 2 && history.peekFirst().at().isBefore(s.at().minus(window.multipliedBy(4)))) {
        history.removeFirst();
      }
    }
    return s;
  }

  private String get(String base) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static Map<String, Double> parse(String text) {
    Map<String, Double> m = new HashMap<>();
    for (String line : text.split("\n")) {
      int sp = line.lastIndexOf(' ');
      if (!line.startsWith("#") && sp > 0) {
        m.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
      }
    }
    return m;
  }

  private static Map<String, Double> delta(Map<String, Double> now, Map<String, Double> before) {
    Map<String, Double> d = new HashMap<>();
    now.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
    return d;
  }

  private static double gauge(Map<String, Double> m, String name, String... resource) {
    for (Map.Entry<String, Double> e : m.entrySet()) {
      if (e.getKey().startsWith(name + "{")
          && (resource.length == 0 || e.getKey().contains("resource=\"" + resource[0] + "\""))) {
        return e.getValue();
      }
    }
    return Double.NaN;
  }

  /** histogram_quantile's linear interpolation inside the bucket holding the rank. */
  static List<Double> quantile(double q, Map<String, Double> d) {
    double total = d.getOrDefault("http_request_duration_seconds_bucket{le=\"+Inf\"}", 0.0);
    if (total <= 0) {
      return List.of();
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (double le : DemoService.BUCKETS) {
      double count = d.getOrDefault("http_request_duration_seconds_bucket{le=\"" + le + "\"}", 0.0);
      if (count >= rank) {
        return List.of(lower + (le - lower) * (count == below ? 0 : (rank - below) / (count - below)));
      }
      lower = le;
      below = count;
    }
    return List.of(lower);
  }

  /** The judge asks for the canary's series and then stable's; the pod-template hash in the query says which. */
  private static boolean isCanary(MeasurementContext context) {
    PrometheusMetric query = context.metric().provider().prometheus();
    return query != null && query.query().contains("\"" + Demo.CANARY_HASH + "\"");
  }

  /** One P99 per retained scrape, each over the window that ends at that scrape: the range query's stand-in. */
  private List<Double> p99Series(boolean ofCanary) {
    List<Sample> samples;
    synchronized (history) {
      samples = new ArrayList<>(history);
    }
    List<Double> series = new ArrayList<>();
    for (Sample end : samples) {
      Sample start = null;
      for (Sample s : samples) {
        if (!s.at().isAfter(end.at().minus(window))) {
          start = s;
        }
      }
      if (start != null) {
        series.addAll(quantile(0.99, ofCanary ? delta(end.canary(), start.canary())
            : delta(end.stable(), start.stable())));
      }
    }
    return series;
  }

  @Override
  public void close() {
    scraping.cancel();
  }
}
