/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.controller.ControllerSettings;
import dev.assay.model.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The runnable main's settings: each is a flag {@code --name=value} or an environment variable {@code ASSAY_NAME}
 * (upper case, '-' as '_'); a flag wins. The table is in {@code docs/controller.md}. An unknown flag or a value that
 * does not parse is an error naming the setting and what it accepts.
 *
 * @param settings the controller settings
 * @param healthPort the port of {@code /healthz}, {@code /readyz} (0 for any free port)
 * @param providerThreads threads for provider calls (each call gets the call timeout)
 * @param callTimeout the per-call deadline of provider calls
 * @param metricsPrefix the prefix of the analysis metrics on {@code /metrics}: {@code ""} (default) for Argo's
 *     names, or letters, digits and underscores such as {@code argo_rollouts_}
 */
public record MainOptions(ControllerSettings settings, int healthPort, int providerThreads, Duration callTimeout,
    String metricsPrefix) {
  private static final List<String> NAMES = List.of("namespace", "instance-id", "labels", "identity",
      "lease-namespace", "lease-name", "shards", "lease-duration", "renew-deadline", "retry-period", "workers",
      "events", "shutdown-grace", "conflict-retries", "status-subresource", "health-port", "provider-threads",
      "call-timeout", "metrics-prefix");

  /** Validates. */
  public MainOptions {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(metricsPrefix, "metricsPrefix");
  }

  /**
   * Reads the settings.
   *
   * @param env the environment (for {@code ASSAY_*}, {@code POD_NAME} and {@code POD_NAMESPACE})
   * @param args the command-line arguments
   * @return the options
   * @throws IllegalArgumentException naming the setting that is wrong and what it accepts
   */
  public static MainOptions parse(Map<String, String> env, List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : NAMES) {
      String v = env.get("ASSAY_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (v != null) {
        values.put(name, v);
      }
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown argument '" + arg
            + "'; arguments are --name=value with name one of " + NAMES);
      }
      values.put(name, arg.substring(eq + 1));
    }
    ControllerSettings.Builder b = ControllerSettings.builder();
    String identity = env.getOrDefault("POD_NAME", env.get("HOSTNAME"));
    if (identity != null) {
      b.identity(identity);
    }
    String podNamespace = env.get("POD_NAMESPACE");
    if (podNamespace != null) {
      b.leaseNamespace(podNamespace);
    }
    ControllerSettings defaults = ControllerSettings.builder().build();
    Duration[] timing = {defaults.leaseDuration(), defaults.renewDeadline(), defaults.retryPeriod()};
    int[] ints = {8080, 16};
    Duration[] callTimeout = {Duration.ofSeconds(60)};
    String[] metricsPrefix = {""};
    Map<String, BiConsumer<String, String>> apply = new LinkedHashMap<>();
    apply.put("namespace", (n, v) -> b.namespace(v));
    apply.put("instance-id", (n, v) -> b.instanceId(v));
    apply.put("labels", (n, v) -> b.extraLabels(labels(n, v)));
    apply.put("identity", (n, v) -> b.identity(v));
    apply.put("lease-namespace", (n, v) -> b.leaseNamespace(v));
    apply.put("lease-name", (n, v) -> b.leaseName(v));
    apply.put("shards", (n, v) -> b.shards(integer(n, v)));
    apply.put("lease-duration", (n, v) -> timing[0] = duration(n, v));
    apply.put("renew-deadline", (n, v) -> timing[1] = duration(n, v));
    apply.put("retry-period", (n, v) -> timing[2] = duration(n, v));
    apply.put("workers", (n, v) -> b.workers(integer(n, v)));
    apply.put("events", (n, v) -> b.events(bool(n, v)));
    apply.put("shutdown-grace", (n, v) -> b.shutdownGrace(duration(n, v)));
    apply.put("conflict-retries", (n, v) -> b.conflictRetries(integer(n, v)));
    apply.put("status-subresource", (n, v) -> b.statusSubresource(bool(n, v)));
    apply.put("health-port", (n, v) -> ints[0] = integer(n, v));
    apply.put("provider-threads", (n, v) -> ints[1] = integer(n, v));
    apply.put("call-timeout", (n, v) -> callTimeout[0] = duration(n, v));
    apply.put("metrics-prefix", (n, v) -> metricsPrefix[0] = prefix(n, v));
    values.forEach((n, v) -> apply.get(n).accept(n, v.trim()));
    b.leaseTiming(timing[0], timing[1], timing[2]);
    return new MainOptions(b.build(), ints[0], ints[1], callTimeout[0], metricsPrefix[0]);
  }

  private static String prefix(String name, String value) {
    if (!value.matches("([a-zA-Z_][a-zA-Z0-9_]*)?")) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a metric name prefix (empty, or letters, "
          + "digits and underscores not starting with a digit, such as argo_rollouts_)");
    }
    return value;
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number", e);
    }
  }

  private static boolean bool(String name, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(name + ": '" + value + "' is not true or false");
  }

  private static Duration duration(String name, String value) {
    try {
      return GoDuration.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a duration such as 15s, 500ms or 1m30s", e);
    }
  }

  private static Map<String, String> labels(String name, String value) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (value.isEmpty()) {
      return labels;
    }
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(name + ": '" + pair + "' is not key=value (write k1=v1,k2=v2)");
      }
      labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return labels;
  }
}
