"""Independent computation of the burnout trend (median and quartiles of Burned_out_rate across
organisations, per benchmarking group and survey year) in the published 2021-2024 file, for
RealDataTest. NumPy's default quantile is R's type 7, as the pipeline's.

Run from the repository root:
    /usr/bin/python3 src/test/resources/real-data-expected/make_burnout_expected.py \
        ../shared/real-data/nhs-staff-wellbeing-2021-2024/organisational-results-2021-2024.csv \
        > src/test/resources/real-data-expected/burnout_trend.csv
"""
import sys
import numpy as np
import pandas as pd

d = pd.read_csv(sys.argv[1], na_values=["NA", "-", ""], keep_default_na=False, dtype={"ODS code": str})
d = d.dropna(subset=["Burned_out_rate"])
print("group,year,n,median,q1,q3")
for (group, year), g in sorted(d.groupby(["Benchmarking group", "Year"])):
    v = g["Burned_out_rate"].to_numpy(float)
    print(f'"{group}",{year},{len(v)},{np.quantile(v, 0.5)!r},{np.quantile(v, 0.25)!r},{np.quantile(v, 0.75)!r}')
