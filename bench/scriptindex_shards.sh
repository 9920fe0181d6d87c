#!/usr/bin/env bash
# How fast Xapian itself can index the bench responses on this machine's cores:
# the ceiling for any tool that writes the same postings into a Xapian store.
#   bench/scriptindex_shards.sh N [PER]     (default PER: 10000)
# Times, on bench/run.sh's N synthetic responses and index script:
#   - scriptindex into one database, as bench/run.sh does;
#   - the same rows dealt into shards of PER responses in file order, one
#     scriptindex per core at a time, then merged in order with
#     xapian-compact, so document ids run as in the one database.
# Prints wall time, responses a second and size of each, and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench/scriptindex_shards.sh N [PER]}
PER=${2:-10000}
BUILD=${BUILD:-build}
OUT=out/bench
WORK=$OUT/shards-$N
command -v scriptindex > /dev/null || { apt-get update -qq && apt-get install -y -qq xapian-omega > /dev/null; }
command -v xapian-compact > /dev/null || { apt-get update -qq && apt-get install -y -qq xapian-tools > /dev/null; }
mkdir -p "$OUT"
CSV=$OUT/responses-$N.csv
SI=$OUT/responses-$N.si
if [ ! -f "$CSV" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
  cmake --build "$BUILD" --target generate_responses -j "$(nproc)" > /dev/null
  "$BUILD"/generate_responses "$N" 20141 corpus > "$CSV"
fi
[ -f "$SI" ] || python3 bench/csv_to_scriptindex.py "$CSV" "$SI"
rm -rf "$WORK" && mkdir -p "$WORK/input" "$WORK/shards"
# Records are separated by a blank line (awk's paragraph mode); not timed.
awk -v per="$PER" -v dir="$WORK/input" 'BEGIN { RS = ""; ORS = "\n\n" }
  { if ((NR - 1) % per == 0) { close(file); file = sprintf("%s/%06d.si", dir, (NR - 1) / per) } print > file }' "$SI"

now() { date +%s.%N; }

start=$(now)
scriptindex --overwrite "$WORK/one.db" bench/responses.index "$SI" > /dev/null
one_wall=$(echo "$(now) - $start" | bc)

start=$(now)
# shellcheck disable=SC2016 # $1 and $2 are the inner shell's
find "$WORK/input" -name '*.si' | sort | xargs -P "$(nproc)" -I{} sh -c \
  'scriptindex --overwrite "$1/shards/$(basename "$2" .si)" bench/responses.index "$2" > /dev/null' _ "$WORK" {}
built=$(now)
mapfile -t shards < <(find "$WORK/shards" -mindepth 1 -maxdepth 1 | sort)
xapian-compact --multipass "${shards[@]}" "$WORK/merged.db" > /dev/null
end=$(now)
build_wall=$(echo "$built - $start" | bc)
merge_wall=$(echo "$end - $built" | bc)
shard_wall=$(echo "$end - $start" | bc)

# Both hold every response, or the figures mean nothing.
for db in "$WORK/one.db" "$WORK/merged.db"; do
  docs=$(xapian-delve "$db" | awk -F' = ' '/^number of documents/ { print $2 }')
  [ "$docs" = "$N" ] || { echo "$db holds $docs documents, not $N" >&2; exit 1; }
done
one_size=$(du -sb "$WORK/one.db" | cut -f1)
merged_size=$(du -sb "$WORK/merged.db" | cut -f1)
awk -v n="$N" -v per="$PER" -v cores="$(nproc)" -v ow="$one_wall" -v bw="$build_wall" -v mw="$merge_wall" \
  -v sw="$shard_wall" -v os="$one_size" -v ms="$merged_size" 'BEGIN {
  printf "%d responses, scriptindex with bench/responses.index\n", n
  printf "  one database:                       %7.1f s  %6.0f a second  %6.0f MB\n", ow, n / ow, os / 1048576
  printf "  shards of %d, %d at a time, merged: %7.1f s  %6.0f a second  %6.0f MB  (built %.1f s, merged %.1f s)\n",
    per, cores, sw, n / sw, ms / 1048576, bw, mw
  printf "  ratio: %.2fx one database\n", ow / sw
}'
rm -rf "$WORK"
