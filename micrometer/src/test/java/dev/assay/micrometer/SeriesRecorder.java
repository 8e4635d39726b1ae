/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns expositions recorded once per virtual minute into {@code promtool test rules} input series: one entry per
 * series, its values in expanding notation with {@code stale} in the first scrape a series was missing from (as a
 * real Prometheus marks it) and {@code _} after that.
 */
final class SeriesRecorder {
  private final Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
  private int minutes;

  /** Records the scrape taken at {@code minute} (0-based, one per minute, in order). */
  void record(int minute, String exposition) {
    for (Exposition.Sample s : Exposition.parse(exposition)) {
      series.computeIfAbsent(s.series(), k -> new TreeMap<>()).put(minute, s.value());
    }
    minutes = Math.max(minutes, minute + 1);
  }

  /** The values of one series by minute. */
  Map<Integer, Double> values(String seriesText) {
    return series.getOrDefault(seriesText, Map.of());
  }

  /** Every recorded series text. */
  List<String> seriesNames() {
    return new ArrayList<>(series.keySet());
  }

  /** The {@code input_series} list of a promtool test. */
  List<Map<String, String>> inputSeries() {
    List<Map<String, String>> out = new ArrayList<>();
    series.forEach((name, byMinute) -> {
      StringBuilder values = new StringBuilder();
      for (int m = 0; m < minutes; m++) {
        if (m > 0) {
          values.append(' ');
        }
        Double v = byMinute.get(m);
        // A series that disappears from a scrape gets a staleness marker, as a real Prometheus writes one.
        values.append(v != null ? format(v) : byMinute.containsKey(m - 1) ? "stale" : "_");
      }
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("series", name);
      entry.put("values", values.toString());
      out.add(entry);
    });
    return out;
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
