#!/usr/bin/env bash
# A full live audit against the simulator with 25 ms of latency on every call: about 2,000 API keys, with
# apikey-high-usage enabled so every key's activity is fetched too (the most calls a run can make).
# Prints the wall time and how many calls ran at once.
#   bench/live-audit.sh [IDENTITIES] [LATENCY_MS]     (default 2667 identities = 2,000 API keys, 25 ms)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2667}
latency=${2:-25}
jar=$PWD/target/iam-audit.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
java -jar "$jar" simulator --generate "$n" --latency-ms "$latency" > "$work/simulator.out" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -q 'listening on' "$work/simulator.out" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/simulator.out")
key=$(sed -n 's/.*IBMCLOUD_API_KEY=\(.*\)/\1/p' "$work/simulator.out")
sed -n 2p "$work/simulator.out"
printf 'rules:\n  apikey-high-usage: { enabled: true }\n' > "$work/iam-audit.yml"
cd "$work"
start=$(date +%s.%N)
IBMCLOUD_API_KEY=$key java -jar "$jar" --iam-url "$url" --user-management-url "$url" --report-timeout 2m \
  --format json > "$work/run.out" 2>&1 || true
end=$(date +%s.%N)
grep -E '^(Fetched|Triggered)' "$work/run.out"
echo "full audit with ${latency} ms per call: wall $(echo "$end - $start" | bc) s"
