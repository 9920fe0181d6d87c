#!/usr/bin/env bash
# `make fuzz`: builds every target in tests/fuzz with clang, libFuzzer, ASan and
# UBSan (and assertions on), and runs each for FUZZ_SECONDS (default 60), one after another.
#   FUZZ_SECONDS=1800 FUZZ_TARGETS="csv query" tests/fuzz/run.sh
# Each target starts from its seeds (tests/fuzz/seeds/<target>) and keeps what
# it learns in out/fuzz/<target>/corpus, so later runs go on from there. A crash,
# leak, timeout or broken promise is written to out/fuzz/<target>/findings/ and
# the run fails; fix it, then copy the input to tests/fuzz/findings/<target>/,
# where `make test` replays it from then on. Prints one line per target: runs,
# coverage (edges) and features reached, and the corpus size.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
TARGETS=${FUZZ_TARGETS:-csv xlsx panel_notes map_file codebook template query}
# Assertions stay on (Debug), so a library's own checks (Boost's) count as findings.
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DYOUSAID_FUZZ=ON \
  -DYOUSAID_SANITIZE=address,undefined >/dev/null
# shellcheck disable=SC2046
cmake --build "$BUILD" -j "$(nproc)" --target $(printf 'fuzz_%s ' $TARGETS) >/dev/null
# Stack traces with function names and lines.
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || echo /usr/lib/llvm-14/bin/llvm-symbolizer)}
failed=0
printf '%-12s %10s %8s %8s %8s  %s\n' target runs edges features corpus result
for target in $TARGETS; do
  work=out/fuzz/$target
  mkdir -p "$work/corpus" "$work/findings"
  status=0
  "$BUILD/tests/fuzz/fuzz_$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/findings/" "$work/corpus" "tests/fuzz/seeds/$target" \
    > "$work/log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  edges=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2 || true)
  features=$(grep -o 'ft: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2 || true)
  corpus=$(find "$work/corpus" -type f | wc -l)
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FINDING (see $work/log and $work/findings/)"
    failed=1
  fi
  printf '%-12s %10s %8s %8s %8s  %s\n' "$target" "${runs:-?}" "${edges:-?}" "${features:-?}" "$corpus" "$result"
done
exit $failed
