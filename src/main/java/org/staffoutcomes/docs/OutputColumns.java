package org.staffoutcomes.docs;

/** The documentation of the pipeline's own outputs (their columns are fixed in code, not in descriptors). */
final class OutputColumns {

  private OutputColumns() {}

  static final String MARKDOWN = """
      ## Outputs

      ### Lake: `lake/raw/<dataset>/` (Parquet, partitioned by `year`)

      The dataset's declared columns, typed, plus:

      | column | meaning |
      |---|---|
      | `source_file` | input file, relative to the input folder |
      | `source_line` | 1-based line of the record in that file (the header is line 1) |
      | `period_start`, `period_end` | first day of the first and of the last month the row covers |
      | `year` | partition: calendar year of `period_start` |

      ### Lake: `lake/quarantine/<dataset>/` and bundle `data/quarantine.csv`

      | column | meaning |
      |---|---|
      | `dataset` | dataset name |
      | `source_file`, `source_line` | where the rejected record is |
      | `raw` | the record's text as it stands in the file |
      | `reason` | every problem found, each naming the column number, header and value |

      ### Lake: `lake/scores/<dataset>/` (survey datasets: one row per organisation and survey year)

      Survey microdata and response distributions, scored by `scores/ScoreStage` from the question
      catalogue (method: `notebooks-docs/methods.md`, section Survey scores). The panel reads this
      table for these datasets. `<score>` and `<item>` are canonical ids with `.` written `_`.

      | column | meaning |
      |---|---|
      | organisation column, attributes | as declared; microdata organisation codes after the `code_map` |
      | `period_start`, `period_end`, `year` | the survey year |
      | `respondents` | microdata: respondents of the organisation in that year |
      | `<score>` | score: microdata weighted to the national occupation-group mix (or unweighted with `weighting: none`); distributions: mean of item means |
      | `<score>_unweighted` | microdata: the plain mean of respondents' scores |
      | `<score>_base` | microdata: respondents having the score; distributions: the smallest item base behind it |
      | `<item>`, `<item>_unweighted` | mean item score on the year's score range (weighted / plain) |
      | `<item>_positive`, `<item>_positive_unweighted` | % of answers at a positive position |
      | `<item>_base` | respondents answering the item |

      ### Lake: `lake/panel/` (one row per organisation and survey year)

      | column | meaning |
      |---|---|
      | `org_code`, `survey_year` | the key |
      | `org_name`, `trust_type`, `benchmark_group`, `region` | from that year's staff survey row, else the organisations reference, else the catalog's defaults (a restated predecessor's row gives no name: the successor's own applies) |
      | `succession` | with a successors dataset: `restated: includes predecessors A, B` (catalog `succession: restate`), followed, when the dataset has `effective_date`, by `; this year: the predecessors' results combined (C formed 2020)` on the years before the successor took over and `; this year: its own results (C formed 2020)` from then on; or `series ends: succeeded by C` / `series starts: successor of A, B` (`break`, the default); empty for unaffected organisations |
      | `<measure>` | the measure's value in the survey year's window |
      | `<measure>_n` | respondents or base behind a mean |
      | `<measure>_rescaled` | measures with a `scale_change`: true when the value was rescaled from the earlier scale |
      | `<measure>_suppressed` | staff measures with a base: true when the base is below `analysis.min_respondents` (default 11), in which case the value is left empty (disclosure control) |
      | `<measure>_num`, `<measure>_den` | summed numerator and denominator of a rate or ratio |
      | `<outcome>_periods` | number of distinct source periods (months, years) in the window |
      | `<outcome>_lag1` | the outcome's value in the window one year later |
      | `<outcome>_prev1` | the outcome's value in the window one year earlier (the previous period; empty when that window has no value, e.g. before the outcome's data begin) |

      ### Bundle `data/correlations.csv`

      | column | meaning |
      |---|---|
      | `staff_measure`, `outcome` | measure names |
      | `lag` | 0: outcome in the survey year's window; 1: the window one year later |
      | `scope` | `all`, or one trust type |
      | `year` | the survey year, or `pooled` (every organisation-year of the scope together) |
      | `method` | `pearson` or `spearman` |
      | `r` | coefficient (empty when not computed; see `note`) |
      | `ci_low`, `ci_high` | 95% confidence interval by Fisher's z (Pearson only) |
      | `p` | two-sided p-value (t distribution with n - 2 degrees of freedom) |
      | `n` | pairs with both values |
      | `note` | empty, or why no coefficient was computed |

      ### Bundle `data/trends.csv`

      | column | meaning |
      |---|---|
      | `measure` | measure name |
      | `group` | benchmarking group, or `All organisations` |
      | `year` | survey year |
      | `n` | organisations with a value |
      | `mean`, `median`, `q1`, `q3`, `min`, `max` | distribution across organisations; quartiles by R's type 7 |

      ### Bundle `data/merged_organisations_<headline measure>.csv`

      Written when the catalog has a successors dataset (with `effective_date`) and `succession: restate`.

      | column | meaning |
      |---|---|
      | `org_code`, `org_name` | an organisation formed by a merger (the end of a chain), and its name |
      | `survey_year` | every survey year |
      | `<headline>`, `<headline>_n` | the headline staff measure and its base, as in the panel |
      | `restated` | true for the years before its (latest) merger: the value combines its predecessors |
      | `merged_in` | the year of the merger's effective date |
      | `succession` | the panel's `succession` text, naming the predecessors |
      """;
}
