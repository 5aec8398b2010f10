#!/usr/bin/env bash
# Regenerates expected-scores.csv: the sample's respondent microdata (20 organisations, survey
# years 2016-2022, microdata share 0.05, default seed), then the independent pandas computation.
# Run from anywhere; works in the repository root. Needs Debian's /usr/bin/python3 (pandas, yaml).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../../.."
sample="jobs/staff-outcomes generate-sample --workdir /tmp/chk --organisations 20 --first-year 2016 --last-year 2022 --microdata-share 0.05"
$sample
/usr/bin/python3 src/test/resources/survey-scoring/make_expected.py \
  --comment "sample: $sample" \
  --comment "generator options: SampleOptions(SampleOptions.DEFAULT_SEED = 20240601, organisations 20, firstYear 2016, lastYear 2022, microdataShare 0.05); years mapped in that range: 2016, 2017 (score range 1-5), 2018, 2019, 2020, 2021, 2022 (0-10); 2016, 2019 and 2020 map only the four Freedom to Speak Up index items" \
  /tmp/chk/landing data-schemas/questions > src/test/resources/survey-scoring/expected-scores.csv
echo "wrote src/test/resources/survey-scoring/expected-scores.csv" >&2
