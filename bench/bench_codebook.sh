#!/usr/bin/env bash
# Writes the benchmarks' codebook to $1: 40 themes (the corpus codebook's, then
# one per frequent word of feedback) and 12 groups on attributes.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  grep -v '^codebook:\|^version:' corpus/codebook.txt | sed -n '/^theme /,$p' | sed '/^group /,$d'
  i=0
  for word in waiting nurse doctor appointment phone bus parking hospital home carer family mum dad \
              letter leaflet online internet ward pharmacy clinic receptionist weekend evening night \
              village town money taxi; do
    i=$((i + 1)); [ $i -gt 27 ] && break
    printf 'theme bench-%s\n  title: Mentions of %s\n  rule: %s\n\n' "$word" "$word" "$word"
  done
  for band in 16-24 25-34 35-44 45-54 55-64 65-74 75-84 85+; do
    printf 'group age-%s\n  title: Aged %s\n  when: age_band = %s\n\n' "${band/+/-plus}" "$band" "$band"
  done
  printf 'group women\n  title: Women\n  when: gender = female\n\n'
  printf 'group men\n  title: Men\n  when: gender = male\n\n'
  printf 'group carers\n  title: Carers\n  when: carer = yes\n\n'
  printf 'group alone\n  title: Living alone\n  when: lives_alone = yes\n\n'
} > "$1"
