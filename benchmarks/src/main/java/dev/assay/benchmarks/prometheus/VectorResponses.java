/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks.prometheus;

import dev.assay.gotext.GoText;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Realistic Prometheus vector responses: per-pod rates with a handful of labels each. */
final class VectorResponses {
  private VectorResponses() {}

  /**
   * A vector response body.
   *
   * @param series how many series
   * @param seed the random seed (values are random rates, printed as Go prints them)
   * @return the JSON bytes
   */
  static byte[] vector(int series, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder(series * 200);
    b.append("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < series; i++) {
      if (i > 0) {
        b.append(',');
      }
      String value;
      switch (i % 4) {
        case 0:
          value = GoText.formatFloat(random.nextDouble() * 100); // a rate: usually 16-17 digits
          break;
        case 1:
          value = GoText.formatFloat(random.nextInt(100_000)); // a count
          break;
        case 2:
          value = GoText.formatFloat(random.nextInt(10_000) / 100.0); // a percentage
          break;
        default:
          value = GoText.formatFloat(random.nextDouble()); // a ratio
      }
      b.append("{\"metric\":{\"__name__\":\"http_requests_total\",\"namespace\":\"shop\",\"pod\":\"checkout-")
          .append(i).append("\",\"status\":\"").append(200 + (i % 5) * 100).append("\"},\"value\":[1700001800.123,\"")
          .append(value).append("\"]}");
    }
    return b.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
