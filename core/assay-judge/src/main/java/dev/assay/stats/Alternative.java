/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/**
 * The alternative hypothesis about the location shift {@code x - y}, with R's names ({@code alternative = } in
 * {@code wilcox.test}).
 */
public enum Alternative {
  /** The shift differs from {@code mu} (R {@code "two.sided"}). */
  TWO_SIDED("two.sided"),
  /** The shift is below {@code mu}: {@code x} is stochastically smaller (R {@code "less"}). */
  LESS("less"),
  /** The shift is above {@code mu}: {@code x} is stochastically larger (R {@code "greater"}). */
  GREATER("greater");

  private final String rName;

  Alternative(String rName) {
    this.rName = rName;
  }

  /**
   * R's name of the alternative.
   *
   * @return {@code "two.sided"}, {@code "less"} or {@code "greater"}
   */
  public String rName() {
    return rName;
  }

  /**
   * Parses R's name.
   *
   * @param rName {@code "two.sided"}, {@code "less"} or {@code "greater"}
   * @return the alternative
   * @throws IllegalArgumentException for any other name
   */
  public static Alternative fromRName(String rName) {
    for (Alternative a : values()) {
      if (a.rName.equals(rName)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "alternative must be one of two.sided, less, greater, but was '" + rName + "'");
  }
}
