#!/usr/bin/env bash
# Search speed on a large store: 20 queries an analyst would type, each with
# exact facets (themes, groups, events, channels) over every match, run as
# separate `yousaid search` processes (start-up included), 3 rounds; prints
# each query's median and the p50 / p99 over all runs, beside Xapian's `quest`
# answering the same words and filters (process start included, estimated
# counts, no facets).
#   bench/search_bench.sh [RESPONSES]   (default 1000000; the store is built by
#                                        bench/crosstab_bench.sh and reused)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BUILD=${BUILD:-build}
STORE=out/bench-$N.db
[ -d "$STORE" ] || bash bench/crosstab_bench.sh "$N" > /dev/null
cmake --build "$BUILD" --target yousaid -j "$(nproc)" > /dev/null

# yousaid query | the same for quest (its own prefixes: -b for filters)
QUERIES=(
  "transport|transport"
  "\"care package\"|\"care package\""
  "bus NEAR hospital|bus NEAR hospital"
  "carer*|carer*"
  "discharge theme:hospital-discharge|discharge theme:hospital-discharge"
  "appointment group:carers|appointment group:carers"
  "nurse channel:telephone|nurse channel:telephone"
  "parking hospital|parking hospital"
  "\"one number\"|\"one number\""
  "jargon OR leaflet|jargon OR leaflet"
  "weekend NOT gp|weekend NOT gp"
  "village* bus|village* bus"
  "discharge home group:alone|discharge home group:alone"
  "dementia|dementia"
  "receptionist rude|receptionist rude"
  "\"mental health\" group:age-16-24|\"mental health\" group:age-16-24"
  "internet online theme:technology-telehealth|internet online theme:technology-telehealth"
  "waiting weeks appointment|waiting weeks appointment"
  "carers support group:women|carers support group:women"
  "theme:gp-access|theme:gp-access"
)
times=$(mktemp)
quest_times=$(mktemp)
# Bash's own clock in microseconds: starting `date` for each reading would add
# its own start (about 1.7 ms here) to every figure.
for spec in "${QUERIES[@]}"; do
  query=${spec%%|*}
  quest_query=${spec#*|}
  for round in 1 2 3; do
    start=${EPOCHREALTIME/./}
    "$BUILD"/yousaid search --store "$STORE" --format json --limit 10 "$query" > "$times.json"
    end=${EPOCHREALTIME/./}
    total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$times.json")
    echo "$((end - start))" >> "$times"
    echo "$query|$((end - start))|$total" >> "$times.each"
    start=${EPOCHREALTIME/./}
    quest -d "$STORE" -m 10 -b theme:XT -b group:XG -b channel:XC "$quest_query" > /dev/null
    end=${EPOCHREALTIME/./}
    echo "$((end - start))" >> "$quest_times"
  done
done
python3 - "$times" "$quest_times" "$times.each" <<'PY'
import statistics, sys
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
ours = [int(x) / 1000 for x in open(sys.argv[1])]
quest = [int(x) / 1000 for x in open(sys.argv[2])]
each = {}
for line in open(sys.argv[3]):
    q, t, total = line.rstrip("\n").rsplit("|", 2)
    each.setdefault(q, []).append(float(t) / 1000)
    each[q + "#total"] = total
for q in [k for k in each if not k.endswith("#total")]:
    print("  %-45s %7s matches  %6.1f ms" % (q, each[q + "#total"], statistics.median(each[q])))
print("yousaid search (exact facets): p50 %.1f ms  p99 %.1f ms  (bar: 20 / 100)" % (pct(ours, 50), pct(ours, 99)))
print("quest (estimated counts, no facets): p50 %.1f ms  p99 %.1f ms" % (pct(quest, 50), pct(quest, 99)))
print("ratio p50 %.2f  p99 %.2f" % (pct(ours, 50) / pct(quest, 50), pct(ours, 99) / pct(quest, 99)))
PY
rm -f "$times" "$quest_times" "$times.each" "$times.json"
