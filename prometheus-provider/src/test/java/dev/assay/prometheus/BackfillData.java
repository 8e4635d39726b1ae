/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import java.time.Instant;

/**
 * Deterministic OpenMetrics backfill data: 30 minutes at one sample per 15 s from {@link #T0}. Requests grow by
 * 10/s with status 200 and 0.5/s with status 500, so the 5-minute error ratio is exactly 0.5/10.5; a latency
 * histogram gets 200 observations per step with buckets 0.05: 100, 0.1: 160, 0.25: 190, 0.5: 196, 1: 200, so
 * the p99 (rank 198 in the 0.5–1 bucket) interpolates to exactly 0.75.
 */
public final class BackfillData {
  /** The first sample time, 2023-11-14T22:13:20Z. */
  public static final long T0 = 1_700_000_000L;

  /** The last sample time (T0 + 30 min): query here for the values above. */
  public static final Instant END = Instant.ofEpochSecond(T0 + 1800);

  /** The error-rate query. */
  public static final String ERROR_RATE =
      "sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))";

  /** The latency p99 query. */
  public static final String LATENCY_P99 =
      "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))";

  private static final int STEP = 15;
  private static final int SAMPLES = 121;

  private BackfillData() {}

  /**
   * The OpenMetrics text.
   *
   * @return the text, ending with {@code # EOF}
   */
  public static String openMetrics() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP http_requests Total HTTP requests.\n# TYPE http_requests counter\n");
    String[][] statuses = {{"200", "150"}, {"500", "7.5"}};
    for (String[] s : statuses) {
      double perStep = Double.parseDouble(s[1]);
      for (int i = 0; i < SAMPLES; i++) {
        out.append("http_requests_total{status=\"").append(s[0]).append("\"} ").append(perStep * i).append(' ')
            .append(T0 + (long) STEP * i).append('\n');
      }
    }
    out.append("# HELP http_request_duration_seconds Request latency.\n")
        .append("# TYPE http_request_duration_seconds histogram\n");
    String[] le = {"0.05", "0.1", "0.25", "0.5", "1.0", "+Inf"};
    int[] counts = {100, 160, 190, 196, 200, 200};
    for (int i = 0; i < SAMPLES; i++) {
      long ts = T0 + (long) STEP * i;
      for (int b = 0; b < le.length; b++) {
        out.append("http_request_duration_seconds_bucket{le=\"").append(le[b]).append("\"} ")
            .append((long) counts[b] * i).append(' ').append(ts).append('\n');
      }
      out.append("http_request_duration_seconds_count ").append(200L * i).append(' ').append(ts).append('\n');
      out.append("http_request_duration_seconds_sum ").append(12.0 * i).append(' ').append(ts).append('\n');
    }
    return out.append("# EOF\n").toString();
  }
}
