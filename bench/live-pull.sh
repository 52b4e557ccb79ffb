#!/usr/bin/env bash
# A live pull of a generated account from the simulator, with latency on every call, compared in the same run with
# its critical path (bench/CriticalPath.java: the longest chain of calls that wait for each other, plus the report's
# build time) and with its floor on this machine (the same pull from a simulator without latency, whose reports are
# built at once: what the CPU alone takes). Two configurations: the default rules, and apikey-high-usage on (one
# more call per API key). Prints each run, then the medians: the pull ("Pulled account ... in S s": token to the
# last call) and the whole command (JVM start, pull, audit, --format json), each beside the critical path as a ratio.
#   bench/live-pull.sh [IDENTITIES] [LATENCY_MS] [RUNS]      (default 100000 identities, 50 ms, 5 runs)
# Environment: REPORT_BUILD_MS (default 5000) and REPORT_BUILD_PER_1000_MS (default 100): how long IAM takes to build
# a report (the simulator's --report-build-time and --report-build-per-1000); JAVA_OPTS for the audit runs.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
latency=${2:-50}
runs=${3:-5}
build=${REPORT_BUILD_MS:-5000}
per1000=${REPORT_BUILD_PER_1000_MS:-100}
seed=1
jar=$PWD/target/iam-audit.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
java -jar "$jar" simulator --generate "$n" --seed "$seed" --latency-ms "$latency" \
  --report-build-time "${build}ms" --report-build-per-1000 "${per1000}ms" > "$work/simulator.out" 2>&1 &
sim=$!
java -jar "$jar" simulator --generate "$n" --seed "$seed" --report-polls 0 > "$work/floor.out" 2>&1 &
floor=$!
trap 'kill $sim $floor 2>/dev/null; rm -rf "$work"' EXIT
for out in simulator floor; do
  for _ in $(seq 1 300); do grep -q 'listening on' "$work/$out.out" && break; sleep 0.1; done
done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/simulator.out")
floor_url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/floor.out")
key=$(sed -n 's/.*IBMCLOUD_API_KEY=\(.*\)/\1/p' "$work/simulator.out")
sed -n 2p "$work/simulator.out"
echo "latency ${latency} ms a call; a report takes ${build} ms + ${per1000} ms per 1,000 identities to build;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; JAVA_OPTS=${JAVA_OPTS:-}"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

pull() { # dir, url; prints "PULL WALL ACTIVITY-LINE"
  local dir=$1 start end pull
  rm -rf "$dir/iam-audit-report"
  start=$(date +%s.%N)
  (cd "$dir" && IBMCLOUD_API_KEY=$key java ${JAVA_OPTS:-} -jar "$jar" --iam-url "$2" --user-management-url "$2" \
    --report-timeout 10m --format json > "$dir/run.out" 2>&1) || true
  end=$(date +%s.%N)
  pull=$(sed -n 's/^Pulled account .* in \([0-9.]*\) s$/\1/p' "$dir/run.out")
  [ -n "$pull" ] || { echo "a run failed:" >&2; cat "$dir/run.out" >&2; exit 1; }
  echo "$pull $(echo "$end - $start" | bc) $(sed -n 's/^Fetched the activity details of //p' "$dir/run.out")"
}

bench() { # name, activity (0/1), policy file contents
  local name=$1 activity=$2 dir="$work/$1"
  mkdir -p "$dir"
  printf '%s' "$3" > "$dir/iam-audit.yml"
  java -cp "$jar" bench/CriticalPath.java "$n" "$seed" "$latency" "$build" "$per1000" "$activity" > "$dir/critical"
  local critical
  critical=$(sed -n 's/^critical //p' "$dir/critical")
  echo
  echo "== $name: critical path $critical s, its two longest chains:"
  tail -3 "$dir/critical" | sed '$d'
  : > "$dir/pulls"; : > "$dir/walls"; : > "$dir/floors"
  for i in $(seq 1 "$runs"); do
    read -r p w rest < <(pull "$dir" "$url")
    read -r f _ _ < <(pull "$dir" "$floor_url")
    echo "$p" >> "$dir/pulls"; echo "$w" >> "$dir/walls"; echo "$f" >> "$dir/floors"
    printf 'run %d: pull %s s, whole command %.1f s, floor %s s %s\n' "$i" "$p" "$w" "$f" "${rest:+($rest)}"
  done
  local p w f
  p=$(median < "$dir/pulls"); w=$(median < "$dir/walls"); f=$(median < "$dir/floors")
  printf 'median of %d: pull %.1f s = %.2fx the critical path; whole command %.1f s = %.2fx; floor %.1f s\n' "$runs" \
    "$p" "$(echo "$p / $critical" | bc -l)" "$w" "$(echo "$w / $critical" | bc -l)" "$f"
  echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench default-rules 0 ''
bench apikey-high-usage 1 $'rules:\n  apikey-high-usage: { enabled: true }\n'
