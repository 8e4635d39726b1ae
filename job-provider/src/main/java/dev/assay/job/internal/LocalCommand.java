/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import dev.assay.job.JobRunner;
import dev.assay.job.JobSpecException;
import dev.assay.model.JobMetric;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the local runner starts, read from a metric's job block: the single container's {@code command + args} as argv,
 * its {@code env} (plain values only) and {@code workingDir}, and {@code spec.activeDeadlineSeconds} as the timeout.
 *
 * @param argv the program and its arguments, not empty
 * @param environment variables added to (and overriding) the JVM's environment
 * @param workingDirectory the working directory, or null for the JVM's
 * @param timeout how long the process may run
 * @param jsonResult whether the last stdout line becomes {@code result} ({@value JobRunner#RESULT_ANNOTATION})
 */
public record LocalCommand(
    List<String> argv,
    Map<String, String> environment,
    @Nullable Path workingDirectory,
    Duration timeout,
    boolean jsonResult) {

  private static final String CONTAINERS = "job.spec.template.spec.containers";

  /**
   * Validates and copies.
   *
   * @param argv the program and its arguments, not empty
   * @param environment variables added to (and overriding) the JVM's environment
   * @param workingDirectory the working directory, or null for the JVM's
   * @param timeout how long the process may run
   * @param jsonResult whether the last stdout line becomes {@code result} ({@value JobRunner#RESULT_ANNOTATION})
   */
  public LocalCommand {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Reads the command from a job block.
   *
   * @param job the metric's job block
   * @param defaultTimeout the timeout when {@code spec.activeDeadlineSeconds} is absent
   * @return the command
   * @throws JobSpecException naming the field the local runner cannot use
   */
  public static LocalCommand from(JobMetric job, Duration defaultTimeout) {
    JobSpec spec = JobSpecReader.readSpec(job.spec());
    PodSpec pod = spec.getTemplate() == null ? null : spec.getTemplate().getSpec();
    List<Container> containers = pod == null || pod.getContainers() == null ? List.of() : pod.getContainers();
    if (containers.size() != 1) {
      throw new JobSpecException(
          CONTAINERS, "the local runner needs exactly one container, but found " + containers.size());
    }
    if (pod.getInitContainers() != null && !pod.getInitContainers().isEmpty()) {
      throw new JobSpecException("job.spec.template.spec.initContainers", "not supported by the local runner");
    }
    Container container = containers.get(0);
    List<String> argv = new ArrayList<>();
    if (container.getCommand() != null) {
      argv.addAll(container.getCommand());
    }
    if (container.getArgs() != null) {
      argv.addAll(container.getArgs());
    }
    if (argv.isEmpty()) {
      throw new JobSpecException(CONTAINERS + "[0].command", "the local runner needs a command (command and/or args)");
    }
    Map<String, String> env = new LinkedHashMap<>();
    List<EnvVar> vars = container.getEnv() == null ? List.of() : container.getEnv();
    for (int i = 0; i < vars.size(); i++) {
      EnvVar var = vars.get(i);
      if (var.getValueFrom() != null) {
        throw new JobSpecException(
            CONTAINERS + "[0].env[" + i + "].valueFrom", "not supported by the local runner; use value");
      }
      if (var.getName() == null || var.getName().isEmpty()) {
        throw new JobSpecException(CONTAINERS + "[0].env[" + i + "].name", "must not be empty");
      }
      env.put(var.getName(), var.getValue() == null ? "" : var.getValue());
    }
    Path dir = isEmpty(container.getWorkingDir()) ? null : Path.of(container.getWorkingDir());
    Duration timeout = defaultTimeout;
    if (spec.getActiveDeadlineSeconds() != null) {
      if (spec.getActiveDeadlineSeconds() <= 0) {
        throw new JobSpecException(
            "job.spec.activeDeadlineSeconds", "must be > 0, but was " + spec.getActiveDeadlineSeconds());
      }
      timeout = Duration.ofSeconds(spec.getActiveDeadlineSeconds());
    }
    return new LocalCommand(argv, env, dir, timeout, wantsJsonResult(job));
  }

  private static boolean wantsJsonResult(JobMetric job) {
    String value = JobSpecReader.readStringMap(job.metadata(), "annotations").get(JobRunner.RESULT_ANNOTATION);
    if (value == null) {
      return false;
    }
    if (!JobRunner.RESULT_LAST_LINE_JSON.equals(value.trim())) {
      throw new JobSpecException(
          "job.metadata.annotations[" + JobRunner.RESULT_ANNOTATION + "]",
          "must be \"" + JobRunner.RESULT_LAST_LINE_JSON + "\", but was \"" + value + "\"");
    }
    return true;
  }

  private static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }

  @Override
  public String toString() {
    // argv and environment may hold secret argument values
    return "LocalCommand[argc=" + argv.size() + ", timeout=" + timeout + ", jsonResult=" + jsonResult + "]";
  }
}
