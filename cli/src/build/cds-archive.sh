#!/usr/bin/env bash
# Builds the class-data-sharing archive cli/target/assay.jsa for a fast cold start (docs/cli.md, "Start-up time").
# It records the classes that typical commands load (eval, describe, report, lint when present, --help), then
# dumps them into one static archive. bin/assay passes it with -XX:SharedArchiveFile; a JVM that cannot use it
# (another Java version, a moved jar) silently runs without it (-Xshare:auto).
set -euo pipefail
target="$1"
templates="$2"   # the shipped templates, linted in the training run
jar="$target/assay.jar"
work="$target/cds"
rm -rf "$work" && mkdir -p "$work"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cat > "$work/template.yaml" <<'YAML'
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: cds-training
spec:
  metrics:
  - name: error-rate
    interval: 1m
    count: 3
    successCondition: len(result) > 0 && result[0] < 0.05
    provider:
      prometheus:
        address: http://127.0.0.1:1
        query: sum(rate(errors[2m]))
YAML
cat > "$work/run.yaml" <<'YAML'
apiVersion: argoproj.io/v1alpha1
kind: AnalysisRun
metadata:
  name: cds-training
spec:
  metrics:
  - name: error-rate
    interval: 1m
    count: 1
    successCondition: len(result) > 0 && result[0] < 0.05
    provider:
      prometheus:
        address: http://127.0.0.1:1
        query: sum(rate(errors[2m]))
status:
  phase: Successful
  startedAt: "2026-01-01T00:00:00Z"
  metricResults:
  - name: error-rate
    phase: Successful
    count: 1
    successful: 1
    measurements:
    - phase: Successful
      startedAt: "2026-01-01T00:00:00Z"
      finishedAt: "2026-01-01T00:00:00Z"
      value: "[0.01]"
YAML
record() {
  local name="$1"; shift
  "$java" -Xshare:off -XX:DumpLoadedClassList="$work/$name.classlist" -jar "$jar" "$@" >/dev/null 2>&1 || true
}
record eval eval 'len(result) > 0 && result[0] < 0.05' --result '[0.01]' --failure 'result[0] >= 0.1'
record describe describe "$work/run.yaml"
record report report "$work/run.yaml" -o "$work/run.html"
record help --help
record lint lint "$work/template.yaml" "$templates"/*.yaml
sort -u "$work"/*.classlist > "$work/all.classlist"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:SharedArchiveFile="$target/assay.jsa" \
  -cp "$jar" >"$work/dump.log" 2>&1 || { cat "$work/dump.log"; exit 1; }
echo "CDS archive: $target/assay.jsa ($(wc -l < "$work/all.classlist") classes listed)"
