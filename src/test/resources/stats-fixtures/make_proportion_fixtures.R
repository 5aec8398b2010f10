# Generates R's expected values for org.staffoutcomes.stats.Proportion (ProportionFixtureTest).
#
# Run from the project root (/work/main):
#   Rscript src/test/resources/stats-fixtures/make_proportion_fixtures.R
# Writes, next to this script:
#   proportion_r.csv  case,x,n,conf_level,estimate,ci_low,ci_high
#                     prop.test(x, n, conf.level = conf_level, correct = FALSE): the estimate x / n
#                     and conf.int, the Wilson score interval without continuity correction.
#   quintiles_r.csv   case,i,x,quintile
#                     the input vectors (x printed with %.17g, so it parses back exactly) and the
#                     quintile (1..5) of each value:
#                       cut(x, quantile(x, c(0, .2, .4, .6, .8, 1)), include.lowest = TRUE,
#                           labels = FALSE)
#                     with quantile()'s default type 7. cut() intervals are closed on the right,
#                     so a value equal to a cut point goes to the lower quintile:
#                     [min, q20] -> 1, (q20, q40] -> 2, (q40, q60] -> 3, (q60, q80] -> 4,
#                     (q80, max] -> 5. cut() refuses duplicated breaks ("'breaks' are not
#                     unique"), which heavy ties produce; for those cases (dup_cuts) the
#                     quintile is 1 + findInterval(x, c(q20, q40, q60, q80), left.open = TRUE),
#                     that is 1 + the number of cut points strictly below x: the same rule, which
#                     leaves the quintile between two equal cut points empty. Wherever cut()
#                     works, the script checks that both give identical results.
# Missing values are written as NaN (the interval when n = 0 is not computed by R: prop.test
# refuses n = 0, so that case is tested in Java only).

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

# ---- Wilson intervals -------------------------------------------------------------------------
# (name, x, n, conf.level): the edges x = 0 and x = n (R clamps the bound to exactly 0 or 1),
# n = 1, a trust-sized n = 137, a quintile-sized n = 300, other levels, and a large n.
wilson_cases <- list(
  list("x0_n10", 0, 10, 0.95),
  list("x10_n10", 10, 10, 0.95),
  list("x3_n7", 3, 7, 0.95),
  list("x0_n1", 0, 1, 0.95),
  list("x1_n1", 1, 1, 0.95),
  list("x0_n137", 0, 137, 0.95),
  list("x1_n137", 1, 137, 0.95),
  list("x45_n137", 45, 137, 0.95),
  list("x68_n137", 68, 137, 0.95),
  list("x136_n137", 136, 137, 0.95),
  list("x137_n137", 137, 137, 0.95),
  list("x45_n137_90", 45, 137, 0.90),
  list("x45_n137_99", 45, 137, 0.99),
  list("x135_n300", 135, 300, 0.95),
  list("x240_n300", 240, 300, 0.95),
  list("x0_n300_999", 0, 300, 0.999),
  list("x123457_n1000000", 123457, 1000000, 0.95)
)

wilson_rows <- character(0)
for (w in wilson_cases) {
  name <- w[[1]]; x <- w[[2]]; n <- w[[3]]; level <- w[[4]]
  # Chi-squared approximation warnings (small n) are irrelevant for the interval.
  pt <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))
  ci <- as.numeric(pt$conf.int)
  wilson_rows <- c(wilson_rows, sprintf("%s,%d,%d,%s,%s,%s,%s", name, as.integer(x),
                                        as.integer(n), fmt(level), fmt(unname(pt$estimate)),
                                        fmt(ci[1]), fmt(ci[2])))
}

# ---- Quintiles ----------------------------------------------------------------------------------
probs <- c(0, 0.2, 0.4, 0.6, 0.8, 1)
quintile_cases <- list()

# n = 41: 1 + (n - 1) * p is a whole number for every p, so each cut point is a data value, and
# with one decimal many values tie with a cut point (16 of 41): tests the right-closed rule.
set.seed(20240502)
quintile_cases$ties41 <- round(rnorm(41, mean = 7, sd = 0.4), 1)

# n = 50: cut points interpolated between order statistics; one decimal, so ties again.
quintile_cases$ties50 <- round(rnorm(50, mean = 7, sd = 0.3), 1)

# n = 137 (about the number of acute trusts), unrounded: no ties, cut points between values.
quintile_cases$unrounded137 <- runif(137, min = 6, max = 7.8)

# Heavy ties: q0 = q20 = q40 = 5, so cut() refuses the breaks; quintile 2 stays empty.
quintile_cases$dup_cuts <- c(5, 5, 5, 5, 5, 5, 6, 6, 7, 8, 9, 9)

# Unsorted small vector with negative values and a tie at the top.
quintile_cases$small7 <- c(0.5, -1.25, 3, 2, 3, -0.5, 1)

quintile_rows <- character(0)
for (name in names(quintile_cases)) {
  x <- quintile_cases[[name]]
  q <- quantile(x, probs = probs, names = FALSE)  # default type = 7
  by_interval <- findInterval(x, q[2:5], left.open = TRUE) + 1L
  by_cut <- tryCatch(cut(x, q, include.lowest = TRUE, labels = FALSE),
                     error = function(e) NULL)
  if (is.null(by_cut)) {
    stopifnot(anyDuplicated(q) > 0)  # the only reason cut() should fail here
    quintile <- by_interval
  } else {
    stopifnot(identical(as.integer(by_cut), as.integer(by_interval)))
    quintile <- by_cut
  }
  quintile_rows <- c(quintile_rows, sprintf("%s,%d,%s,%d", name, seq_along(x) - 1L, fmt(x),
                                            as.integer(quintile)))
}

writeLines(c("case,x,n,conf_level,estimate,ci_low,ci_high", wilson_rows),
           file.path(out_dir, "proportion_r.csv"))
writeLines(c("case,i,x,quintile", quintile_rows), file.path(out_dir, "quintiles_r.csv"))
cat("Wrote proportion_r.csv, quintiles_r.csv to", out_dir, "\n")
cat(R.version.string, "\n")
