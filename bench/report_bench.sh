#!/usr/bin/env bash
# Report speed on a large store: the August report (charts, cross-tabs, a You
# said / We did statement with quotes per theme) from the 1,000,000-response
# synthetic store, 3 runs, beside a peer doing a small part of the same work
# with Xapian's own `quest`: one count per theme, 42 processes.
#   bench/report_bench.sh [RESPONSES]   (default 1000000; the store is built by
#                                        bench/crosstab_bench.sh and reused)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BUILD=${BUILD:-build}
STORE=out/bench-$N.db
OUT=out/bench
[ -d "$STORE" ] || bash bench/crosstab_bench.sh "$N" > /dev/null
cmake --build "$BUILD" --target yousaid -j "$(nproc)" > /dev/null
mkdir -p "$OUT"

echo "yousaid report on $N responses (a draft: the sample actions file covers the corpus themes only), 3 runs:"
for run in 1 2 3; do
  /usr/bin/time -o "$OUT/report-time.txt" -f "  %e s wall, %U s user, %S s system, %M KB peak" \
    "$BUILD"/yousaid report --store "$STORE" --actions corpus/actions.csv --population corpus/population.csv \
      --out "$OUT/report-$N.pdf" > /dev/null 2>&1
  cat "$OUT/report-time.txt"
done
echo "  $(pdfinfo "$OUT/report-$N.pdf" 2>/dev/null | grep Pages) (bar: 5 s)"

echo "peer: xapian quest, one count per theme (counts only):"
start=$(date +%s.%N)
for theme in $(grep '^theme ' "$OUT/codebook-40.txt" | awk '{print $2}'); do
  quest -d "$STORE" -m 0 -c "$N" -b theme:XT "theme:$theme" > /dev/null
done
end=$(date +%s.%N)
echo "  quest x$(grep -c '^theme ' "$OUT/codebook-40.txt"): $(echo "$end - $start" | bc) s wall"
