/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** The outcome of a {@link CanaryJudge}. */
public enum Decision {
  /** The canary is acceptable. */
  PASS("pass"),
  /** The canary is shown to be worse than allowed. */
  FAIL("fail"),
  /** The data cannot decide: too few points, no data, or an interval that straddles the margin. */
  INCONCLUSIVE("inconclusive");

  private final String resultName;

  Decision(String resultName) {
    this.resultName = resultName;
  }

  /**
   * The lowercase name conditions compare against ({@code result.verdict == "pass"}).
   *
   * @return {@code "pass"}, {@code "fail"} or {@code "inconclusive"}
   */
  public String resultName() {
    return resultName;
  }
}
