/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** The non-inferiority decision shared by the judges: where an interval lies against the margins. */
final class Margins {
  private Margins() {}

  /**
   * Decides from an interval of the effect and the margins on the same scale.
   *
   * @param direction which change is bad
   * @param low the interval's lower end
   * @param high the interval's upper end
   * @param lowerMargin the margin for decreases (below the neutral value)
   * @param upperMargin the margin for increases (above the neutral value)
   * @return the decision
   */
  static Decision decide(Direction direction, double low, double high, double lowerMargin, double upperMargin) {
    switch (direction) {
      case INCREASE:
        return high < upperMargin ? Decision.PASS : low > upperMargin ? Decision.FAIL : Decision.INCONCLUSIVE;
      case DECREASE:
        return low > lowerMargin ? Decision.PASS : high < lowerMargin ? Decision.FAIL : Decision.INCONCLUSIVE;
      default:
        if (low > lowerMargin && high < upperMargin) {
          return Decision.PASS;
        }
        return low > upperMargin || high < lowerMargin ? Decision.FAIL : Decision.INCONCLUSIVE;
    }
  }

  /**
   * The words for where the interval lies, for example {@code "lies below the +20% margin"}.
   *
   * @param direction which change is bad
   * @param decision the decision
   * @param lower the lower margin as text, for example {@code "-20%"}
   * @param upper the upper margin as text, for example {@code "+20%"}
   * @return the text
   */
  static String outcome(Direction direction, Decision decision, String lower, String upper) {
    switch (direction) {
      case INCREASE:
        return decision == Decision.PASS ? "lies below the " + upper + " margin"
            : decision == Decision.FAIL ? "lies above the " + upper + " margin" : "contains the " + upper + " margin";
      case DECREASE:
        return decision == Decision.PASS ? "lies above the " + lower + " margin"
            : decision == Decision.FAIL ? "lies below the " + lower + " margin" : "contains the " + lower + " margin";
      default:
        String both = lower.startsWith("-") && upper.equals("+" + lower.substring(1))
            ? "the +-" + lower.substring(1) + " margin" : "the " + lower + " and " + upper + " margins";
        return decision == Decision.PASS ? "lies inside " + both
            : decision == Decision.FAIL ? "lies outside " + both : "crosses " + both;
    }
  }
}
