#!/usr/bin/env python3
"""SciPy's time for the four numeric drift statistics together (KS, PSI,
Wasserstein, Jensen-Shannon), defined as in shared/reference/drift/README.md.

    python3 Benchmarks/drift_scipy.py [--ref REF.f64 --cur CUR.f64] [--runs 5] [--n 1000000]

Without --ref/--cur it draws N(0, 1) vs N(0.1, 1.05) with numpy's
default_rng (seeds 1 and 2). Prints the median seconds of the runs on the
first line, then the statistics of the last run as `name value` lines.
flightdeck-bench's `drift` group runs it on its own data in the same run.
"""
import argparse
import time

import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon


def four(ref, cur):
    ks = stats.ks_2samp(ref, cur)  # two-sided, method='auto'
    edges = np.quantile(ref, np.linspace(0, 1, 11)[1:-1])
    ref_counts = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=10)
    cur_counts = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=10)
    p_ref = np.maximum(ref_counts / ref.size, 1e-4)
    p_cur = np.maximum(cur_counts / cur.size, 1e-4)
    psi = np.sum((p_cur - p_ref) * np.log(p_cur / p_ref))
    wasserstein = stats.wasserstein_distance(ref, cur)
    normalised = wasserstein / ref.std()
    low = min(ref.min(), cur.min())
    high = max(ref.max(), cur.max())
    ref_hist, _ = np.histogram(ref, bins=20, range=(low, high))
    cur_hist, _ = np.histogram(cur, bins=20, range=(low, high))
    js = jensenshannon(ref_hist / ref_hist.sum(), cur_hist / cur_hist.sum())
    return {
        "ks_statistic": ks.statistic,
        "ks_pvalue": ks.pvalue,
        "psi": psi,
        "wasserstein": wasserstein,
        "wasserstein_normed": normalised,
        "js_distance": js,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref")
    parser.add_argument("--cur")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.ref and args.cur:
        ref = np.fromfile(args.ref, dtype="<f8")
        cur = np.fromfile(args.cur, dtype="<f8")
    else:
        ref = np.random.default_rng(1).normal(0.0, 1.0, args.n)
        cur = np.random.default_rng(2).normal(0.1, 1.05, args.n)
    times = []
    values = None
    for _ in range(args.runs):
        start = time.perf_counter()
        values = four(ref, cur)
        times.append(time.perf_counter() - start)
    print(float(np.median(times)))
    for name, value in values.items():
        print(name, repr(float(value)))


if __name__ == "__main__":
    main()
