#!/usr/bin/python3
"""Peer for bench/scoring.bench.ts: scikit-learn LogisticRegression on one-hot + standardised features.

Reads a CSV and a split file (row,split), fits on the "train" rows and reports, as one JSON line on
stdout, the median fit time (wall and CPU) over --repeat runs (imputation, one-hot encoding, standardisation and the
solver; loading the file is not timed, as on the Credence side) and the AUC on the "test" rows.

Preprocessing is what the shared data README describes, in its strongest form: numeric columns imputed with
the training median plus a missing-indicator column each, and standardised; categorical columns with a
"missing" level, one-hot encoded (unseen levels ignored). On credit_data this reproduces the README's AUC
0.837 (plain median imputation without indicators gives 0.833).
Only numpy and scikit-learn are used (Debian's python3-sklearn, no pandas).
"""
import argparse
import csv
import json
import statistics
import time

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MISSING = {"", "NA", "NaN", "nan", "null", "N/A", "na"}


def number(text):
    return float("nan") if text.strip() in MISSING else float(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--split", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--bad", required=True)
    parser.add_argument("--categorical", default="")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with open(args.data, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    with open(args.split, newline="") as handle:
        reader = csv.DictReader(handle)
        split = {int(r["row"]): r["split"] for r in reader}

    categorical = [c for c in args.categorical.split(",") if c]
    target_index = header.index(args.target)
    features = [c for i, c in enumerate(header) if i != target_index]
    numeric = [c for c in features if c not in categorical]
    y = np.array([1 if r[target_index] == args.bad else 0 for r in rows])
    num = np.array([[number(r[header.index(c)]) for c in numeric] for r in rows], dtype=float)
    cat = np.array(
        [[("missing" if r[header.index(c)].strip() in MISSING else r[header.index(c)]) for c in categorical] for r in rows],
        dtype=object,
    ).reshape(len(rows), len(categorical))
    X = np.empty((len(rows), len(numeric) + len(categorical)), dtype=object)
    X[:, : len(numeric)] = num
    X[:, len(numeric) :] = cat
    train = np.array([split.get(i) == "train" for i in range(len(rows))])
    test = np.array([split.get(i) == "test" for i in range(len(rows))])

    def pipeline():
        pre = ColumnTransformer(
            [
                ("num", Pipeline([("impute", SimpleImputer(strategy="median", add_indicator=True)), ("scale", StandardScaler())]), list(range(len(numeric)))),
                ("cat", OneHotEncoder(handle_unknown="ignore"), list(range(len(numeric), len(numeric) + len(categorical)))),
            ]
        )
        return Pipeline([("pre", pre), ("model", LogisticRegression(max_iter=1000))])

    times = []
    cpu_times = []
    model = None
    for _ in range(max(1, args.repeat)):
        model = pipeline()
        started = time.perf_counter()
        started_cpu = time.process_time()
        model.fit(X[train], y[train])
        cpu_times.append(time.process_time() - started_cpu)
        times.append(time.perf_counter() - started)
    scores = model.predict_proba(X[test])[:, 1]
    import sklearn

    print(
        json.dumps(
            {
                "fit_seconds": statistics.median(times),
                "fit_cpu_seconds": statistics.median(cpu_times),
                "auc": float(roc_auc_score(y[test], scores)),
                "train_rows": int(train.sum()),
                "test_rows": int(test.sum()),
                "sklearn": sklearn.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
