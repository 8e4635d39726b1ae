/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.expr.internal.Program;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Compares Assay with expr-lang v1.17.8 (Argo's version) on the generated cases in
 * {@code src/test/resources/expr/differential/cases.jsonl}; see the README.md beside them for how they were made.
 * A case agrees when both give the same value, or both give an error; the error texts are compared separately.
 */
class ConditionDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Go's location suffix of a {@code file.Error}: Argo unwraps it to the bare message. */
  private static final Pattern LOCATION = Pattern.compile(" \\(\\d+:\\d+\\)\\n \\| ", Pattern.DOTALL);
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void agreesWithExprLangOnGeneratedCases() throws IOException {
    List<JsonNode> cases = load();
    int agree = 0;
    int sharedErrors = 0;
    int sameErrorText = 0;
    List<String> misses = new ArrayList<>();
    List<String> textMisses = new ArrayList<>();
    for (JsonNode c : cases) {
      String expr = c.get("expr").asText();
      boolean floats = c.get("floats").asBoolean();
      JsonNode go = c.get("go");
      Object result = toJava(c.get("env").get("result"), floats);
      Answer mine = evaluate(expr, result);
      if (go.has("error")) {
        String goError = bare(go.get("error").asText());
        if (mine.error != null) {
          agree++;
          sharedErrors++;
          if (goError.equals(mine.error)) {
            sameErrorText++;
          } else {
            textMisses.add(expr + "  [" + c.get("env").get("result") + "]\n    go:    " + goError
                + "\n    assay: " + mine.error);
          }
        } else {
          misses.add(expr + "  [" + c.get("env").get("result") + "]\n    go error: " + goError
              + "\n    assay:    " + render(mine.value));
        }
      } else if (mine.error != null) {
        misses.add(expr + "  [" + c.get("env").get("result") + "]\n    go:          "
            + (go.has("value") ? go.get("value") : "(unencodable)") + "\n    assay error: " + mine.error);
      } else if (go.has("unencodable") || same(go.get("value"), mine.value)) {
        agree++;
      } else {
        misses.add(expr + "  [" + c.get("env").get("result") + "]\n    go:    " + go.get("value")
            + "\n    assay: " + render(mine.value));
      }
    }
    double agreement = 100.0 * agree / cases.size();
    double errorText = 100.0 * sameErrorText / Math.max(1, sharedErrors);
    System.out.printf("expr-lang v1.17.8 differential: %d/%d cases agree (%.2f%%); error texts %d/%d (%.2f%%)%n",
        agree, cases.size(), agreement, sameErrorText, sharedErrors, errorText);
    misses.stream().limit(100).forEach(m -> System.out.println("MISS " + m));
    textMisses.stream().limit(100).forEach(m -> System.out.println("TEXT " + m));
    writeReport(misses, textMisses);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(5000);
    assertThat(agreement).as("agreement in %").isGreaterThanOrEqualTo(99.5);
    assertThat(errorText).as("same error text in % of shared errors").isGreaterThanOrEqualTo(95.0);
  }

  /** Every difference, for whoever works on the next one: {@code target/expr-differential.txt}. */
  private static void writeReport(List<String> misses, List<String> textMisses) throws IOException {
    StringBuilder sb = new StringBuilder();
    misses.forEach(m -> sb.append("MISS ").append(m).append('\n'));
    textMisses.forEach(m -> sb.append("TEXT ").append(m).append('\n'));
    java.nio.file.Path out = java.nio.file.Path.of("target", "expr-differential.txt");
    if (java.nio.file.Files.isDirectory(out.getParent())) {
      java.nio.file.Files.writeString(out, sb);
    }
  }

  private record Answer(@Nullable Object value, @Nullable String error) {}

  private static Answer evaluate(String expr, @Nullable Object result) {
    try {
      ResultType type = ResultType.of(result);
      Program p = Program.compile(expr, Map.of("result", type.type()), true, ExpressionLimits.DEFAULTS);
      return new Answer(p.eval(result, NOW), null);
    } catch (ExpressionException ex) {
      return new Answer(null, ex.reason());
    }
  }

  private static List<JsonNode> load() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(
        ConditionDifferentialTest.class.getResourceAsStream("/expr/differential/cases.jsonl"), "cases.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  static String bare(String goError) {
    Matcher m = LOCATION.matcher(goError);
    return m.find() ? goError.substring(0, m.start()) : goError;
  }

  /** The reference evaluator's decoding: numbers are float64, "NaN"/"+Inf"/"-Inf" strings are the floats. */
  static @Nullable Object toJava(JsonNode n, boolean floats) {
    if (n.isNull()) {
      return null;
    } else if (n.isNumber()) {
      return n.asDouble();
    } else if (n.isTextual()) {
      switch (n.asText()) {
        case "NaN": return Double.NaN;
        case "+Inf": case "Inf": return Double.POSITIVE_INFINITY;
        case "-Inf": return Double.NEGATIVE_INFINITY;
        default: return n.asText();
      }
    } else if (n.isBoolean()) {
      return n.asBoolean();
    } else if (n.isArray()) {
      List<Object> items = new ArrayList<>();
      boolean numbers = true;
      for (JsonNode e : n) {
        Object v = toJava(e, floats);
        numbers &= v instanceof Double;
        items.add(v);
      }
      if (floats && numbers) {
        return FloatVector.of(items.stream().mapToDouble(o -> (Double) o).toArray());
      }
      return items;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      m.put(e.getKey(), toJava(e.getValue(), floats));
    }
    return m;
  }

  /** Whether Assay's value prints as the reference evaluator printed Go's value. */
  static boolean same(JsonNode go, @Nullable Object mine) {
    if (mine == null) {
      return go.isNull();
    } else if (mine instanceof Boolean) {
      return go.isBoolean() && go.asBoolean() == (Boolean) mine;
    } else if (mine instanceof Double || mine instanceof Float) {
      double d = ((Number) mine).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return go.isTextual() && go.asText().equals(Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf");
      }
      return go.isNumber() && go.asDouble() == d;
    } else if (mine instanceof Number) {
      return go.isNumber() && go.asDouble() == ((Number) mine).doubleValue();
    } else if (mine instanceof String) {
      return go.isTextual() && go.asText().equals(mine);
    } else if (mine instanceof Duration) {
      return go.isNumber() && go.asLong() == ((Duration) mine).toNanos();
    } else if (mine instanceof Instant) {
      return go.isTextual() && go.asText().equals(DateTimeFormatter.ISO_INSTANT.format((Instant) mine));
    } else if (mine instanceof byte[]) {
      return go.isTextual() && go.asText().equals(Base64.getEncoder().encodeToString((byte[]) mine));
    } else if (mine instanceof List) {
      List<?> l = (List<?>) mine;
      if (!go.isArray() || go.size() != l.size()) {
        return go.isNull() && l.isEmpty();
      }
      for (int i = 0; i < l.size(); i++) {
        if (!same(go.get(i), l.get(i))) {
          return false;
        }
      }
      return true;
    } else if (mine instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) mine;
      if (!go.isObject() || go.size() != m.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        JsonNode g = go.get(String.valueOf(e.getKey()));
        if (g == null || !same(g, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String render(@Nullable Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (IOException ex) {
      return String.valueOf(v);
    }
  }
}
