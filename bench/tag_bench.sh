#!/usr/bin/env bash
# Training on real NHS feedback and tagging a large store with what was learned.
#   bench/tag_bench.sh DATA_DIR [N]     (DATA_DIR: ../shared/data/nhs-fft; N default 1000000)
# Trains three models with `yousaid train` on the whole of each training file
# (phase 1 themes, single label; QDC themes, multi-label; polarity), then
# tags a copy of out/bench-N.db (made by bench/run.sh N, else made here) with
# each, timing every command. The peer, bench/tag_peer.py, does what an
# analyst might script: scikit-learn's tf-idf and LinearSVC trained on the
# phase 1 file, every response read, predicted and written back through
# Xapian's Python bindings, on another copy of the same store.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?usage: bench/tag_bench.sh DATA_DIR [N]}
N=${2:-1000000}
BUILD=${BUILD:-build}
OUT=out/bench/tag
PY=/usr/bin/python3  # Debian's, where python3-sklearn and python3-xapian install
mkdir -p "$OUT"
$PY -c "import sklearn, xapian" 2> /dev/null || { apt-get update -qq && apt-get install -y -qq python3-sklearn python3-xapian > /dev/null; }
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$BUILD" --target yousaid generate_responses -j "$(nproc)" > /dev/null
STORE=out/bench-$N.db
if [ ! -f "$STORE/iamglass" ]; then
  bash bench/bench_codebook.sh out/bench/codebook-40.txt
  CSV=out/bench/responses-$N.csv
  [ -f "$CSV" ] || "$BUILD"/generate_responses "$N" 20141 corpus > "$CSV"
  echo "making $STORE"
  "$BUILD"/yousaid ingest --quiet --store "$STORE" --codebook out/bench/codebook-40.txt "$CSV" > /dev/null
fi

# Runs a command under /usr/bin/time; prints "wall cpu peak_kb".
timed() {
  /usr/bin/time -o "$OUT/time.txt" -f "%e %U %S %M" "$@" > /dev/null
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$OUT/time.txt"
}
row() { printf '%-34s %8s %8s %9s\n' "$@"; }
mb() { echo $(($1 / 1024)); }

PHASE1=$DATA/fft_phase1_train.csv
QDC=$DATA/fft_qdc_train.csv
echo "training on the whole of each file, then tagging $N responses"
row step "wall s" "cpu s" "peak MB"
read -r w c k < <(timed "$BUILD"/yousaid train --labels "$PHASE1" --text-col text --label-col label --out "$OUT/phase1.model")
row "train phase 1 ($(($(wc -l < "$PHASE1") - 1)) rows)" "$w" "$c" "$(mb "$k")"
read -r w c k < <(timed "$BUILD"/yousaid train --labels "$QDC" --text-col text --label-col labels_v7 --sep '|' \
  --out "$OUT/qdc.model")
row "train QDC multi-label" "$w" "$c" "$(mb "$k")"
read -r w c k < <(timed "$BUILD"/yousaid train --labels "$QDC" --text-col text --label-col sentiment \
  --label-map '1,2=positive;3=mixed;4,5=negative' --out "$OUT/polarity.model")
row "train polarity" "$w" "$c" "$(mb "$k")"

COPY=$OUT/store-$N.db
for model in phase1 qdc polarity; do
  rm -rf "$COPY" && cp -a "$STORE" "$COPY"
  read -r w c k < <(timed "$BUILD"/yousaid tag --store "$COPY" --model "$OUT/$model.model")
  row "tag $N with $model" "$w" "$c" "$(mb "$k")"
  [ "$model" = phase1 ] && y_tag=$w
done

rm -rf "$COPY" && cp -a "$STORE" "$COPY"
read -r w c k < <(timed $PY bench/tag_peer.py "$COPY" "$PHASE1" text label)
row "peer: sklearn + python3-xapian" "$w" "$c" "$(mb "$k")"
rm -rf "$COPY"
awk -v y="$y_tag" -v p="$w" -v n="$N" 'BEGIN {
  printf "\nphase 1 tagging: %.0f responses/s, %.2fx the peer (whole script, training included); bar: %d in 60 s or less\n",
    n / y, p / y, n }'
