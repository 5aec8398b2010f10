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
      | `<score>` | score: microdata weighted to the national occupation-group mix (or unweighted with `weighting: none`); distributions: mean of item means; a percent score: the mean of its items' % positive (weighted / plain), all required |
      | `<score>_unweighted` | microdata: the plain mean of respondents' scores (a percent score: of the items' plain % positive) |
      | `<score>_base` | microdata: respondents having the score; distributions: the smallest item base behind it; a percent score (`kind: percent`, e.g. `ftsu_index`): the smallest base of its items, in both shapes |
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
      | `method` | `pearson`, `spearman`, `pearson_weighted` (weights named in `note`: the catalog's `analysis.weights`, default the staff measure's base n) or `partial` (Pearson r of the residuals after the covariates named in `note`: the catalog's `analysis.covariates`, default trust type and log base n); the last two for interval outcomes only |
      | `r` | coefficient (empty when not computed; see `note`) |
      | `ci_low`, `ci_high` | 95% confidence interval by Fisher's z (not for Spearman; n - 3 - k for a partial r on k covariates) |
      | `p` | two-sided p-value (t distribution with n - 2 degrees of freedom; n - 2 - k for a partial r) |
      | `p_adjusted` | Benjamini-Hochberg adjusted p over every association test of the run (every correlation row, each model's staff measure term, each random-effects pool) |
      | `n` | pairs with both values (and a weight, or every covariate) |
      | `note` | empty, or why no coefficient was computed, or the weights or covariates used |

      ### Bundle `data/findings.csv`

      The rows of `correlations.csv` (year `pooled`, scope `all`, Pearson for interval outcomes and Spearman for ordinal ones) whose `p_adjusted` is below 0.05, strongest (largest |r|) first; the index page lists the first ten in words.

      ### Bundle `data/models.csv`

      One row per model term, per staff measure, interval outcome, lag and scope, every survey year together (see `methods.md`).

      | column | meaning |
      |---|---|
      | `model` | `wls` (outcome ~ staff), `wls_prior_outcome` (outcome ~ staff + `<outcome>_prev1`), `fixed_effects` (outcome ~ staff + trust and year effects), `fixed_effects_prior_outcome` (the same with `<outcome>_prev1`) |
      | `staff_measure`, `outcome`, `lag`, `scope` | as in `correlations.csv`; at lag 1 the outcome is `<outcome>_lag1` |
      | `weights` | the product of panel columns weighting a WLS model (`none` for fixed effects) |
      | `term` | the staff measure, `<outcome>_prev1` or `intercept` (fixed-effects models report no intercept) |
      | `estimate`, `se`, `t`, `p` | coefficient, standard error (clustered by trust, CR1, for fixed effects), t and two-sided p (df n - parameters for WLS, trusts - 1 for fixed effects) |
      | `p_adjusted` | Benjamini-Hochberg adjusted p of the staff measure's term; empty for other terms |
      | `ci_low`, `ci_high` | 95% confidence interval |
      | `n`, `n_groups` | trust-years; trusts (clusters) for fixed effects, else 0 |
      | `r2` | R^2 (weighted for WLS; within R^2 for fixed effects) |
      | `note` | empty, or why the model was not estimated |

      ### Bundle `data/pooled.csv`

      The yearly Pearson correlations of each association pooled by random-effects meta-analysis. Not the `pooled` rows of `correlations.csv`, which put every trust-year together as if independent.

      | column | meaning |
      |---|---|
      | `staff_measure`, `outcome`, `lag`, `scope` | as in `correlations.csv` |
      | `method` | `random_effects_dl`: DerSimonian-Laird on Fisher's z, weights 1/(1/(n-3) + tau^2) |
      | `k` | years pooled |
      | `estimate`, `ci_low`, `ci_high` | pooled r and its 95% interval (back-transformed from z) |
      | `p`, `p_adjusted` | two-sided p of the pooled z, and as adjusted over the run |
      | `tau2`, `i2`, `q` | between-year variance of z, I^2 (percent) and Cochran's Q |
      | `note` | empty, or why nothing was pooled |

      ### Bundle `data/forest_<staff>_<outcome>.csv`

      The headline staff measure against each interval outcome (lag 0, all trusts), as its forest plot draws it.

      | column | meaning |
      |---|---|
      | `label`, `kind` | a survey year (`year`), `All trust-years pooled` (`pooled_trust_year`) or `Random effects (DerSimonian-Laird)` (`random_effects`) |
      | `estimate`, `ci_low`, `ci_high`, `n` | r with its 95% CI and pairs (summed over the years pooled for random effects) |
      | `weight` | a year's weight in the random-effects pool, percent |
      | `note` | why a year has no coefficient, or tau^2, I^2 and k for random effects |

      ### Bundle `data/trends.csv`

      | column | meaning |
      |---|---|
      | `measure` | measure name |
      | `group` | benchmarking group, or `All organisations` |
      | `year` | survey year |
      | `n` | organisations with a value |
      | `mean`, `median`, `q1`, `q3`, `min`, `max` | distribution across organisations; quartiles by R's type 7 |

      ### Bundle `data/changes.csv` (lake `analysis/changes`)

      One row per staff measure, organisation and survey year with a value (method: `methods.md`, Where each trust stands).

      | column | meaning |
      |---|---|
      | `org_code`, `measure`, `year` | the key |
      | `value`, `n` | the measure and its base (respondents) in `year` |
      | `previous_year`, `previous_value` | `year - 1` and its value (empty when there is none) |
      | `change` | `value - previous_value`, on the measure's scale (percentage points for a percentage) |
      | `p` | two-sided p of the change: pooled two-proportion z-test without continuity correction on the two bases, for a measure whose unit begins with `%`; empty when not tested |
      | `significance` | `significantly better`, `significantly worse` (5%, by `higher_is_better`), `no significant change`, or `not tested: no value in <year>`, `not tested: no standard error` (mean scores: the panel has no standard error), `not tested: no base n`, `not tested: 0% or 100% in both years` |
      | `five_year_change`, `five_year_p`, `five_year_significance` | the same against `year - 5` |

      ### Bundle `data/positions.csv` (lake `analysis/positions`)

      One row per measure (staff measures and outcomes that are not ordinal), organisation and survey year with a value.

      | column | meaning |
      |---|---|
      | `org_code`, `measure`, `year`, `benchmark_group` | the key and the panel's benchmarking group |
      | `value` | the organisation's value |
      | `group_best`, `group_median`, `group_worst` | the group's best and worst by the measure's direction, and its median (type 7), over members with a value that year |
      | `quintile` | 1 = the group's best fifth ... 5 = its worst (type-7 cut points; a value on a cut point is in the better fifth) |
      | `rank` | 1 = best; tied values share the best rank of the tie (1, 2, 2, 4) |
      | `group_n` | members of the group with a value that year |

      ### Bundle `data/spc.csv` (lake `analysis/spc`)

      One row per point of each organisation's XmR chart, for the catalog's `analysis.spc_measures` (default: the headline staff measure and every outcome that is not ordinal), over the survey years with a value.

      | column | meaning |
      |---|---|
      | `org_code`, `measure`, `year`, `value` | the point |
      | `moving_range` | `abs(value - the previous point's value)`; empty for the first |
      | `mean`, `lower_limit`, `upper_limit` | the chart's centre line and process limits, mean -/+ 2.66 x the mean moving range (same on every point of a chart) |
      | `near_lower`, `near_upper` | the 2-sigma lines, mean -/+ (2 x 2.66 / 3) x the mean moving range |
      | `rules` | the Making Data Count rules the point takes part in, `;`-separated: `beyond_limit`, `shift` (7 on one side of the mean), `trend` (7 rising or falling), `two_of_three` (2 of 3 beyond a 2-sigma line); empty for none |
      | `variation` | `common cause`, `special cause improvement` (on the better side of the mean) or `special cause concern` |
      | `note` | empty, or that the chart has fewer than 12 points |

      ### Bundle `data/funnel_<outcome>.csv` (lake `analysis/funnel`)

      For each ratio outcome in the catalog's `analysis.funnels`: every organisation with a numerator and a positive denominator in the outcome's latest survey year.

      | column | meaning |
      |---|---|
      | `outcome`, `year`, `org_code` | the key |
      | `model` | `poisson` (events in an exposure) or `binomial` (successes out of whole-number trials) |
      | `numerator`, `denominator` | the summed counts; the denominator is the volume on the funnel's x axis |
      | `value` | `scale x numerator / denominator` |
      | `target` | the pooled value of every organisation that year, `scale x sum(numerator) / sum(denominator)` |
      | `lower_998`, `lower_95`, `upper_95`, `upper_998` | exact 99.8% and 95% limits at this volume (Spiegelhalter's interpolated Poisson or binomial quantiles), on the measure's scale; no overdispersion adjustment |
      | `position` | `above 99.8% limit`, `above 95% limit`, `within limits`, `below 95% limit`, `below 99.8% limit`, or `not tested: <why>` |

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

      ### Bundle `data/unknown_organisations.csv` (and `lake/analysis/unknown_organisations/`)

      Written when a panel organisation code is in neither the organisations reference nor the
      successors dataset (catalog `unknown_organisations: flag`). Their rows stay in the lake but are
      left out of every figure of the bundle.

      | column | meaning |
      |---|---|
      | `org_code` | the code as the panel holds it (after code maps and successions) |
      | `datasets` | the datasets with a value for it, in catalog order, joined by `;` |
      | `survey_years` | the survey years it has a panel row in, joined by `;` |
      | `organisation_years` | bundle only: how many panel rows were left out |

      ### Bundle `data/organisation_years.csv` (lake `analysis/organisation_years`)

      One row per organisation and year of the panel (organisations no reference knows left out), in
      the panel's order: what the trust pages (`trusts/`) name and mark.

      | column | meaning |
      |---|---|
      | `org_code`, `survey_year` | the key |
      | `org_name`, `trust_type`, `benchmark_group`, `region` | the panel's attributes that year (empty when none) |
      | `restated` | true for a year before the organisation's merger took effect (catalog `succession: restate` and a successors dataset with `effective_date`): its values combine its predecessors'; false otherwise |
      | `predecessors` | the codes restated under this organisation, joined by `;` (same conditions; empty for most) |
      | `succession` | the panel's `succession` text that year |
      """;
}
