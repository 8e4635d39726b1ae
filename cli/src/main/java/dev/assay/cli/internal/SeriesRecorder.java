/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps a series provider of the statistical judge so that the numbers it returned are kept with the measurement:
 * the judge copies a series provider's metadata under {@code canary.} and {@code baseline.}, so the key
 * {@value #SAMPLE_KEY} becomes {@code canary.sample} and {@code baseline.sample}, and the HTML report can draw both
 * samples from the saved run alone.
 */
final class SeriesRecorder extends ForwardingProvider {
  /** The metadata key holding the sample as comma-separated numbers. */
  static final String SAMPLE_KEY = "sample";

  /** At most this many values are kept, so a saved run stays small. */
  static final int MAX_VALUES = 2000;

  SeriesRecorder(MetricProvider delegate) {
    super(delegate);
  }

  @Override
  ProviderResult observed(ProviderResult result) {
    if (!(result instanceof ProviderResult.Observed)) {
      return result;
    }
    Object value = ((ProviderResult.Observed) result).value();
    if (!(value instanceof List) || ((List<?>) value).isEmpty() || ((List<?>) value).size() > MAX_VALUES) {
      return result;
    }
    StringBuilder b = new StringBuilder();
    for (Object v : (List<?>) value) {
      if (!(v instanceof Number)) {
        return result;
      }
      b.append(b.length() == 0 ? "" : ",").append(((Number) v).doubleValue());
    }
    Map<String, String> metadata = new LinkedHashMap<>(result.metadata());
    metadata.put(SAMPLE_KEY, b.toString());
    return result.withMetadata(metadata);
  }
}
