"""Independent computation of the per-year correlation of Engagement.index with SHMI.index in the
real published files (../shared/real-data/nhs-engagement-2012-2018/), for RealDataTest.

Run from the repository root:
    /usr/bin/python3 src/test/resources/real-data-expected/make_expected.py ../shared/real-data/nhs-engagement-2012-2018 \
        > src/test/resources/real-data-expected/engagement_shmi_by_year.csv

Pandas reads each YYYY.NHS.csv; a trust-year counts when both values are present on its row (the
pipeline pairs the staff and outcome rows by code within the year, which is the same row).
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
    both = df[["Engagement.index", "SHMI.index"]].dropna()
    x, y = both["Engagement.index"].to_numpy(float), both["SHMI.index"].to_numpy(float)
    pr = stats.pearsonr(x, y)
    ci = pr.confidence_interval(0.95)
    sr = stats.spearmanr(x, y)
    print(f"{year},pearson,{len(x)},{pr.statistic!r},{pr.pvalue!r},{ci.low!r},{ci.high!r}")
    print(f"{year},spearman,{len(x)},{sr.statistic!r},{sr.pvalue!r},,")
