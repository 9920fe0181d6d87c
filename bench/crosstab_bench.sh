#!/usr/bin/env bash
# Cross-tab speed on a large store: a 40-theme by 12-group cross-tab with
# significance, timed beside the same count done by Xapian's own `quest`
# (one boolean query per cell's theme, process start included).
#   bench/crosstab_bench.sh [RESPONSES]   (default 1000000)
# Builds the store once under out/bench-N.db and reuses it on later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BUILD=${BUILD:-build}
OUT=out/bench
STORE=out/bench-$N.db
mkdir -p "$OUT"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target yousaid generate_responses -j "$(nproc)" >/dev/null

CODEBOOK=$OUT/codebook-40.txt
bash bench/bench_codebook.sh "$CODEBOOK"
echo "codebook: $(grep -c '^theme ' "$CODEBOOK") themes, $(grep -c '^group ' "$CODEBOOK") groups"

if [ ! -d "$STORE" ]; then
  "$BUILD"/generate_responses "$N" 20141 corpus > "$OUT/responses-$N.csv"
  echo "ingesting $N responses (once; the store is kept for later runs)"
  /usr/bin/time -f "ingest: %e s wall, %U s user, %M KB peak" \
    "$BUILD"/yousaid ingest --quiet --store "$STORE" --codebook "$CODEBOOK" "$OUT/responses-$N.csv"
fi

echo "crosstab theme x group with significance, 3 runs:"
for run in 1 2 3; do
  /usr/bin/time -f "  yousaid crosstab: %e s wall, %M KB peak" \
    "$BUILD"/yousaid crosstab --store "$STORE" --rows theme --cols group > "$OUT/crosstab.txt"
done
head -5 "$OUT/crosstab.txt"

echo "peer: xapian quest, one count per theme (40 processes; counts only, no significance):"
start=$(date +%s.%N)
grep '^theme ' "$CODEBOOK" | awk '{print $2}' | while read -r theme; do
  quest -d "$STORE" -m 0 -c "$N" -b theme:XT "theme:$theme" > /dev/null
done
end=$(date +%s.%N)
echo "  quest x40: $(echo "$end - $start" | bc) s wall"
