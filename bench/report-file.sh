#!/usr/bin/env bash
# Audits a generated activity report offline and, on the same file, has jq select the same identities
# (inactive for more than 90 days, or never authenticated); prints wall time and peak memory of each run,
# the medians, and iam-audit's medians as a fraction of jq's. Each run also times bench/JacksonFloor.java, which
# only reads the report and writes as much JSON as iam-audit does: the least a fresh JVM needs for the I/O.
# Then times the default formats once.
#   bench/report-file.sh [IDENTITIES] [RUNS]      (default 300000 and 5; needs target/iam-audit.jar, jq, GNU time)
# JAVA_OPTS, when set, goes to the iam-audit runs, e.g. JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1".
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=target/iam-audit.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
java bench/GenerateReport.java "$n" > "$work/report.json"
echo "report: $n identities, $(du -m "$work/report.json" | cut -f1) MB${JAVA_OPTS:+; iam-audit runs with $JAVA_OPTS}"
# The report ends 2026-11-20T06:00Z; 90 days before is 2026-08-22.
filter='(.users[], .apikeys[], .serviceids[], .profiles[])
  | select(.last_authn == null or (.last_authn | .[0:10]) < "2026-08-22")'

# Each run starts without the previous run's output: replacing a file of hundreds of MB makes the file system
# release its blocks, which would be timed as part of the next run.
timed() {
  local label=$1 stdout=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$stdout" || true
  read -r wall kb < <(tail -n 1 "$work/time")
  echo "$wall $kb" >> "$work/$label.times"
  printf '%-9s wall %5.2f s, peak RSS %4d MB\n' "$label" "$wall" $((kb / 1024))
}
# Compiled beforehand so that javac is not timed.
mkdir "$work/classes"
javac -d "$work/classes" -cp "$jar" bench/JacksonFloor.java
for run in $(seq 1 "$runs"); do
  rm -f "$work/jq.out"
  timed jq "$work/jq.out" jq -c "$filter" "$work/report.json"
  rm -rf "$work/out"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  timed iam-audit /dev/null java ${JAVA_OPTS:-} -jar "$jar" --report-file "$work/report.json" --format json --out "$work/out" --quiet
  rm -f "$work/floor.json"
  timed floor /dev/null java -cp "$jar:$work/classes" JacksonFloor "$work/report.json" "$work/floor.json"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for label in jq iam-audit floor; do
  wall=$(cut -d' ' -f1 "$work/$label.times" | median)
  kb=$(cut -d' ' -f2 "$work/$label.times" | median)
  echo "$label $wall $kb" >> "$work/medians"
  printf '%-9s median of %d: wall %5.2f s, peak RSS %4d MB\n' "$label" "$runs" "$wall" "$(awk -v k="$kb" 'BEGIN { printf "%d", k / 1024 }')"
done
awk '{ w[$1] = $2; m[$1] = $3 } END { printf "iam-audit / jq: %.2fx the wall time, %.2fx the peak memory\n", w["iam-audit"] / w["jq"], m["iam-audit"] / m["jq"] }' "$work/medians"
echo "floor: Jackson alone reading the report and writing $(du -m "$work/floor.json" | cut -f1) MB of JSON" \
  "($(awk '{ w[$1] = $2 } END { printf "%.2fx", w["floor"] / w["jq"] }' "$work/medians") jq's wall time)"
echo "jq selected $(wc -l < "$work/jq.out") identities;" \
  "iam-audit reported $(grep -c '^{"rule":' "$work/out/iam-audit.json") findings" \
  "($(du -m "$work/out/iam-audit.json" | cut -f1) MB of JSON)"
rm -rf "$work/out"
# shellcheck disable=SC2086
timed default /dev/null java ${JAVA_OPTS:-} -jar "$jar" --report-file "$work/report.json" --out "$work/out" --quiet
echo "default formats (sarif, junit, json): $(du -cm "$work"/out/* | tail -1 | cut -f1) MB of reports"
