// Turns the IEEE registry as the npm package oui-data ships it (index.json) into MacVendors' resource:
// gzip of sorted "PREFIX<TAB>vendor" lines, PREFIX being 6 (MA-L), 7 (MA-M) or 9 (MA-S) upper-case hex digits.
//
//   cd /tmp && npm pack oui-data@2.1.9 && tar xzf oui-data-2.1.9.tgz
//   node iotwatch-web/tools/oui-resource.mjs /tmp/package/index.json \
//       iotwatch-web/src/main/resources/io/iotwatch/web/devices/oui.tsv.gz
//
// Each entry's first line is the organization; the address lines below it are dropped. Entries named
// "Private" or "IEEE Registration Authority" (an MA-L block that is split into MA-M/MA-S) name no vendor
// a person could act on, so they are left out and such addresses show no vendor.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node oui-resource.mjs index.json oui.tsv.gz");
  process.exit(2);
}
const NO_VENDOR = new Set(["", "private", "ieee registration authority"]);
const registry = JSON.parse(readFileSync(input, "utf8"));
const lines = [];
for (const [prefix, entry] of Object.entries(registry)) {
  if (!/^([0-9A-F]{6}|[0-9A-F]{7}|[0-9A-F]{9})$/.test(prefix)) {
    throw new Error(`unexpected prefix ${JSON.stringify(prefix)}`);
  }
  const vendor = entry.split("\n")[0].replace(/\s+/g, " ").trim();
  if (!NO_VENDOR.has(vendor.toLowerCase())) {
    lines.push(`${prefix}\t${vendor}\n`);
  }
}
lines.sort();
// level 9 and a zero mtime (gzipSync's default) give the same bytes for the same input.
writeFileSync(output, gzipSync(lines.join(""), { level: 9 }));
console.log(`${lines.length} prefixes written to ${output}`);
