#!/usr/bin/python3
"""Turns the results of bench/run.sh into the table of docs/BENCHMARKS.md, with ratios to the peers."""
import json
import os
import re
import statistics
import sys

out, log = sys.argv[1], sys.argv[2]
lines = sum(1 for _ in open(log, 'rb'))
size_mb = os.path.getsize(log) / 1e6

anchors = json.load(open(os.path.join(out, 'anchors-logs.json')))
rows = []
for a in anchors['results']:
    if a['units_per_s']:
        rows.append((a['tool'], a['units_per_s'], a['rss_median_mb'], a['note']))

jmh = json.load(open(os.path.join(out, 'jmh-parse.json')))
parse = jmh[0]['primaryMetric']
rows.append(('iotwatch-parse (JMH)', parse['score'], None, 'FortiGateParser.decode to events, 1 thread, in memory'))

def ingest_row(prefix, tool, note):
    walls, rss = [], []
    for name in sorted(os.listdir(out)):
        if re.fullmatch(prefix + r'-\d+\.time', name):
            text = open(os.path.join(out, name)).read()
            m = re.search(r'Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)', text)
            h, mnt, s = m.group(1), m.group(2), m.group(3)
            walls.append((int(h) if h else 0) * 3600 + int(mnt) * 60 + float(s))
            rss.append(int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', text).group(1)) / 1024)
    if walls:
        wall = statistics.median(walls)
        rows.append((tool, lines / wall, statistics.median(rss), note + ', %d runs, wall %.2f s' % (len(walls), wall)))


ingest_row('ingest', 'iotwatch-ingest-sqlite', 'whole CLI run incl. JVM start: read, parse, detect, store in SQLite (WAL)')
ingest_row('ingest-nodetect', 'iotwatch-ingest-sqlite-nodetect', 'the same with detect.enabled: false')

print('Workload: %s, %d lines, %.0f MB\n' % (os.path.basename(log), lines, size_mb))
print('| tool | lines/s | peak RSS MB | note |')
print('|---|---:|---:|---|')
for tool, rate, mem, note in sorted(rows, key=lambda r: -r[1]):
    print('| %s | %s | %s | %s |' % (tool, format(int(rate), ','), '' if mem is None else '%.0f' % mem, note))
by = {r[0]: r[1] for r in rows}
print()
if 'iotwatch-ingest-sqlite-nodetect' in by:
    print('- ingest with detectors / without = %.2f' % (by['iotwatch-ingest-sqlite'] / by['iotwatch-ingest-sqlite-nodetect']))
for peer in sorted(by):
    if not peer.startswith('iotwatch'):
        print('- parse / %s = %.2f; ingest / %s = %.2f' % (
            peer, by['iotwatch-parse (JMH)'] / by[peer], peer, by['iotwatch-ingest-sqlite'] / by[peer]))
