"""Independent computation of the per-year correlation of Engagement.index with SHMI.index in the
real published files (../shared/real-data/nhs-engagement-2012-2018/), for RealDataTest.

Run from the repository root:
    /usr/bin/python3 src/test/resources/real-data-expected/make_expected.py ../shared/real-data/nhs-engagement-2012-2018 \
        > src/test/resources/real-data-expected/engagement_shmi_by_year.csv

Pandas reads each YYYY.NHS.csv. A site code of the form R + 2 characters + digit (R1F1) counts
towards its trust (R1F), as the catalog's code_map says. Per trust and year: engagement is the
respondent-weighted mean of its rows' Engagement.index (the value itself when one row has it),
SHMI the mean of its rows' SHMI.index; a trust-year counts when both are present.
Only the statistics are stored here, never the data.
"""
import sys, glob, os
import pandas as pd
from scipy import stats

folder = sys.argv[1]
print("year,method,n,r,p,ci_low,ci_high")
for path in sorted(glob.glob(os.path.join(folder, "[0-9][0-9][0-9][0-9].NHS.csv"))):
    year = os.path.basename(path)[:4]
    df = pd.read_csv(path, na_values=["NA", "-", ""], keep_default_na=False, thousands=",", dtype={"Code": str})
    df["trust"] = df["Code"].str.replace(r"^(R[A-Z0-9]{2})[0-9]$", r"\1", regex=True)
    rows = []
    for trust, g in df.groupby("trust"):
        e = g.dropna(subset=["Engagement.index"])
        if len(e) == 1:
            engagement = e["Engagement.index"].iloc[0]
        elif len(e) > 1:
            w = e["Survey.engagement.observations.index"]
            engagement = (e["Engagement.index"] * w).sum() / w.sum()
        else:
            engagement = float("nan")
        shmi = g["SHMI.index"].mean()
        rows.append((engagement, shmi))
    both = pd.DataFrame(rows, columns=["Engagement.index", "SHMI.index"]).dropna()
    x, y = both["Engagement.index"].to_numpy(float), both["SHMI.index"].to_numpy(float)
    pr = stats.pearsonr(x, y)
    ci = pr.confidence_interval(0.95)
    sr = stats.spearmanr(x, y)
    print(f"{year},pearson,{len(x)},{pr.statistic!r},{pr.pvalue!r},{ci.low!r},{ci.high!r}")
    print(f"{year},spearman,{len(x)},{sr.statistic!r},{sr.pvalue!r},,")
