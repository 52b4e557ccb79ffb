#!/usr/bin/env bash
# Audits a generated activity report offline and, on the same file, has jq select the same identities
# (inactive for more than 90 days, or never authenticated), printing wall time and peak memory of each.
#   bench/report-file.sh [IDENTITIES]      (default 300000; needs target/iam-audit.jar, jq, GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=target/iam-audit.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
java bench/GenerateReport.java "$n" > "$work/report.json"
echo "report: $n identities, $(du -m "$work/report.json" | cut -f1) MB"
# The report ends 2026-11-20T06:00Z; 90 days before is 2026-08-22.
filter='(.users[], .apikeys[], .serviceids[], .profiles[])
  | select(.last_authn == null or (.last_authn | .[0:10]) < "2026-08-22")'
for run in 1 2 3; do
  /usr/bin/time -f "jq        run $run: wall %e s, peak RSS %M KB" jq -c "$filter" "$work/report.json" > "$work/jq.out"
  /usr/bin/time -f "iam-audit run $run: wall %e s, peak RSS %M KB" \
    java -jar "$jar" --report-file "$work/report.json" --format json --out "$work/out" --quiet > /dev/null || true
done
echo "jq selected $(wc -l < "$work/jq.out") identities;" \
  "iam-audit reported $(grep -c '^{"rule":' "$work/out/iam-audit.json") findings" \
  "($(du -m "$work/out/iam-audit.json" | cut -f1) MB of JSON)"
