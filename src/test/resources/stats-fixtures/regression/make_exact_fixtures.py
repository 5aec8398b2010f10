"""Exact rational reference values for the regression fixtures: a check on R where R loses digits.

Run from the project root, AFTER make_regression_fixtures.R (it reads data.csv, wls_r.csv,
weighted_pearson_r.csv and partial_r.csv), with any Python 3 (standard library only):
    /usr/bin/python3 src/test/resources/stats-fixtures/regression/make_exact_fixtures.py
Computes in fractions.Fraction arithmetic on the same doubles, rounding once at the end:
    wls_exact.csv      model,term,value  with term <predictor>/estimate, <predictor>/se (the
                       intercept as "intercept") and r2: the weighted normal equations
                       (X'WX) b = X'Wy solved exactly; se = sqrt(s^2 [(X'WX)^-1]_jj) with
                       s^2 = sum w e^2 / (n - p) (the square root is a second rounding);
                       r2 = MSS / (MSS + RSS) as R's summary.lm.
    correlations_exact.csv  family,case,r  the weighted Pearson r (cov.wt) and the partial r
                       (correlation of the exact OLS residuals), from exact sums (one square root).
Prints, for each value, its relative difference from R's, so that disagreements are visible.
"""
import csv
import math
import os
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, name), newline="") as f:
        return list(csv.DictReader(f))


def data():
    out = {}
    for row in read("data.csv"):
        v = out.setdefault(row["dataset"], {}).setdefault(row["var"], [])
        assert int(row["i"]) == len(v)
        v.append(Fraction(float(row["value"])))
    return out


def solve(a, b):
    """Solves a x = b exactly (Gauss-Jordan); a is a list of rows."""
    n = len(a)
    m = [row[:] + [rhs] for row, rhs in zip(a, b)]
    for c in range(n):
        piv = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[piv] = m[piv], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def inverse_diagonal(a):
    n = len(a)
    return [solve(a, [Fraction(int(i == j)) for i in range(n)])[j] for j in range(n)]


def wls(y, xs, w):
    """xs: predictor columns; an intercept column is appended last."""
    n = len(y)
    cols = xs + [[Fraction(1)] * n]
    p = len(cols)
    xtwx = [[sum(w[i] * cols[a][i] * cols[b][i] for i in range(n)) for b in range(p)]
            for a in range(p)]
    xtwy = [sum(w[i] * cols[a][i] * y[i] for i in range(n)) for a in range(p)]
    beta = solve(xtwx, xtwy)
    fitted = [sum(beta[a] * cols[a][i] for a in range(p)) for i in range(n)]
    rss = sum(w[i] * (y[i] - fitted[i]) ** 2 for i in range(n))
    fbar = sum(w[i] * fitted[i] for i in range(n)) / sum(w)
    mss = sum(w[i] * (fitted[i] - fbar) ** 2 for i in range(n))
    s2 = rss / (n - p)
    se = [math.sqrt(s2 * d) for d in inverse_diagonal(xtwx)]
    return beta, se, mss / (mss + rss)


def residuals(v, zs):
    n = len(v)
    beta, _, _ = wls(v, zs, [Fraction(1)] * n)
    cols = zs + [[Fraction(1)] * n]
    return [v[i] - sum(beta[a] * cols[a][i] for a in range(len(cols))) for i in range(n)]


def correlation(x, y, w):
    sw = sum(w)
    mx = sum(wi * xi for wi, xi in zip(w, x)) / sw
    my = sum(wi * yi for wi, yi in zip(w, y)) / sw
    sxy = sum(wi * (xi - mx) * (yi - my) for wi, xi, yi in zip(w, x, y))
    sxx = sum(wi * (xi - mx) ** 2 for wi, xi in zip(w, x))
    syy = sum(wi * (yi - my) ** 2 for wi, yi in zip(w, y))
    r2 = sxy * sxy / (sxx * syy)
    return math.copysign(math.sqrt(r2), sxy)


def rel(a, b):
    return abs(a - b) / abs(b) if b != 0 else abs(a - b)


def main():
    d = data()
    r_terms = {(r["model"], r["term"]): r for r in read("wls_terms_r.csv")}
    wls_rows = []
    print("relative difference R vs exact:")
    for m in read("wls_r.csv"):
        ds = d[m["dataset"]]
        names = m["predictors"].split(" ")
        n = len(ds[m["y"]])
        w = ds[m["weights"]] if m["weights"] else [Fraction(1)] * n
        beta, se, r2 = wls(ds[m["y"]], [ds[x] for x in names], w)
        for name, b, s in zip(names + ["intercept"], beta, se):
            wls_rows.append([m["model"], name + "/estimate", repr(float(b))])
            wls_rows.append([m["model"], name + "/se", repr(s)])
            r = r_terms[(m["model"], name)]
            print(f"  {m['model']:14s} {name:12s} estimate {rel(float(r['estimate']), float(b)):.1e}"
                  f"  se {rel(float(r['se']), s):.1e}")
        wls_rows.append([m["model"], "r2", repr(float(r2))])
        print(f"  {m['model']:14s} r2 {rel(float(m['r2']), float(r2)):.1e}")

    corr_rows = []
    for c in read("weighted_pearson_r.csv"):
        ds = d[c["dataset"]]
        r = correlation(ds[c["x"]], ds[c["y"]], ds[c["w"]])
        corr_rows.append(["weighted_pearson", c["case"], repr(r)])
        print(f"  weighted_pearson {c['case']:18s} r {rel(float(c['r']), r):.1e}")
    for c in read("partial_r.csv"):
        ds = d[c["dataset"]]
        zs = [ds[z] for z in c["covariates"].split(" ")]
        n = len(ds[c["x"]])
        r = correlation(residuals(ds[c["x"]], zs), residuals(ds[c["y"]], zs), [Fraction(1)] * n)
        corr_rows.append(["partial", c["case"], repr(r)])
        print(f"  partial {c['case']:18s} r {rel(float(c['r']), r):.1e}")

    with open(os.path.join(HERE, "wls_exact.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "term", "value"])
        w.writerows(wls_rows)
    with open(os.path.join(HERE, "correlations_exact.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["family", "case", "r"])
        w.writerows(corr_rows)
    print("Wrote wls_exact.csv, correlations_exact.csv to", HERE)


if __name__ == "__main__":
    main()
