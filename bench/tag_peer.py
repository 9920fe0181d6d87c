#!/usr/bin/env python3
"""The peer for bench/tag_bench.sh: what an analyst might script to tag a store
with a learned model. Trains tf-idf (word 1-2 grams, sublinear) and a linear SVM
(scikit-learn's LinearSVC) on a labelled CSV, then reads every response of a
yousaid store through Xapian's Python bindings, predicts its label, and writes
it back as a theme term, in one commit. Prints "train SECONDS tag SECONDS".

  tag_peer.py STORE LABELS.csv TEXT_COLUMN LABEL_COLUMN
"""
import csv
import json
import re
import sys
import time

import xapian
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

BATCH = 4096


def slug(label):
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def main():
    store, labels_csv, text_column, label_column = sys.argv[1:5]
    start = time.time()
    with open(labels_csv, newline="", encoding="utf-8") as f:
        rows = [(r[text_column], r[label_column]) for r in csv.DictReader(f)]
    rows = [(t, l) for t, l in rows if t.strip() and l.strip()]
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    model = LinearSVC().fit(vectoriser.fit_transform([t for t, _ in rows]), [l for _, l in rows])
    trained = time.time()

    db = xapian.WritableDatabase(store, xapian.DB_OPEN)
    docids = [p.docid for p in db.postlist("")]
    for i in range(0, len(docids), BATCH):
        docs = [db.get_document(d) for d in docids[i : i + BATCH]]
        data = [json.loads(doc.get_data()) for doc in docs]
        predicted = model.predict(vectoriser.transform([d["text"] for d in data]))
        for docid, doc, d, label in zip(docids[i : i + BATCH], docs, data, predicted):
            d["themes"].append({"id": slug(label), "source": "model"})
            doc.add_boolean_term("XT" + slug(label))
            doc.set_data(json.dumps(d))
            db.replace_document(docid, doc)
    db.commit()
    print("train %.2f tag %.2f" % (trained - start, time.time() - trained))


if __name__ == "__main__":
    main()
