#!/usr/bin/env python3
"""The peer for bench/eval_fft.sh: tf-idf (word 1-2 grams, sublinear) and a linear
SVM (scikit-learn's LinearSVC, one-vs-rest), as an analyst might script it, on the
same folds. Prints the mean over folds of micro-F1, macro-F1 and accuracy.

  fft_peer.py FOLD_DIR FOLDS LABEL_COLUMN [--sep SEP | --label-map MAP]
"""
import csv
import warnings
import statistics
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC
from sklearn.multiclass import OneVsRestClassifier


def labels_of(cell, sep, mapping):
    parts = [p.strip() for p in (cell.split(sep) if sep else [cell])]
    return [mapping.get(p, p) for p in parts if p]


def read(path, column, sep, mapping):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [(r["text"], labels_of(r[column], sep, mapping)) for r in csv.DictReader(f)]
    return [(t, l) for t, l in rows if l and t.strip()]


def main():
    warnings.filterwarnings("ignore")  # "label present in all training examples" on small folds
    work, folds, column = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    sep, mapping = None, {}
    if len(sys.argv) > 5 and sys.argv[4] == "--sep":
        sep = sys.argv[5]
    if len(sys.argv) > 5 and sys.argv[4] == "--label-map":
        for entry in sys.argv[5].split(";"):
            codes, label = entry.split("=")
            mapping.update({c.strip(): label.strip() for c in codes.split(",")})
    micro, macro, accuracy, seconds = [], [], [], []
    for k in range(1, folds + 1):
        train = read(f"{work}/train_{k}.csv", column, sep, mapping)
        test = read(f"{work}/test_{k}.csv", column, sep, mapping)
        start = time.time()
        vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        x = vectoriser.fit_transform([t for t, _ in train])
        if sep:
            binariser = MultiLabelBinarizer().fit([l for _, l in train] + [l for _, l in test])
            model = OneVsRestClassifier(LinearSVC()).fit(x, binariser.transform([l for _, l in train]))
            truth = binariser.transform([l for _, l in test])
        else:
            model = LinearSVC().fit(x, [l[0] for _, l in train])
            truth = [l[0] for _, l in test]
        seconds.append(time.time() - start)
        predicted = model.predict(vectoriser.transform([t for t, _ in test]))
        present = sorted(set(truth)) if not sep else [j for j in range(truth.shape[1]) if truth[:, j].sum() > 0]
        micro.append(f1_score(truth, predicted, average="micro"))
        macro.append(f1_score(truth, predicted, average="macro", labels=present))
        accuracy.append(accuracy_score(truth, predicted))
    print("  peer (scikit-learn tf-idf + LinearSVC) mean: micro-F1 %.4f  macro-F1 %.4f  accuracy %.4f  train %.1f s"
          % (statistics.mean(micro), statistics.mean(macro), statistics.mean(accuracy), statistics.mean(seconds)))


if __name__ == "__main__":
    main()
