# R's expected values for FixedEffects.twoWay (FixedEffectsFixtureTest).
#
# Run from the project root:
#   Rscript src/test/resources/stats-fixtures/fixed-effects/make_fixed_effects_fixtures.R
# Deterministic (seeded): re-running reproduces the files byte for byte. Writes, next to this script:
#   panels.csv     dataset,i,unit,time,y,x1,x2   the panels (%.17g: values parse back exactly)
#   models_r.csv   model,dataset,predictors,n,n_groups,k,df,r2
#                  predictors space-separated; n_groups = G (units = clusters); k = K of the
#                  small-sample correction (predictors + identified period effects); df = G - 1;
#                  r2 = summary(plm(...))$r.squared["rsq"], the within R^2 (checked against
#                  1 - RSS / TSS from lm with both sets of dummies)
#   terms_r.csv    model,term,estimate,se,t,p,ci_low,ci_high,plm_sss_se
#                  estimate: coef(plm(y ~ x, index = c("unit", "time"), effect = "twoways",
#                  model = "within")), checked equal (1e-10) to lm(y ~ x + factor(unit) +
#                  factor(time)); se: sqrt(diag(sandwich::vcovCL(lm, cluster = ~unit, type = "HC0",
#                  cadjust = TRUE) * (N - 1) / (N - K))), i.e. CR1 with fixest's default ssc
#                  (adj = TRUE, fixef.K = "nested", cluster.adj = TRUE; fixest is not installed
#                  here, so its formula is written out); t = estimate / se; p = 2 pt(-|t|, G - 1);
#                  CI = estimate -/+ qt(0.975, G - 1) se. plm_sss_se: plm's
#                  vcovHC(method = "arellano", type = "sss", cluster = "group"), for comparison
#                  only: it uses K = number of predictors, so it equals se * sqrt((N - K) / (N - p));
#                  the script checks that.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

suppressPackageStartupMessages({
  library(plm)
  library(sandwich)
})

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

make_panel <- function(units, years, keep, seed) {
  set.seed(seed)
  d <- expand.grid(time = years, unit = units, stringsAsFactors = FALSE)[, c("unit", "time")]
  d <- d[keep(d), ]
  a <- setNames(rnorm(length(units), 0, 2), units)      # unit effects
  g <- setNames(rnorm(length(years), 0, 0.5), years)    # period effects
  d$x1 <- 0.8 * a[d$unit] + rnorm(nrow(d), 6.8, 0.4)    # correlated with the unit effect
  d$x2 <- rnorm(nrow(d), 0, 1) + 0.3 * g[as.character(d$time)]
  d$y <- 50 + a[d$unit] + g[as.character(d$time)] + 1.5 * d$x1 - 0.7 * d$x2 +
    rnorm(nrow(d), 0, 1 + 0.5 * (d$time %% 2))
  rownames(d) <- NULL
  d
}

panels <- list()

# 20 units x 6 years, every unit in every year.
panels$balanced <- make_panel(sprintf("R%02d", 1:20), 2016:2021, function(d) TRUE, 101)

# 30 units over 2014..2022 without 2019 (no survey that year); each unit misses some years at
# random, unit "S01" has a single year (a singleton), "S02" has a gap, "S03" only 2 years.
set.seed(102)
drop <- runif(30 * 9) < 0.3
panels$unbalanced <- make_panel(sprintf("S%02d", 1:30), setdiff(2014:2022, 2019), function(d) {
  keep <- !drop[seq_len(nrow(d))]
  keep[d$unit == "S01"] <- d$time[d$unit == "S01"] == 2017
  keep[d$unit == "S02"] <- d$time[d$unit == "S02"] %in% c(2014, 2015, 2021, 2022)
  keep[d$unit == "S03"] <- d$time[d$unit == "S03"] %in% c(2020, 2021)
  keep
}, 103)

# 3 units, 5 years, unbalanced: G - 1 = 2 degrees of freedom for the t tests.
panels$few_units <- make_panel(c("A", "B", "C"), 2018:2022, function(d) {
  !(d$unit == "A" & d$time == 2018) & !(d$unit == "C" & d$time %in% c(2021, 2022))
}, 104)

# A period (2023) observed only in a singleton unit: its effect is not identified (lm reports NA),
# so K counts one period fewer.
p <- make_panel(sprintf("T%02d", 1:12), 2019:2022, function(d) TRUE, 105)
panels$aliased_period <- rbind(p, data.frame(unit = "T99", time = 2023, x1 = 7.1, x2 = 0.4,
                                             y = 61.5))

models <- list(
  list(name = "balanced_x1_x2", data = "balanced", x = c("x1", "x2")),
  list(name = "unbalanced_x1_x2", data = "unbalanced", x = c("x1", "x2")),
  list(name = "unbalanced_x2", data = "unbalanced", x = c("x2")),
  list(name = "few_units_x1", data = "few_units", x = c("x1")),
  list(name = "aliased_period_x1_x2", data = "aliased_period", x = c("x1", "x2")))

panel_rows <- character(0)
for (name in names(panels)) {
  d <- panels[[name]]
  panel_rows <- c(panel_rows, sprintf("%s,%d,%s,%d,%s,%s,%s", name, seq_len(nrow(d)) - 1L, d$unit,
                                      as.integer(d$time), fmt(d$y), fmt(d$x1), fmt(d$x2)))
}

model_rows <- character(0)
term_rows <- character(0)
for (m in models) {
  d <- panels[[m$data]]
  n <- nrow(d)
  G <- length(unique(d$unit))
  p <- length(m$x)
  pm <- plm(reformulate(m$x, response = "y"), data = d, index = c("unit", "time"),
            effect = "twoways", model = "within")
  fit <- lm(reformulate(c(m$x, "factor(unit)", "factor(time)"), response = "y"), data = d)
  cf <- coef(fit)
  periods_identified <- sum(!is.na(cf[grep("^factor\\(time\\)", names(cf))]))
  K <- p + periods_identified
  stopifnot(all(!is.na(cf[m$x])))
  stopifnot(all(abs(cf[m$x] - coef(pm)[m$x]) <= 1e-10 * abs(coef(pm)[m$x])))
  V <- vcovCL(fit, cluster = ~unit, type = "HC0", cadjust = TRUE) * (n - 1) / (n - K)
  se <- sqrt(diag(V))[m$x]
  plm_sss <- sqrt(diag(vcovHC(pm, method = "arellano", type = "sss", cluster = "group")))[m$x]
  stopifnot(all(abs(plm_sss - se * sqrt((n - K) / (n - p))) <= 1e-10 * se))
  # within R^2: plm's, and 1 - RSS / TSS with TSS of y on both sets of dummies
  r2 <- unname(summary(pm)$r.squared["rsq"])
  tss <- sum(resid(lm(y ~ factor(unit) + factor(time), data = d))^2)
  stopifnot(abs(r2 - (1 - sum(resid(fit)^2) / tss)) <= 1e-10 * r2)
  est <- coef(pm)[m$x]
  t <- est / se
  pv <- 2 * pt(-abs(t), G - 1)
  half <- qt(0.975, G - 1) * se
  model_rows <- c(model_rows, sprintf("%s,%s,%s,%d,%d,%d,%d,%s", m$name, m$data,
                                      paste(m$x, collapse = " "), n, G, K, G - 1L, fmt(r2)))
  term_rows <- c(term_rows, sprintf("%s,%s,%s,%s,%s,%s,%s,%s,%s", m$name, m$x, fmt(est), fmt(se),
                                    fmt(t), fmt(pv), fmt(est - half), fmt(est + half),
                                    fmt(plm_sss)))
}

writeLines(c("dataset,i,unit,time,y,x1,x2", panel_rows), file.path(out_dir, "panels.csv"))
writeLines(c("model,dataset,predictors,n,n_groups,k,df,r2", model_rows),
           file.path(out_dir, "models_r.csv"))
writeLines(c("model,term,estimate,se,t,p,ci_low,ci_high,plm_sss_se", term_rows),
           file.path(out_dir, "terms_r.csv"))
cat("Wrote panels.csv, models_r.csv, terms_r.csv to", out_dir, "\n")
cat(R.version.string, "plm", as.character(packageVersion("plm")), "sandwich",
    as.character(packageVersion("sandwich")), "\n")
