#!/usr/bin/env bash
# Cold start of the assay command, as docs/cli.md quotes it: N runs (default 10) of `bin/assay lint` on the five
# shipped templates and of `bin/assay eval`, each a new JVM; min and median of the wall time, and the median CPU
# time (user + sys, which contention from other processes does not inflate), then the same without the CDS archive.
# Usage, from the repository root after `mvn -B -pl cli -am package -DskipTests`: cli/src/build/cold-start.sh [runs]
set -euo pipefail
runs=${1:-10}
templates=(core/assay-canary/src/main/resources/dev/assay/templates/*.yaml)
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
measure() {
  local label="$1"; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$timing" -f '%e %U %S' "$@" >/dev/null
    read -r wall user sys < "$timing"
    walls+=("$(awk -v w="$wall" 'BEGIN { print int(w * 1000 + 0.5) }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print int((u + s) * 1000 + 0.5) }')")
  done
  printf '%-34s wall min %4d ms, median %4d ms; CPU median %4d ms   (wall: %s)\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "${walls[*]}"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "assay lint (5 shipped templates)" bin/assay lint "${templates[@]}"
measure "assay eval" bin/assay eval 'len(result) > 0 && result[0] < 0.05' --result '[0.012]'
export ASSAY_JAVA_OPTS=-Xshare:off
measure "  same lint, no CDS archive" bin/assay lint "${templates[@]}"
measure "  same eval, no CDS archive" bin/assay eval 'len(result) > 0 && result[0] < 0.05' --result '[0.012]'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
