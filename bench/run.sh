#!/usr/bin/env bash
# Ingest against Xapian's own indexer, then every benchmark's figures in one table.
#   bench/run.sh [SIZES...]      (default: 100000 1000000)
# For each size, on the same synthetic responses (bench/generate_responses,
# seed 20141, kept in out/bench/):
#   - `yousaid ingest` of the CSV into a new store, out/bench-N.db (normalise,
#     redact, find duplicates and campaigns, tag with bench/bench_codebook.sh's
#     40 themes and 12 groups, index), which the other benchmarks then use;
#   - Xapian's scriptindex with bench/responses.index on the same rows (plain
#     indexing with English stemming; the rows are converted to its input format
#     first, untimed).
# Prints wall and CPU time, peak memory, responses per second, store size and
# the ratios the bar is set in, then search, cross-tab and report timings on
# the largest store.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${*:-100000 1000000}
BUILD=${BUILD:-build}
OUT=out/bench
mkdir -p "$OUT"
command -v scriptindex > /dev/null || { apt-get update -qq && apt-get install -y -qq xapian-omega > /dev/null; }
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$BUILD" --target yousaid generate_responses -j "$(nproc)" > /dev/null
CODEBOOK=$OUT/codebook-40.txt
bash bench/bench_codebook.sh "$CODEBOOK"

# Runs a command under /usr/bin/time; prints "wall cpu peak_kb".
timed() {
  /usr/bin/time -o "$OUT/time.txt" -f "%e %U %S %M" "$@" > /dev/null
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$OUT/time.txt"
}

rows=()
for N in $SIZES; do
  CSV=$OUT/responses-$N.csv
  [ -f "$CSV" ] || "$BUILD"/generate_responses "$N" 20141 corpus > "$CSV"
  [ -f "$OUT/responses-$N.si" ] || python3 bench/csv_to_scriptindex.py "$CSV" "$OUT/responses-$N.si"
  rm -rf "out/bench-$N.db" "$OUT/scriptindex-$N.db"
  echo "ingesting $N responses with yousaid, then with scriptindex"
  read -r y_wall y_cpu y_kb < <(timed "$BUILD"/yousaid ingest --quiet --store "out/bench-$N.db" \
    --codebook "$CODEBOOK" "$CSV")
  read -r s_wall s_cpu s_kb < <(timed scriptindex --overwrite "$OUT/scriptindex-$N.db" bench/responses.index \
    "$OUT/responses-$N.si")
  y_size=$(du -sb "out/bench-$N.db" | cut -f1)
  s_size=$(du -sb "$OUT/scriptindex-$N.db" | cut -f1)
  rows+=("$N yousaid $y_wall $y_cpu $y_kb $y_size" "$N scriptindex $s_wall $s_cpu $s_kb $s_size")
done

echo
printf '%-9s %-12s %8s %8s %9s %12s %9s\n' responses tool "wall s" "cpu s" "peak MB" responses/s "store MB"
for row in "${rows[@]}"; do
  read -r n tool wall cpu kb size <<< "$row"
  awk -v n="$n" -v t="$tool" -v w="$wall" -v c="$cpu" -v k="$kb" -v s="$size" \
    'BEGIN { printf "%-9s %-12s %8.1f %8.1f %9.0f %12.0f %9.0f\n", n, t, w, c, k / 1024, n / w, s / 1048576 }'
done
echo
for N in $SIZES; do
  y=$(printf '%s\n' "${rows[@]}" | awk -v n="$N" '$1 == n && $2 == "yousaid"')
  s=$(printf '%s\n' "${rows[@]}" | awk -v n="$N" '$1 == n && $2 == "scriptindex"')
  read -r _ _ y_wall _ y_kb y_size <<< "$y"
  read -r _ _ s_wall _ _ s_size <<< "$s"
  awk -v n="$N" -v yw="$y_wall" -v sw="$s_wall" -v yk="$y_kb" -v ys="$y_size" -v ss="$s_size" 'BEGIN {
    printf "%s: yousaid throughput %.2fx scriptindex (bar: 3.00 or more), peak %.2f GB (bar: 1.5 or less), store %.2fx scriptindex'"'"'s (bar: 1.20 or less)\n",
      n, sw / yw, yk / 1048576, ys / ss }'
done

LARGEST=$(printf '%s\n' $SIZES | sort -n | tail -1)
echo
echo "on the $LARGEST-response store:"
bash bench/search_bench.sh "$LARGEST" | tail -3
bash bench/crosstab_bench.sh "$LARGEST" | grep 'yousaid crosstab\|quest'
bash bench/report_bench.sh "$LARGEST" | grep 'wall\|Pages'
