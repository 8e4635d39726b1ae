/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import java.util.Objects;

/** What the series of a judge block hold, which decides the statistics used on them. */
public enum JudgeData {
  /** Measured values such as latencies: the rank-sum rules ({@link JudgeRule}). */
  VALUES("values"),
  /** One 0/1 flag per trial (1 = event): the proportion judge ({@link dev.assay.stats.ProportionJudge}). */
  FLAGS("flags"),
  /**
   * Event and trial counts, each series split into an {@code events} and a {@code trials} provider block whose
   * values are summed: the proportion judge.
   */
  COUNTS("counts");

  private final String configName;

  JudgeData(String configName) {
    this.configName = configName;
  }

  /**
   * The name in YAML ({@code data: counts}).
   *
   * @return the name
   */
  public String configName() {
    return configName;
  }

  /**
   * Whether the data are event rates (flags or counts).
   *
   * @return true for {@link #FLAGS} and {@link #COUNTS}
   */
  public boolean proportions() {
    return this != VALUES;
  }

  /**
   * The data shape with a YAML name, ignoring case.
   *
   * @param name {@code values}, {@code flags} or {@code counts}
   * @return the shape
   * @throws JudgeSpecException when no shape has that name
   */
  public static JudgeData fromConfigName(String name) {
    Objects.requireNonNull(name, "name");
    for (JudgeData d : values()) {
      if (d.configName.equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new JudgeSpecException(
        JudgeSpec.PLUGIN_NAME + ".data must be one of values, flags or counts, but was \"" + name + "\"");
  }
}
