"""Independent computation of NHS Staff Survey scores from respondent microdata, for
SurveyScoresIndependentTest (org.staffoutcomes.scores).

Run from the repository root with Debian's Python (pandas, numpy, yaml):
    /usr/bin/python3 src/test/resources/survey-scoring/make_expected.py [--comment TEXT]... LANDING QUESTIONS > expected.csv
where LANDING is a landing folder holding staff-microdata/NSS<year>_respondents.csv and QUESTIONS
the question catalogue folder (items.yaml, years/<year>.yaml). README.md in this folder gives the
exact commands that made expected-scores.csv. Each --comment TEXT is written as a header line
"# TEXT" (used to record the command that generated the sample).

Written from the method as documented (notebooks-docs/questions.md, the SurveyScoring javadoc),
with pandas group-bys; it shares no code with the Java pipeline:

- an answer code's favourable position p is its 1-based index in the scale's codes, reversed
  (p -> options + 1 - p) for an item marked `reverse: true`; the year's `not_answered` codes and
  the scale's `dont_know` codes are no answer. Position p scores lo + (p - 1) (hi - lo) / (options - 1)
  with [lo, hi] the year's score_range;
- a respondent's score over items is the mean of the items they answered (at least one); over
  parts, the mean of the part scores, all of which must be present;
- the national reference mix of a year is the share of ALL that year's respondents in each
  occupation group; a respondent of group g at organisation o weighs ref(g) / (n_og / n_o);
- an organisation's score is sum(w x) / sum(w) over its respondents having the score (weighted)
  or their plain mean (unweighted); base = how many respondents have it. An item's mean likewise
  over respondents answering it; its percent positive = 100 x the (weighted) share of its answers
  at positive positions (the item's `positive` list, by default the top two);
- a score of `kind: percent` (the Freedom to Speak Up index, the never-bullied and
  no-discrimination percentages) is no respondent's score: it is the plain mean of its items'
  (weighted, or unweighted) percentages positive, empty unless every item has answers; its base is
  the smallest of its items' bases (0 when empty).

Output: one row per (org_code, year), columns `respondents`, then for each chosen score `<x>`,
`<x>_unweighted`, `<x>_base`, and for each chosen item also `<x>_positive`,
`<x>_positive_unweighted` (`.` in ids becomes `_`). Values are printed with repr (round-trip
exact); an empty cell means no value (nobody has the score / answered the item, or the item is
not mapped that year). Leading `#` lines record the inputs, including each microdata file's sha256.
"""
import glob
import hashlib
import os
import re
import sys

import numpy as np
import pandas as pd
import yaml

SCORES = ["engagement", "motivation", "involvement", "advocacy", "morale", "voice_that_counts", "safe_and_healthy",
          "psychological_safety", "ftsu_index", "no_bullying_from_managers", "no_discrimination_from_colleagues"]
ITEMS = [
    "motivation.look_forward", "motivation.enthusiastic", "motivation.time_passes",
    "involvement.show_initiative", "involvement.make_suggestions", "involvement.make_improvements",
    "advocacy.care_top_priority", "advocacy.recommend_work", "advocacy.recommend_treatment",
    "leaving.think_about_leaving",                  # reverse-scored (2021, 2022)
    "compassionate_culture.role_makes_difference",  # has a not-applicable code (9)
    "errors.treated_fairly",                        # has a don't-know code (9); 2016-2020 and 2022
    "bullying.from_managers",                       # a count question, reversed, positive = Never only
    "discrimination.from_public",                   # yes/no (2 options), reversed, positive = No
]

ORG, GROUP = "ODS code", "Occupation group"


def column(identifier):
    return identifier.replace(".", "_")


def load_catalogue(folder):
    with open(os.path.join(folder, "items.yaml")) as f:
        doc = yaml.safe_load(f)
    items = {i["id"]: i for i in doc["items"]}
    scores = {s["id"]: s for s in doc["scores"]}
    years = {}
    for path in glob.glob(os.path.join(folder, "years", "*.yaml")):
        with open(path) as f:
            y = yaml.safe_load(f)
        years[int(y["year"])] = y
    return items, scores, years


def positions(codes, item, year):
    """Favourable position (float, NaN for no answer) of each code in a column of strings."""
    mapping = year["items"][item["id"]]
    scale = year["scales"][mapping["scale"]]
    options = int(item["options"])
    printed = [str(c) for c in scale["codes"]]
    if len(printed) != options:
        raise SystemExit(f"{item['id']}: scale {mapping['scale']} has {len(printed)} codes, item has {options} options")
    pos = {c: float(k + 1) for k, c in enumerate(printed)}
    if mapping.get("reverse", False):
        pos = {c: options + 1 - p for c, p in pos.items()}
    for c in list(year.get("not_answered", [])) + list(scale.get("dont_know", []) or []):
        pos[str(c)] = np.nan
    unknown = set(codes.unique()) - set(pos)
    if unknown:
        raise SystemExit(f"{year['year']} {item['id']} ({mapping['code']}): unknown codes {sorted(unknown)}")
    return codes.map(pos).astype(float)


def respondent_scores(values, scores, index):
    """Per respondent, every score of the catalogue from the mapped item values (NaN = absent)."""
    out = {}

    def score(sid):
        if sid in out:
            return out[sid]
        s = scores[sid]
        if s.get("items"):
            cols = [values[i] if i in values else pd.Series(np.nan, index=index) for i in s["items"]]
            frame = pd.concat(cols, axis=1)
            out[sid] = frame.mean(axis=1, skipna=True)  # NaN when no item answered
        else:
            frame = pd.concat([score(p) for p in s["parts"]], axis=1)
            out[sid] = frame.mean(axis=1, skipna=False)  # NaN when any part is missing
        return out[sid]

    for sid in scores:
        if scores[sid].get("kind", "mean") == "mean":
            score(sid)
    return out


def org_means(x, w, org):
    """Weighted and plain mean of x per organisation over rows where x is present, and the count."""
    have = x.notna()
    frame = pd.DataFrame({"org": org[have], "wx": (w * x)[have], "w": w[have], "x": x[have]})
    g = frame.groupby("org")
    weighted = g["wx"].sum() / g["w"].sum()
    return weighted, g["x"].mean(), g["x"].size()


def positive_hits(item, p):
    """1.0 where position p is one of the item's positive positions, 0.0 where not, NaN for no answer."""
    options = int(item["options"])
    top = item.get("positive") or [options - 1, options]
    return p.isin([float(t) for t in top]).astype(float).where(p.notna())


def percent_score(score, items, positions_by_item, w, org, index):
    """A percent score per organisation: the mean of its items' (weighted / plain) percentages
    positive, NaN unless every item has a value; base = the smallest item base (0 when NaN)."""
    weighted, plain, bases = [], [], []
    for iid in score["items"]:
        if iid not in positions_by_item:
            nan = pd.Series(np.nan, index=index)
            weighted.append(nan), plain.append(nan), bases.append(pd.Series(0, index=index))
            continue
        hit = positive_hits(items[iid], positions_by_item[iid])
        wp, pp, n = org_means(100.0 * hit, w, org)
        weighted.append(wp.reindex(index)), plain.append(pp.reindex(index)), bases.append(n.reindex(index).fillna(0))
    wmean = pd.concat(weighted, axis=1).mean(axis=1, skipna=False)
    pmean = pd.concat(plain, axis=1).mean(axis=1, skipna=False)
    base = pd.concat(bases, axis=1).min(axis=1).where(wmean.notna(), 0).astype(int)
    return wmean, pmean, base


def year_rows(path, year, items, scores):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    lo, hi = (float(v) for v in year["score_range"])
    positions_by_item, values = {}, {}
    for iid, mapping in year["items"].items():
        item = items[iid]
        options = int(item["options"])
        p = positions(df[mapping["code"]], item, year)
        positions_by_item[iid] = p
        values[iid] = lo + (p - 1) * (hi - lo) / (options - 1)
    per_respondent = respondent_scores(values, scores, df.index)

    org = df[ORG]
    n_o = org.map(org.value_counts())
    n_og = df.groupby([ORG, GROUP])[ORG].transform("size")
    reference = df[GROUP].value_counts() / len(df)
    w = df[GROUP].map(reference) / (n_og / n_o)

    out = pd.DataFrame(index=pd.Index(sorted(org.unique()), name="org_code"))
    out["year"] = int(year["year"])
    out["respondents"] = org.value_counts()
    for sid in SCORES:
        c = column(sid)
        if scores[sid].get("kind", "mean") == "percent":
            out[c], out[c + "_unweighted"], out[c + "_base"] = percent_score(
                scores[sid], items, positions_by_item, w, org, out.index)
            continue
        weighted, plain, base = org_means(per_respondent[sid], w, org)
        out[c], out[c + "_unweighted"], out[c + "_base"] = weighted, plain, base
        out[c + "_base"] = out[c + "_base"].fillna(0).astype(int)
    for iid in ITEMS:
        c = column(iid)
        if iid not in values:
            for suffix in ["", "_unweighted", "_positive", "_positive_unweighted"]:
                out[c + suffix] = np.nan
            out[c + "_base"] = 0
            continue
        hit = positive_hits(items[iid], positions_by_item[iid])
        out[c], out[c + "_unweighted"], base = org_means(values[iid], w, org)
        out[c + "_positive"], out[c + "_positive_unweighted"], _ = org_means(100.0 * hit, w, org)
        out[c + "_base"] = base
        out[c + "_base"] = out[c + "_base"].fillna(0).astype(int)
    return out.reset_index()


def fmt(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return repr(float(v))


def main():
    args = sys.argv[1:]
    comments = []
    while "--comment" in args:
        k = args.index("--comment")
        comments.append(args[k + 1])
        del args[k:k + 2]
    landing, questions = args
    items, scores, years = load_catalogue(questions)
    files = sorted(glob.glob(os.path.join(landing, "staff-microdata", "NSS[0-9][0-9][0-9][0-9]_respondents.csv")))
    if not files:
        raise SystemExit(f"no staff-microdata/NSS<year>_respondents.csv under {landing}")
    frames = []
    print("# Staff Survey scores computed independently from respondent microdata by make_expected.py (pandas "
          + pd.__version__ + ", numpy " + np.__version__ + ")")
    for c in comments:
        print("# " + c)
    print("# command: /usr/bin/python3 src/test/resources/survey-scoring/make_expected.py " + " ".join(args))
    for path in files:
        year = int(re.search(r"NSS(\d{4})_respondents", os.path.basename(path)).group(1))
        if year not in years:
            raise SystemExit(f"{path}: no mapping file years/{year}.yaml")
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print(f"# sha256 staff-microdata/{os.path.basename(path)} {digest}")
        frames.append(year_rows(path, years[year], items, scores))
    table = pd.concat(frames).sort_values(["org_code", "year"])
    ordered = ["org_code", "year", "respondents"]
    for sid in SCORES:
        c = column(sid)
        ordered += [c, c + "_unweighted", c + "_base"]
    for iid in ITEMS:
        c = column(iid)
        ordered += [c, c + "_unweighted", c + "_positive", c + "_positive_unweighted", c + "_base"]
    table = table[ordered]
    print(",".join(ordered))
    for row in table.itertuples(index=False):
        print(",".join(str(v) if k == 0 else fmt(v) for k, v in enumerate(row)))


if __name__ == "__main__":
    main()
