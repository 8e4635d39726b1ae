/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import java.util.Objects;

/** Whether each look is judged on its own or as part of the run's sequence of looks. */
public enum JudgeMode {
  /**
   * Each look judges the data its series return, with an interval valid for one look: a metric that looks many
   * times gets many chances of a wrong verdict.
   */
  FIXED("fixed"),
  /**
   * Each look adds the data its series return to the run's running totals and judges them with a confidence
   * sequence ({@link dev.assay.stats.SequentialJudge}), whose error rates hold over all looks of the run together.
   * The series must return only the data since the previous look (a window of the metric's interval).
   */
  SEQUENTIAL("sequential");

  private final String configName;

  JudgeMode(String configName) {
    this.configName = configName;
  }

  /**
   * The name in YAML ({@code mode: sequential}).
   *
   * @return the name
   */
  public String configName() {
    return configName;
  }

  /**
   * The mode with a YAML name, ignoring case.
   *
   * @param name {@code fixed} or {@code sequential}
   * @return the mode
   * @throws JudgeSpecException when no mode has that name
   */
  public static JudgeMode fromConfigName(String name) {
    Objects.requireNonNull(name, "name");
    for (JudgeMode m : values()) {
      if (m.configName.equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new JudgeSpecException(
        JudgeSpec.PLUGIN_NAME + ".mode must be one of fixed or sequential, but was \"" + name + "\"");
  }
}
