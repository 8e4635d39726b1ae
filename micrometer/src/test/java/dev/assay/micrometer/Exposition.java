/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format (version 0.0.4) for tests: each sample line becomes its series
 * (the text before the value, which is also a valid PromQL selector), its name, its decoded labels and its value.
 * Strict: a line it does not understand fails the test, so an escaping bug in the exposition shows up here.
 */
final class Exposition {
  /** One sample. */
  record Sample(String series, String name, Map<String, String> labels, double value) {}

  private Exposition() {}

  static List<Sample> parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      out.add(sample(line));
    }
    return out;
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_'
        || line.charAt(i) == ':')) {
      i++;
    }
    String name = line.substring(0, i);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no metric name in: " + line);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq);
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("label value not quoted in: " + line);
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(j + 1);
            switch (next) {
              case '\\': value.append('\\'); break;
              case '"': value.append('"'); break;
              case 'n': value.append('\n'); break;
              default: throw new IllegalArgumentException("bad escape \\" + next + " in: " + line);
            }
            j += 2;
          } else {
            value.append(c);
            j++;
          }
        }
        labels.put(key, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String series = line.substring(0, i);
    String[] rest = line.substring(i).trim().split(" ");
    String v = rest[0];
    double value = v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("-Inf") ? Double.NEGATIVE_INFINITY
        : Double.parseDouble(v);
    return new Sample(series, name, labels, value);
  }
}
