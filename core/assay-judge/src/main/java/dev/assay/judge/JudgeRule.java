/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import java.util.Objects;

/** Which decision rule a judge block applies. */
public enum JudgeRule {
  /** {@link dev.assay.stats.NonInferiorityJudge}: pass only when the canary is shown to be within the margin. */
  NON_INFERIORITY("non-inferiority"),
  /** {@link dev.assay.stats.KayentaJudge}: Kayenta's Mann-Whitney classification, for ported configs. */
  KAYENTA("kayenta");

  private final String configName;

  JudgeRule(String configName) {
    this.configName = configName;
  }

  /**
   * The name used in YAML ({@code rule: kayenta}) and in verdicts.
   *
   * @return the name
   */
  public String configName() {
    return configName;
  }

  /**
   * The rule with a YAML name, ignoring case.
   *
   * @param name {@code non-inferiority} or {@code kayenta}
   * @return the rule
   * @throws JudgeSpecException when no rule has that name
   */
  public static JudgeRule fromConfigName(String name) {
    Objects.requireNonNull(name, "name");
    for (JudgeRule r : values()) {
      if (r.configName.equalsIgnoreCase(name)) {
        return r;
      }
    }
    throw new JudgeSpecException(
        "assay/judge.rule must be one of non-inferiority or kayenta, but was \"" + name + "\"");
  }
}
