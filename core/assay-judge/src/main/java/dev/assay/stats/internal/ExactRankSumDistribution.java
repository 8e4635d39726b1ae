/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact null distribution of the Mann-Whitney statistic {@code U} (R's {@code W}) for samples of sizes
 * {@code m} and {@code n} without ties, with R's {@code pwilcox} and {@code qwilcox} summation rules so that
 * p-values and interval ranks agree with R.
 *
 * <p>The counts come from the recurrence on the largest observation, {@code N(m,n,u) = N(m-1,n,u-n) + N(m,n-1,u)},
 * which only adds non-negative numbers and so keeps full relative precision. It costs about {@code m^2 n^2 / 4}
 * additions (about a millisecond for 49 x 49), which is why the exact method is limited to small samples and why
 * {@link #of(int, int)} keeps the most recently used tables. Immutable and thread-safe.
 */
public final class ExactRankSumDistribution {
  /** Largest {@code m * n} accepted (a 100 x 100 table takes about 25 million additions). */
  public static final int MAX_CELLS = 10_000;

  private static final int CACHED_TABLES = 32;

  // A canary analysis judges the same sample sizes again and again; the table depends only on (m, n).
  private static final Map<Long, ExactRankSumDistribution> RECENT =
      new LinkedHashMap<>(CACHED_TABLES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ExactRankSumDistribution> eldest) {
          return size() > CACHED_TABLES;
        }
      };

  private final int m;
  private final int n;
  private final double[] counts;
  private final double total;

  /**
   * Tabulates the distribution.
   *
   * @param m size of the first sample, at least 1
   * @param n size of the second sample, at least 1
   */
  public ExactRankSumDistribution(int m, int n) {
    if (m < 1 || n < 1 || (long) m * n > MAX_CELLS) {
      throw new IllegalArgumentException(
          "exact distribution needs 1 <= m, n and m * n <= " + MAX_CELLS + ", but was m=" + m + ", n=" + n);
    }
    this.m = m;
    this.n = n;
    int cells = m * n;
    // rows[a][u] holds N(a, b, u) for the current b
    double[][] rows = new double[m + 1][cells + 1];
    for (int a = 0; a <= m; a++) {
      rows[a][0] = 1.0;
    }
    for (int b = 1; b <= n; b++) {
      for (int a = 1; a <= m; a++) {
        double[] row = rows[a];
        double[] shorter = rows[a - 1];
        int top = a * b;
        for (int u = b; u <= top; u++) {
          row[u] += shorter[u - b];
        }
      }
    }
    this.counts = rows[m];
    double sum = 0;
    for (double c : counts) {
      sum += c;
    }
    this.total = sum;
  }

  /**
   * The distribution for sizes {@code m} and {@code n}, from a small cache of recently used tables.
   *
   * @param m size of the first sample, at least 1
   * @param n size of the second sample, at least 1
   * @return the distribution
   */
  public static ExactRankSumDistribution of(int m, int n) {
    Long key = ((long) m << 32) | n;
    synchronized (RECENT) {
      ExactRankSumDistribution cached = RECENT.get(key);
      if (cached != null) {
        return cached;
      }
    }
    // built outside the lock: two threads may build the same table, which is harmless
    ExactRankSumDistribution built = new ExactRankSumDistribution(m, n);
    synchronized (RECENT) {
      RECENT.put(key, built);
    }
    return built;
  }

  /**
   * {@code P(U <= q)} when {@code lowerTail}, else {@code P(U > q)}; R's {@code pwilcox(q, m, n, lowerTail)}.
   *
   * @param q the quantile
   * @param lowerTail which tail
   * @return the probability
   */
  public double cumulative(double q, boolean lowerTail) {
    double k = Math.floor(q + 1e-7);
    if (k < 0) {
      return lowerTail ? 0.0 : 1.0;
    }
    int cells = m * n;
    if (k >= cells) {
      return lowerTail ? 1.0 : 0.0;
    }
    double p = 0;
    boolean lower = lowerTail;
    // sum over the shorter range, as R does, so small tail probabilities keep their precision
    if (k <= cells / 2.0) {
      for (int i = 0; i <= k; i++) {
        p += counts[i] / total;
      }
    } else {
      int upper = (int) (cells - k);
      for (int i = 0; i < upper; i++) {
        p += counts[i] / total;
      }
      lower = !lower;
    }
    return lower ? p : 0.5 - p + 0.5;
  }

  /**
   * The smallest {@code q} with {@code P(U <= q) >= p}; R's {@code qwilcox(p, m, n)}.
   *
   * @param p a probability in [0, 1]
   * @return the quantile, between 0 and {@code m * n}
   */
  public int quantile(double p) {
    if (p == 0) {
      return 0;
    }
    if (p == 1) {
      return m * n;
    }
    double sum = 0;
    int q = 0;
    if (p <= 0.5) {
      double target = p - 10 * Math.ulp(1.0);
      while (true) {
        sum += counts[q] / total;
        if (sum >= target) {
          return q;
        }
        q++;
      }
    }
    double target = 1 - p + 10 * Math.ulp(1.0);
    while (true) {
      sum += counts[q] / total;
      if (sum > target) {
        return m * n - q;
      }
      q++;
    }
  }
}
