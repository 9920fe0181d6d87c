#!/usr/bin/env bash
# Cross-validated figures of the learned tagger on real NHS Friends and Family
# Test feedback (the pxtextmining data; read by path, never copied here):
#   bench/eval_fft.sh DATA_DIR [FOLDS]     (DATA_DIR: ../shared/data/nhs-fft)
# For each task, bench/fft_folds.py deals the rows into FOLDS folds (default 5);
# each fold is predicted by a model trained on the others with exactly the
# commands a user runs (yousaid train, yousaid evaluate --format json). Prints
# each fold, the mean over folds, the training time, and the bar from the issue.
# When Debian's python3 has scikit-learn (python3-sklearn), the same folds are
# also scored with tf-idf and a linear SVM, the peer a user might script.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?usage: bench/eval_fft.sh DATA_DIR [FOLDS]}
FOLDS=${2:-5}
BUILD=${BUILD:-build}
WORK=out/bench/fft
PEER_PY=/usr/bin/python3  # Debian's, where python3-sklearn installs; python3 on PATH may be another
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target yousaid -j "$(nproc)" >/dev/null
python3 bench/fft_folds.py "$DATA" "$WORK" "$FOLDS"

# task  label column  extra options  bar
TASKS=(
  "phase1|label||accuracy>=0.74 macro_f1>=0.65"
  "qdc|labels_v7|--sep |micro_f1>=0.77 macro_f1>=0.60"
  "polarity|sentiment|--label-map 1,2=positive;3=mixed;4,5=negative|accuracy>=0.85 macro_f1>=0.75"
)
for spec in "${TASKS[@]}"; do
  IFS='|' read -r task column option bar <<< "$spec"
  # "--sep " stands for --sep '|' (a bar cannot sit inside this table).
  extra=()
  case "$option" in
    "--sep ") extra=(--sep '|') ;;
    --label-map*) extra=(--label-map "${option#--label-map }") ;;
  esac
  echo "== $task ($column${extra[*]:+ ${extra[*]}}); bar: $bar"
  for k in $(seq 1 "$FOLDS"); do
    start=$(date +%s.%N)
    "$BUILD"/yousaid train --labels "$WORK/$task/train_$k.csv" --text-col text --label-col "$column" \
      "${extra[@]}" --out "$WORK/$task/model_$k" > /dev/null
    end=$(date +%s.%N)
    "$BUILD"/yousaid evaluate --model "$WORK/$task/model_$k" --labels "$WORK/$task/test_$k.csv" --text-col text \
      --label-col "$column" "${extra[@]}" --format json --predictions "$WORK/$task/predicted_$k.csv" \
      > "$WORK/$task/scores_$k.json"
    python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('  fold %s: micro-F1 %.4f  macro-F1 %.4f  accuracy %.4f  train %.1f s' % (sys.argv[2], s['micro_f1'], s['macro_f1'], s['accuracy'], float(sys.argv[3])))" \
      "$WORK/$task/scores_$k.json" "$k" "$(echo "$end - $start" | bc)"
  done
  python3 - "$WORK/$task" "$FOLDS" "$bar" <<'PY'
import json, statistics, sys
work, folds, bar = sys.argv[1], int(sys.argv[2]), sys.argv[3]
scores = [json.load(open(f"{work}/scores_{k}.json")) for k in range(1, folds + 1)]
mean = {key: statistics.mean(s[key] for s in scores) for key in ("micro_f1", "macro_f1", "accuracy")}
print("  yousaid mean: micro-F1 %.4f  macro-F1 %.4f  accuracy %.4f" % (mean["micro_f1"], mean["macro_f1"], mean["accuracy"]))
verdict = []
for term in bar.split():
    key, value = term.split(">=")
    verdict.append("%s %.4f %s %s" % (key, mean[key], "meets" if mean[key] >= float(value) else "BELOW", value))
print("  bar: " + "; ".join(verdict))
PY
  if "$PEER_PY" -c "import sklearn" 2>/dev/null; then
    "$PEER_PY" bench/fft_peer.py "$WORK/$task" "$FOLDS" "$column" "${extra[@]}"
  fi
done
