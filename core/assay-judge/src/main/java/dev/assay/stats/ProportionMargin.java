/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;


/**
 * The non-inferiority margin of a {@link ProportionJudge}: how much worse the canary's event rate may be than the
 * baseline's, either in percentage points ({@code 1} = canary rate at most 1 point above, for example 1.5% against
 * 0.5%) or as a ratio ({@code 1.5} = canary rate at most 1.5 times the baseline's). Immutable.
 *
 * @param ratio true for a ratio margin, false for percentage points
 * @param value the points ({@code > 0} and {@code < 100}) or the ratio ({@code > 1}, finite)
 */
public record ProportionMargin(boolean ratio, double value) {
  /**
   * Validates the value.
   *
   * @param ratio true for a ratio margin, false for percentage points
   * @param value the points ({@code > 0} and {@code < 100}) or the ratio ({@code > 1}, finite)
   */
  public ProportionMargin {
    if (ratio && !(value > 1 && Double.isFinite(value))) {
      throw new IllegalArgumentException("maxRatio must be > 1 and finite, but was " + value);
    }
    if (!ratio && !(value > 0 && value < 100)) {
      throw new IllegalArgumentException("marginPoints must be in (0, 100), but was " + value);
    }
  }

  /**
   * A margin in percentage points.
   *
   * @param points for example 1 for one percentage point
   * @return the margin
   */
  public static ProportionMargin points(double points) {
    return new ProportionMargin(false, points);
  }

  /**
   * A margin as a ratio of the rates.
   *
   * @param maxRatio for example 1.5
   * @return the margin
   */
  public static ProportionMargin ratio(double maxRatio) {
    return new ProportionMargin(true, maxRatio);
  }

  /**
   * The margin on its own scale: a rate difference as a fraction (1 point = 0.01), or the ratio.
   *
   * @return the bound
   */
  public double bound() {
    return ratio ? value : value / 100;
  }

  /**
   * The margin for a person: {@code "1 percentage point"}, {@code "1.5x"}.
   *
   * @return the text
   */
  public String describe() {
    return ratio ? Formats.number(value) + "x" : Formats.number(value) + " percentage point" + (value == 1 ? "" : "s");
  }
}
