#!/usr/bin/env bash
# The offline audit at scale (issue 14): an N-identity report (default 1,000,000) audited with the default formats
# (sarif, junit, json) in a 256 MB heap, next to jq filtering the same file in the same run, RUNS times each (default
# 5), with the medians, iam-audit's wall time as a fraction of jq's, and the reports' size against iam-audit.json
# alone; then one run of a LARGE-identity report (default 3,000,000) in a 512 MB heap. Each run also times
# bench/JacksonFloor.java writing every string of the report 6 times, about as much as the default formats write:
# what a fresh JVM pays in the same heap for reading the report and writing that much, and nothing else.
#   bench/scale.sh [IDENTITIES] [RUNS] [LARGE]     (needs target/iam-audit.jar, jq, GNU time; LARGE 0 skips it)
# JAVA_OPTS, when set, is added to the iam-audit runs after the heap size.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-5}
large=${3:-3000000}
jar=target/iam-audit.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same selection as bench/report-file.sh: inactive for more than 90 days before the report's end, or never.
filter='(.users[], .apikeys[], .serviceids[], .profiles[])
  | select(.last_authn == null or (.last_authn | .[0:10]) < "2026-08-22")'

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Runs "$@" under GNU time into $stdout; appends "wall kb exit" to $work/$label.times and prints them.
timed() {
  local label=$1 stdout=$2 status=0
  shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$stdout" 2> "$work/$label.err" || status=$?
  read -r wall kb < <(tail -n 1 "$work/time")
  echo "$wall $kb $status" >> "$work/$label.times"
  printf '%-9s wall %6.2f s, peak RSS %5d MB, exit %d\n' "$label" "$wall" $((kb / 1024)) "$status"
}

java bench/GenerateReport.java "$n" > "$work/report.json"
# Compiled beforehand so that javac is not timed.
mkdir "$work/classes"
javac -d "$work/classes" -cp "$jar" bench/JacksonFloor.java
echo "report: $n identities, $(mb "$(stat -c %s "$work/report.json")") MB; uptime:$(uptime | sed 's/.*load/ load/')"
for _ in $(seq 1 "$runs"); do
  # Each run starts without the previous run's output, whose deletion would otherwise be timed in it.
  rm -f "$work/jq.out"
  timed jq "$work/jq.out" jq -c "$filter" "$work/report.json"
  rm -rf "$work/out"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  timed iam-audit /dev/null java -Xmx256m ${JAVA_OPTS:-} -jar "$jar" --report-file "$work/report.json" \
    --out "$work/out" --quiet
  rm -f "$work/floor.json"
  timed floor /dev/null java -Xmx256m -cp "$jar:$work/classes" JacksonFloor "$work/report.json" "$work/floor.json" 6
done
[ "$(cut -d' ' -f3 "$work/iam-audit.times" | sort -u)" = 1 ] \
  || { echo "iam-audit did not end with the failed gate (exit 1) every time:" >&2; cat "$work/iam-audit.err" >&2; exit 3; }
for label in jq iam-audit floor; do
  wall=$(cut -d' ' -f1 "$work/$label.times" | median)
  kb=$(cut -d' ' -f2 "$work/$label.times" | median)
  echo "$label $wall $kb" >> "$work/medians"
  printf '%-9s median of %d: wall %6.2f s, peak RSS %5d MB\n' "$label" "$runs" "$wall" \
    "$(awk -v k="$kb" 'BEGIN { printf "%d", k / 1024 }')"
done
awk '{ w[$1] = $2; m[$1] = $3 } END { printf "iam-audit / jq: %.2fx the wall time (target 0.5x), %.2fx the peak memory\n",
  w["iam-audit"] / w["jq"], m["iam-audit"] / m["jq"]; printf "floor / jq: %.2fx the wall time\n", w["floor"] / w["jq"] }' \
  "$work/medians"
json=$(stat -c %s "$work/out/iam-audit.json")
total=0
for file in "$work"/out/*; do
  size=$(stat -c %s "$file")
  total=$((total + size))
  printf '  %-20s %9s MB\n' "$(basename "$file")" "$(mb "$size")"
done
awk -v t="$total" -v j="$json" 'BEGIN { printf "reports: %.1f MB, %.2fx iam-audit.json (target 2x)\n", t / 1048576, t / j }'
echo "floor: Jackson alone wrote $(mb "$(stat -c %s "$work/floor.json")") MB"
echo "jq selected $(wc -l < "$work/jq.out") identities; iam-audit reported $(grep -c '^{"rule":' "$work/out/iam-audit.json") findings"
rm -rf "$work/out" "$work/jq.out" "$work/report.json" "$work/floor.json"

if [ "$large" -gt 0 ]; then
  java bench/GenerateReport.java "$large" > "$work/large.json"
  echo "report: $large identities, $(mb "$(stat -c %s "$work/large.json")") MB"
  # shellcheck disable=SC2086
  timed large /dev/null java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --report-file "$work/large.json" \
    --out "$work/out" --quiet
  [ "$(cut -d' ' -f3 "$work/large.times")" = 1 ] \
    || { echo "the large run did not end with the failed gate (exit 1):" >&2; cat "$work/large.err" >&2; exit 3; }
  echo "large: completed in a 512 MB heap; reports $(mb "$(du -cb "$work"/out/* | tail -1 | cut -f1)") MB"
fi
