"""Expected values from SciPy/NumPy for the org.staffoutcomes.stats tests, and a cross-check with R.

Run from the project root (/work/main), AFTER make_fixtures.R (it reads the R-written cases.csv),
with Debian's python3 (the one that has SciPy), not a pyenv python3 earlier on PATH:
    /usr/bin/python3 src/test/resources/stats-fixtures/make_fixtures.py
Writes, next to this script:
    expected_scipy.csv  same columns as expected_r.csv, from scipy.stats.pearsonr (+ its
                        confidence_interval), scipy.stats.spearmanr, numpy.quantile (default
                        method "linear" = R type 7), numpy mean/min/max, scipy.stats.linregress
    ranks_scipy.csv     scipy.stats.rankdata(v, method="average")
    expected_exact.csv  means and the least-squares line in exact rational arithmetic
                        (fractions.Fraction) on the same doubles, rounded once at the end: a third
                        reference that settles disagreements between R and SciPy
    r_vs_scipy.csv      every value compared with R's, by the rules the Java tests use:
                        agree = |r - scipy| <= max(1e-9 |r|, 1e-12), NaN agrees only with NaN;
                        p-values relatively only (|diff| <= 1e-9 |r|), except when the coefficient
                        is within 1e-12 of +-1, where both must be <= 1e-12 ("zero up to
                        rounding"). Disagreements are also printed.
"""
import csv
import math
import os
import sys
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
PROBS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]
PROB_NAMES = ["q0", "q10", "q25", "q50", "q75", "q90", "q100"]
REL_TOL, ABS_TOL = 1e-9, 1e-12


def fmt(v):
    v = float(v)
    return "NaN" if math.isnan(v) else repr(v)


def read_cases():
    cases = {}
    with open(os.path.join(HERE, "cases.csv"), newline="") as f:
        for row in csv.DictReader(f):
            xs, ys = cases.setdefault(row["case"], ([], []))
            assert int(row["i"]) == len(xs)
            xs.append(float(row["x"]))
            ys.append(float(row["y"]))
    return {k: (np.array(x), np.array(y)) for k, (x, y) in cases.items()}


def ci(res, level):
    # SciPy computes Fisher's z interval for any n; with n <= 3 the standard error 1/sqrt(n-3)
    # is infinite (or a division by zero), so whatever it returns there is recorded as is.
    with np.errstate(all="ignore"):
        c = res.confidence_interval(confidence_level=level)
    return c.low, c.high


def expected_row(name, x, y):
    pe = stats.pearsonr(x, y)
    sp = stats.spearmanr(x, y)
    lo95, hi95 = ci(pe, 0.95)
    lo90, hi90 = ci(pe, 0.90)
    fit = stats.linregress(x, y)
    row = {"case": name, "n": str(len(x)),
           "pearson_r": fmt(pe.statistic), "pearson_ci_low": fmt(lo95), "pearson_ci_high": fmt(hi95),
           "pearson_ci90_low": fmt(lo90), "pearson_ci90_high": fmt(hi90),
           "pearson_p": fmt(pe.pvalue),
           "spearman_rho": fmt(sp.correlation), "spearman_p": fmt(sp.pvalue),
           "lm_intercept": fmt(fit.intercept), "lm_slope": fmt(fit.slope)}
    for var, v in (("x", x), ("y", y)):
        row[var + "_mean"] = fmt(np.mean(v))
        row[var + "_min"] = fmt(np.min(v))
        row[var + "_max"] = fmt(np.max(v))
        for pn, q in zip(PROB_NAMES, np.quantile(v, PROBS)):
            row[var + "_" + pn] = fmt(q)
    return row


def exact_row(name, x, y):
    xs = [Fraction(v) for v in x]
    ys = [Fraction(v) for v in y]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((a - mx) ** 2 for a in xs)
    sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys))
    slope = sxy / sxx
    return {"case": name, "x_mean": fmt(mx), "y_mean": fmt(my),
            "lm_intercept": fmt(my - slope * mx), "lm_slope": fmt(slope)}


def agree(a, b):
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= max(REL_TOL * abs(a), ABS_TOL)


def agree_p(a, b, r):
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if abs(float(r)) >= 1 - ABS_TOL:
        return a <= ABS_TOL and b <= ABS_TOL
    return abs(a - b) <= REL_TOL * abs(a)


def main():
    cases = read_cases()
    with open(os.path.join(HERE, "expected_r.csv"), newline="") as f:
        r_rows = list(csv.DictReader(f))
    header = list(r_rows[0].keys())
    rows = [expected_row(name, x, y) for name, (x, y) in cases.items()]
    with open(os.path.join(HERE, "expected_scipy.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    exact = [exact_row(name, x, y) for name, (x, y) in cases.items()]
    with open(os.path.join(HERE, "expected_exact.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(exact[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(exact)

    rank_rows = []
    for name, (x, y) in cases.items():
        for var, v in (("x", x), ("y", y)):
            for i, rk in enumerate(stats.rankdata(v, method="average")):
                rank_rows.append([name, var, str(i), fmt(rk)])
    with open(os.path.join(HERE, "ranks_scipy.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "var", "i", "rank"])
        w.writerows(rank_rows)

    comparison, disagreements = [], []
    by_case = {r["case"]: r for r in rows}
    for r_row in r_rows:
        s_row = by_case[r_row["case"]]
        for col in header[2:]:
            if col == "pearson_p":
                ok = agree_p(r_row[col], s_row[col], r_row["pearson_r"])
            elif col == "spearman_p":
                ok = agree_p(r_row[col], s_row[col], r_row["spearman_rho"])
            else:
                ok = agree(r_row[col], s_row[col])
            rv, sv = float(r_row[col]), float(s_row[col])
            diff = abs(rv - sv) if not (math.isnan(rv) or math.isnan(sv)) else float("nan")
            comparison.append([r_row["case"], col, r_row[col], s_row[col], fmt(diff), "yes" if ok else "NO"])
            if not ok:
                disagreements.append(comparison[-1])
    with open(os.path.join(HERE, "ranks_r.csv"), newline="") as f:
        r_ranks = [row for row in csv.reader(f)][1:]
    for rr, sr in zip(r_ranks, rank_rows, strict=True):
        assert rr[:3] == sr[:3], (rr, sr)
        if not agree(rr[3], sr[3]):
            disagreements.append([rr[0], "rank " + rr[1] + "[" + rr[2] + "]", rr[3], sr[3], "", "NO"])
            comparison.append(disagreements[-1])
    with open(os.path.join(HERE, "r_vs_scipy.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "value", "r", "scipy", "abs_diff", "agree"])
        w.writerows(comparison)

    print("python", sys.version.split()[0], "numpy", np.__version__, "scipy", scipy.__version__)
    print("Wrote expected_scipy.csv, expected_exact.csv, ranks_scipy.csv, r_vs_scipy.csv to", HERE)
    print(len(disagreements), "R/SciPy disagreements:")
    for d in disagreements:
        print("  ", d)


if __name__ == "__main__":
    main()
