#!/usr/bin/env bash
# Searches under load on a large store: ten `yousaid search` processes, each
# asking its query again and again with facets, while one `yousaid ingest`
# commits batch after batch into the same store. Prints how many searches
# answered, how many failed (the bar is none), and their p50 / p99 times
# beside the same searches on the quiet store. The batches are taken out again
# afterwards (yousaid remove-batch), so the store is as it was.
#   bench/load_bench.sh [RESPONSES] [BATCHES]   (defaults 1000000 and 6 batches of 5,000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BATCHES=${2:-6}
BUILD=${BUILD:-build}
STORE=out/bench-$N.db
WORK=out/bench/load
[ -d "$STORE" ] || bash bench/crosstab_bench.sh "$N" > /dev/null
cmake --build "$BUILD" --target yousaid generate_responses -j "$(nproc)" > /dev/null
rm -rf "$WORK" && mkdir -p "$WORK"
QUERIES=("transport" "\"care package\"" "bus NEAR hospital" "carer*" "discharge theme:hospital-discharge"
         "appointment group:carers" "nurse channel:telephone" "jargon OR leaflet" "weekend NOT gp" "theme:gp-access")
files=()
for b in $(seq 1 "$BATCHES"); do
  # Ids L<batch>-<n>, so no response of the store is replaced (and then removed).
  "$BUILD"/generate_responses 5000 $((9000 + b)) corpus | sed "1!s/^S/L$b-/" > "$WORK/load-$b.csv"
  files+=("$WORK/load-$b.csv")
done

# One searcher: its query in a loop until the file `stop` appears; one line per
# search: milliseconds and exit code.
searcher() {
  local k=$1 query=$2
  while [ ! -e "$WORK/stop" ]; do
    local start end code=0
    start=$(date +%s%N)
    "$BUILD"/yousaid search --store "$STORE" --limit 10 --format json "$query" > /dev/null 2>> "$WORK/errors-$k" || code=$?
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $code" >> "$WORK/times-$k"
  done
}

run_searchers() {  # $1: seconds to run (0: until the ingest ends); $2: label
  rm -f "$WORK/stop" "$WORK"/times-* "$WORK"/errors-*
  local pids=()
  for k in "${!QUERIES[@]}"; do searcher "$k" "${QUERIES[$k]}" & pids+=($!); done
  if [ "$1" -gt 0 ]; then
    sleep "$1"
  else
    "$BUILD"/yousaid ingest --quiet --store "$STORE" "${files[@]}" > "$WORK/ingest.log"
  fi
  touch "$WORK/stop"
  wait "${pids[@]}"
  cat "$WORK"/times-* | python3 -c "
import sys
rows = [line.split() for line in sys.stdin]
ms = sorted(int(t) for t, _ in rows)
failed = sum(1 for _, code in rows if code != '0')
pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
print('%-28s %6d searches  %3d failed  p50 %5d ms  p99 %5d ms' % ('$2', len(ms), failed, pick(0.5), pick(0.99)))
"
}

echo "store: $STORE ($(xapian-delve "$STORE" | sed -n 's/number of documents = //p') responses); ten searchers"
run_searchers 20 "quiet store (20 s)"
start=$(date +%s.%N)
run_searchers 0 "while ingest commits"
end=$(date +%s.%N)
echo "ingest of $BATCHES batches of 5,000 took $(echo "$end - $start" | bc | cut -c1-6) s under that load"
cat "$WORK"/errors-* 2>/dev/null | sort | uniq -c | head -5
for f in "${files[@]}"; do
  id=$(sha1sum "$f" | cut -c1-12)
  "$BUILD"/yousaid remove-batch --store "$STORE" "$id" > /dev/null
done
echo "batches removed: $(xapian-delve "$STORE" | sed -n 's/number of documents = //p') responses again"
