#!/usr/bin/env bash
# Live capture: the highest rate 'iotwatch capture' sustains with no packet dropped. Two network
# namespaces this script makes, joined by a veth pair; tcpreplay sends the first packets of the packet
# benchmark's workload at fixed rates from one side, iotwatch captures on the other and stores what it
# sees. Everything stays inside the namespaces, which are removed at the end (root needed).
#
#   bench/live.sh               # rates 50k, 100k, 200k, 400k, 800k packets/s, 1,000,000 packets each
#   RATES="100000 300000" PACKETS=500000 bench/live.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/bench}"
RATES="${RATES:-50000 100000 200000 400000 800000}"
PACKETS="${PACKETS:-1000000}"
PCAP="$BENCH_DIR/bench.pcap"
OUT="$BENCH_DIR/results-live"
SENDER=iwbench-send
SENSOR=iwbench-sensor
mkdir -p "$OUT"
command -v tcpreplay >/dev/null || { echo "tcpreplay is needed: apt-get install tcpreplay" >&2; exit 2; }
[[ -s "$PCAP" ]] || { echo "$PCAP is missing: run bench/packet.sh first" >&2; exit 2; }

cleanup() {
  ip netns del "$SENDER" 2>/dev/null || true
  ip netns del "$SENSOR" 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add "$SENDER"
ip netns add "$SENSOR"
ip link add iwb0 netns "$SENDER" type veth peer name iwb1 netns "$SENSOR"
ip -n "$SENDER" link set iwb0 up mtu 9000
ip -n "$SENSOR" link set iwb1 up mtu 9000
"$ROOT/iotwatch" --version >/dev/null

for rate in $RATES; do
  rm -rf "$OUT/data"
  seconds=$(( PACKETS / rate + 8 ))
  ip netns exec "$SENSOR" "$ROOT/iotwatch" capture -i iwb1 --stop-after "$seconds" --stats-every 600 \
    --data-dir "$OUT/data" > "$OUT/capture-$rate.txt" 2>&1 &
  capture=$!
  sleep 4
  ip netns exec "$SENDER" tcpreplay -q -i iwb0 --pps="$rate" --limit="$PACKETS" "$PCAP" > "$OUT/send-$rate.txt" 2>&1
  wait "$capture"
  echo "asked $rate packets/s, sent $(grep -o "[0-9.]* pps" "$OUT/send-$rate.txt" | head -1); iotwatch $(grep "^stopped:" "$OUT/capture-$rate.txt")"
done
