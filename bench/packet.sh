#!/usr/bin/env bash
# End-to-end benchmark of the packet path, measured in one run beside the peers of
# ../shared/bench/anchors.py pcap (softflowd, argus, nfpcapd, a minimal C flow table ...).
#
#   bench/packet.sh            # anchors, JMH kernels, the packet path stage by stage, iotwatch ingest with and without events
#   RUNS=1 bench/packet.sh     # fewer repetitions
#
# BENCH_DIR (default /tmp/bench) holds the workload and results; the workload is written by
# gen_pcap.py -n 5000000 --seed 1 (1.58 GB, 738 thousand flows) when missing. ANCHORS picks the peers
# (the default leaves out tshark and the Python script, which take minutes). Results: $BENCH_DIR/results-packet.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED_BENCH:-$ROOT/../shared/bench}"
BENCH_DIR="${BENCH_DIR:-/tmp/bench}"
RUNS="${RUNS:-3}"
ANCHORS="${ANCHORS:-cat,tcpdump-raw,argus,softflowd,softflowd-m1M,nfpcapd,c-flowtable}"
PCAP="$BENCH_DIR/bench.pcap"
OUT="$BENCH_DIR/results-packet"
export BENCH_DIR
JAVA_HOME="$("$ROOT/tools/find-jdk")"
export JAVA_HOME
mkdir -p "$OUT"

if [[ ! -s "$PCAP" ]]; then
  /usr/bin/python3 "$SHARED/gen_pcap.py" "$PCAP" -n 5000000 --seed 1
fi

echo "== building the benchmarks, then iotwatch as a user gets it"
(cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl bench -am)
"$ROOT/iotwatch" --version

echo "== anchors (peers)"
/usr/bin/python3 "$SHARED/anchors.py" pcap --pcap "$PCAP" --runs "$RUNS" --only "$ANCHORS" \
  --json "$OUT/anchors-pcap.json" | tee "$OUT/anchors-pcap.md"

echo "== packet kernels (JMH, one thread, 1,000,000 packets in memory)"
"$JAVA_HOME/bin/java" -jar "$ROOT/bench/target/benchmarks.jar" PacketKernelsBenchmark \
  -p file="$PCAP" -rf json -rff "$OUT/jmh-kernels.json" | tee "$OUT/jmh-kernels.txt"

echo "== the packet path on one thread, stage by stage, 256 MB of heap, the collector ./iotwatch ingest runs with"
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseParallelGC -cp "$ROOT/bench/target/benchmarks.jar" io.iotwatch.bench.PacketPathBench \
  "$PCAP" "$RUNS" read decode flows events features detect | tee "$OUT/path.txt"

for events in drop store; do
  echo "== iotwatch ingest --events $events into SQLite ($RUNS runs, 256 MB of heap)"
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$OUT/data"
    IOTWATCH_JAVA_OPTS="-Xmx256m" /usr/bin/time -v "$ROOT/iotwatch" ingest --no-progress --events "$events" \
      --data-dir "$OUT/data" "$PCAP" > "$OUT/ingest-$events-$run.txt" 2> "$OUT/ingest-$events-$run.time"
    grep -E "packets/s|Stored" "$OUT/ingest-$events-$run.txt"
    grep -E "Elapsed|Maximum resident|User time|System time" "$OUT/ingest-$events-$run.time"
  done
done
