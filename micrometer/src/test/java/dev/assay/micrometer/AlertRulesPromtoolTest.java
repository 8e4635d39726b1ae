/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped alert rules, checked and unit-tested by promtool on series scraped from real engine runs
 * ({@link CanaryTimeline}): each alert fires when it must, with its labels, summary and runbook, and every alert
 * stays silent for a healthy canary.
 */
class AlertRulesPromtoolTest {
  private static final int MINUTES = 60;
  private static final List<String> ALERTS = List.of("AssayAnalysisRunFailed", "AssayAnalysisRunStalled",
      "AssayMeasurementErrorRatioHigh", "AssayPlanRolledBack", "AssayPlanPausedInconclusive");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir
  Path dir;

  @Test
  void theShippedRulesPassPromtoolCheck() throws Exception {
    Files.writeString(dir.resolve("assay-alerts.yaml"), AlertRules.yaml());
    Promtool.Result r = Promtool.run(dir, "check", "rules", "assay-alerts.yaml");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: 5 rules found");
  }

  @Test
  void rulesForArgosOwnNamesPassPromtoolCheckAndNameNoPrefixedMetric() throws Exception {
    String rules = AlertRules.yaml("", "rollout_");
    Files.writeString(dir.resolve("argo-names.yaml"), rules);
    Promtool.Result r = Promtool.run(dir, "check", "rules", "argo-names.yaml");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(rules.lines().filter(l -> !l.startsWith("#"))).noneMatch(l -> l.contains("argo_rollouts_"));
    assertThat(rules).contains("rollout_info{phase=\"Degraded\"}")
        .contains("analysis_run_phase{phase=~\"Failed|Error\"}");
  }

  @Test
  void eachAlertFiresOnTheFaultyTimelineWithItsLabelsAndAnnotations() throws Exception {
    SeriesRecorder faulty = CanaryTimeline.faulty(MINUTES);
    Map<String, Map<String, String>> annotations = annotations();
    List<Map<String, Object>> checks = new ArrayList<>();
    Map<String, String> failedRun = labels("critical", "name", "proxy-api-bad-1-bad", "phase", "Failed");
    check(checks, annotations, "2m", "AssayAnalysisRunFailed", failedRun);
    // The completed run's series leave 10 minutes (engine time) after it completed; so does the alert.
    check(checks, annotations, "15m", "AssayAnalysisRunFailed");
    Map<String, String> rolledBack = labels("critical", "name", "proxy-api-bad", "strategy", "canary", "phase",
        "Degraded");
    check(checks, annotations, "2m", "AssayPlanRolledBack", rolledBack);
    check(checks, annotations, "50m", "AssayPlanRolledBack", rolledBack);
    Map<String, String> inconclusive = labels("warning", "name", "proxy-api-unsure", "reason",
        "InconclusiveAnalysisRun");
    check(checks, annotations, "20m", "AssayPlanPausedInconclusive"); // pending: paused for less than 30m
    check(checks, annotations, "45m", "AssayPlanPausedInconclusive", inconclusive);
    // The wedged engine measured at minutes 0..5; 3 intervals of 1m later the run counts as stalled.
    check(checks, annotations, "5m", "AssayAnalysisRunStalled");
    check(checks, annotations, "7m", "AssayAnalysisRunStalled");
    Map<String, String> stalled = labels("warning", "name", "stalled-run");
    check(checks, annotations, "10m", "AssayAnalysisRunStalled", stalled);
    check(checks, annotations, "40m", "AssayAnalysisRunStalled", stalled);
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put("severity", "warning");
    errors.put("provider", "prometheus");
    errors.put("metric", CannedProvider.FLAKY);
    check(checks, annotations, "0m", "AssayMeasurementErrorRatioHigh"); // one sample: no increase() yet
    check(checks, annotations, "15m", "AssayMeasurementErrorRatioHigh", errors);

    runPromtoolTest("faulty", faulty, checks);
  }

  @Test
  void noAlertFiresForAHealthyCanary() throws Exception {
    SeriesRecorder healthy = CanaryTimeline.healthy(MINUTES);
    assertThat(healthy.values("argo_rollouts_info{name=\"proxy-api-good\",namespace=\"prod\",phase=\"Healthy\","
        + "strategy=\"canary\"}")).as("the healthy plan was promoted").containsKey(MINUTES - 1);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (String time : List.of("1m", "5m", "15m", "35m", "59m")) {
      for (String alert : ALERTS) {
        check(checks, Map.of(), time, alert);
      }
    }
    runPromtoolTest("healthy", healthy, checks);
  }

  private void runPromtoolTest(String name, SeriesRecorder series, List<Map<String, Object>> checks)
      throws Exception {
    Files.writeString(dir.resolve("assay-alerts.yaml"), AlertRules.yaml());
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("name", name);
    test.put("interval", "1m");
    test.put("input_series", series.inputSeries());
    test.put("alert_rule_test", checks);
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("rule_files", List.of("assay-alerts.yaml"));
    file.put("evaluation_interval", "1m");
    file.put("tests", List.of(test));
    // JSON is YAML; it keeps quotes and non-ASCII label values exact.
    Path testFile = dir.resolve(name + "-test.yaml");
    Files.writeString(testFile, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    Promtool.Result r = Promtool.run(dir, "test", "rules", testFile.getFileName().toString());
    assertThat(r.exitCode()).as("promtool test rules %s:%n%s", testFile, r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }

  /** The labels of an expected alert: the rule's severity, the namespace, then name/value pairs. */
  private static Map<String, String> labels(String severity, String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("severity", severity);
    m.put("namespace", CanaryTimeline.NAMESPACE);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @SafeVarargs
  private static void check(List<Map<String, Object>> checks, Map<String, Map<String, String>> annotations,
      String evalTime, String alert, Map<String, String>... expected) {
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, String> labels : expected) {
      Map<String, String> rendered = new LinkedHashMap<>();
      annotations.get(alert).forEach((k, template) -> rendered.put(k, render(template, labels)));
      alerts.add(Map.of("exp_labels", labels, "exp_annotations", rendered));
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("eval_time", evalTime);
    c.put("alertname", alert);
    c.put("exp_alerts", alerts);
    checks.add(c);
  }

  /** Expands the {@code {{ $labels.x }}} references the shipped annotations use; anything else fails the test. */
  private static String render(String template, Map<String, String> labels) {
    Matcher m = Pattern.compile("\\{\\{ \\$labels\\.([a-z_]+) }}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(labels.get(m.group(1))));
    }
    m.appendTail(out);
    assertThat(out.toString()).doesNotContain("{{");
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, String>> annotations() throws Exception {
    Map<String, Object> rules = YAML.readValue(AlertRules.yaml(), Map.class);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        out.put((String) rule.get("alert"), (Map<String, String>) rule.get("annotations"));
      }
    }
    assertThat(out).containsOnlyKeys(ALERTS);
    out.values().forEach(a -> assertThat(a).containsKeys("summary", "runbook"));
    return out;
  }
}
