#!/usr/bin/env python3
"""Cross-validation folds of the NHS FFT files (../shared/data/nhs-fft, read by path).

  fft_folds.py DATA_DIR OUT_DIR [FOLDS]

Writes, for each task, OUT_DIR/<task>/train_<k>.csv and test_<k>.csv (k = 1..FOLDS):
  phase1    fft_phase1_train.csv, every row (column `label`, single label)
  qdc       fft_qdc_train.csv, rows with has_text=1, is_did_not_answer=0 and labels_v7 (multi-label)
  polarity  the same rows of fft_qdc_train.csv that have a `sentiment`
Rows are shuffled with a fixed seed and dealt in turn within each (first) label, so
each fold holds about the same share of every label. Standard library only.
"""
import csv
import os
import random
import sys


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)


def deal(rows, key, folds, seed=0):
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    rows.sort(key=key)  # stable: shuffled within each label
    return [[r for i, r in enumerate(rows) if i % folds == k] for k in range(folds)]


def main():
    data, out = sys.argv[1], sys.argv[2]
    folds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    header, phase1 = read(os.path.join(data, "fft_phase1_train.csv"))
    qheader, qdc = read(os.path.join(data, "fft_qdc_train.csv"))
    answered = [r for r in qdc if r["has_text"] == "1" and r["is_did_not_answer"] == "0" and r["labels_v7"].strip()]
    tasks = {
        "phase1": (header, deal(phase1, lambda r: r["label"], folds)),
        "qdc": (qheader, deal(answered, lambda r: r["labels_v7"].split("|")[0], folds)),
        "polarity": (qheader, deal([r for r in answered if r["sentiment"].strip()], lambda r: r["sentiment"], folds)),
    }
    for task, (fields, parts) in tasks.items():
        os.makedirs(os.path.join(out, task), exist_ok=True)
        for k in range(folds):
            train = [r for j, p in enumerate(parts) if j != k for r in p]
            write(os.path.join(out, task, f"train_{k + 1}.csv"), fields, train)
            write(os.path.join(out, task, f"test_{k + 1}.csv"), fields, parts[k])
        print(f"{task}: {sum(len(p) for p in parts)} rows in {folds} folds")


if __name__ == "__main__":
    main()
