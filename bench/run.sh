#!/usr/bin/env bash
# End-to-end benchmark of FortiGate ingestion, measured in one run beside the peers of
# ../shared/bench/anchors.py (syslog-ng, rsyslog, a C key=value splitter ...).
#
#   bench/run.sh            # all: anchors, JMH parse kernel, iotwatch ingest into SQLite with and without detectors
#   RUNS=1 bench/run.sh     # fewer repetitions
#
# BENCH_DIR (default /tmp/bench) holds the workload and results; the workload is written by
# gen_fortigate.py -n 2000000 --seed 1 when missing. Results: $BENCH_DIR/results/summary.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED_BENCH:-$ROOT/../shared/bench}"
BENCH_DIR="${BENCH_DIR:-/tmp/bench}"
RUNS="${RUNS:-3}"
LOG="$BENCH_DIR/fgt_full.log"
OUT="$BENCH_DIR/results"
export BENCH_DIR
JAVA_HOME="$("$ROOT/tools/find-jdk")"
export JAVA_HOME
mkdir -p "$OUT"

if [[ ! -s "$LOG" ]]; then
  /usr/bin/python3 "$SHARED/gen_fortigate.py" "$LOG" -n 2000000 --seed 1
fi

echo "== building the benchmarks, then iotwatch as a user gets it (with its start-up cache)"
(cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl bench -am)
rm -rf "$ROOT/iotwatch-app/target/dist"
"$ROOT/iotwatch" --version

echo "== anchors (peers)"
/usr/bin/python3 "$SHARED/anchors.py" logs --log "$LOG" --runs "$RUNS" --json "$OUT/anchors-logs.json" | tee "$OUT/anchors-logs.md"

echo "== parse kernel (JMH, one thread)"
"$JAVA_HOME/bin/java" -jar "$ROOT/bench/target/benchmarks.jar" FortiGateParseBenchmark \
  -p file="$LOG" -rf json -rff "$OUT/jmh-parse.json" | tee "$OUT/jmh-parse.txt"

echo "== iotwatch ingest into SQLite ($RUNS runs)"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/data"
  /usr/bin/time -v "$ROOT/iotwatch" ingest --no-progress --data-dir "$OUT/data" "$LOG" \
    > "$OUT/ingest-$run.txt" 2> "$OUT/ingest-$run.time"
  grep -E "^Read|Elapsed|Maximum resident" "$OUT/ingest-$run.txt" "$OUT/ingest-$run.time"
done

echo "== iotwatch ingest into SQLite with the detectors off ($RUNS runs)"
printf 'detect:\n  enabled: false\n' > "$OUT/nodetect.yml"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/data"
  /usr/bin/time -v "$ROOT/iotwatch" ingest --no-progress --config "$OUT/nodetect.yml" --data-dir "$OUT/data" "$LOG" \
    > "$OUT/ingest-nodetect-$run.txt" 2> "$OUT/ingest-nodetect-$run.time"
  grep -E "^Read|Elapsed|Maximum resident" "$OUT/ingest-nodetect-$run.txt" "$OUT/ingest-nodetect-$run.time"
done

/usr/bin/python3 "$ROOT/bench/summarize.py" "$OUT" "$LOG" | tee "$OUT/summary.md"
