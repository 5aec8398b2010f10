# R's expected values for WeightedLeastSquares, Correlation.weightedPearson and PartialCorrelation
# (WeightedLeastSquaresFixtureTest, WeightedPearsonFixtureTest, PartialCorrelationFixtureTest).
#
# Run from the project root:
#   Rscript src/test/resources/stats-fixtures/regression/make_regression_fixtures.R
# Deterministic (seeded): re-running reproduces the files byte for byte. Writes, next to this script:
#   data.csv              dataset,var,i,value   the input variables (%.17g: parse back exactly)
#   wls_r.csv             model,dataset,y,predictors,weights,n,df_residual,r2
#                         predictors space-separated; weights empty for OLS; r2 = r.squared of
#                         summary(lm(y ~ x1 + ..., weights = w)) (R's weighted R^2)
#   wls_terms_r.csv       model,term,estimate,se,t,p,ci_low,ci_high
#                         coef(summary(lm(...))) and confint(lm(...)) (95%); the intercept is
#                         named "intercept" and listed last, as WeightedLeastSquares reports it
#   weighted_pearson_r.csv  case,dataset,x,y,w,n,r,ci_low,ci_high,p,slope_p
#                         r = cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2];
#                         p = 2 pt(-|t|, n - 2), t = r sqrt((n - 2) / (1 - r^2)); slope_p = the
#                         p-value of the slope in summary(lm(y ~ x, weights = w)) (the script
#                         checks p and slope_p agree to 1e-9 relative; see the comment there);
#                         CI = tanh(atanh(r) -/+ qnorm(0.975) / sqrt(n - 3)), NaN when n <= 3
#   partial_r.csv         case,dataset,x,y,covariates,n,k,r,t,ci_low,ci_high,p
#                         r = cor(resid(lm(x ~ Z)), resid(lm(y ~ Z))), Z the k covariates (with an
#                         intercept); t = r sqrt((n - 2 - k) / (1 - r^2)); p = 2 pt(-|t|, n - 2 - k);
#                         CI = tanh(atanh(r) -/+ qnorm(0.975) / sqrt(n - 3 - k)), NaN when
#                         n - 3 - k <= 0. These are ppcor::pcor.test's formulas written out (ppcor
#                         is not installable here); the interval is the Fisher-z one with k fewer
#                         degrees of freedom.
# Missing values are written as NaN.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

datasets <- list()

# n = 8, hand-sized: one predictor, a second one for a partial correlation, modest weights.
datasets$small8 <- list(
  y  = c(3.1, 4.0, 2.2, 5.9, 4.4, 6.1, 3.3, 5.0),
  x1 = c(1.0, 2.0, 0.5, 3.5, 2.5, 4.0, 1.5, 3.0),
  x2 = c(10, 12, 9, 11, 15, 14, 8, 13),
  w  = c(1, 2, 1, 3, 2, 4, 1, 2))

# n = 137 trusts: engagement score, trust type as one-hot dummies minus the reference (acute),
# log of the survey base, an outcome; weights = base (as when weighting by respondents).
set.seed(20240601)
nt <- 137
type <- sample(c("acute", "mental", "community", "ambulance"), nt, replace = TRUE,
               prob = c(0.6, 0.25, 0.1, 0.05))
base <- round(exp(runif(nt, log(60), log(6000))))
engagement <- round(rnorm(nt, 7 + 0.1 * (type == "community"), 0.3), 2)
sickness <- 9 - 0.6 * engagement + 0.5 * (type == "ambulance") - 0.3 * (type == "community") +
  0.1 * log(base) + rnorm(nt, 0, 0.5 / sqrt(base / 1000))
datasets$trusts <- list(
  y = sickness, engagement = engagement,
  d_mental = as.numeric(type == "mental"), d_community = as.numeric(type == "community"),
  d_ambulance = as.numeric(type == "ambulance"), log_base = log(base), base = base)

# n = 60, weights spanning six orders of magnitude (exp(-7) .. exp(7)).
set.seed(20240602)
x1 <- rnorm(60, 0, 1)
x2 <- runif(60, -2, 2)
datasets$wide_weights <- list(y = 1 + 0.5 * x1 - 0.8 * x2 + rnorm(60, 0, 1), x1 = x1, x2 = x2,
                              w = exp(runif(60, -7, 7)))

# n = 40, a covariate with a large offset (1e6 + unit-scale noise), e.g. a count near a million.
set.seed(20240603)
x1 <- rnorm(40, 5, 2)
x2 <- 1e6 + rnorm(40, 0, 1)
datasets$offset <- list(y = 2 + 0.3 * x1 + 0.7 * (x2 - 1e6) + rnorm(40, 0, 0.5), x1 = x1, x2 = x2,
                        w = runif(40, 0.5, 2))

# n = 4 and n = 3: one residual degree of freedom with two predictors; smallest Fisher-z cases.
datasets$n4 <- list(y = c(2.0, 3.5, 3.0, 6.0), x1 = c(1, 2, 3, 5), x2 = c(0.5, 0.1, 0.9, 0.3),
                    w = c(1, 0.5, 2, 1))
datasets$n3 <- list(y = c(1.0, 2.5, 2.0), x1 = c(1, 2, 4), w = c(2, 1, 1))

# n = 5 with two covariates: n - 2 - k = 1 (p defined), n - 3 - k = 0 (no interval).
datasets$n5 <- list(y = c(1.2, 0.7, 2.9, 2.1, 3.8), x1 = c(0.3, 0.9, 1.1, 1.8, 2.6),
                    z1 = c(1, 0, 1, 0, 1), z2 = c(5, 3, 4, 8, 6))

data_rows <- character(0)
for (d in names(datasets)) {
  for (v in names(datasets[[d]])) {
    x <- datasets[[d]][[v]]
    data_rows <- c(data_rows, sprintf("%s,%s,%d,%s", d, v, seq_along(x) - 1L, fmt(x)))
  }
}

# ---- weighted / ordinary least squares ----
models <- list(
  list(name = "small8_ols", data = "small8", y = "y", x = c("x1"), w = ""),
  list(name = "small8_wls", data = "small8", y = "y", x = c("x1", "x2"), w = "w"),
  list(name = "trusts_wls", data = "trusts", y = "y",
       x = c("engagement", "d_mental", "d_community", "d_ambulance", "log_base"), w = "base"),
  list(name = "trusts_ols", data = "trusts", y = "y",
       x = c("engagement", "d_mental", "d_community", "d_ambulance", "log_base"), w = ""),
  list(name = "wide_weights", data = "wide_weights", y = "y", x = c("x1", "x2"), w = "w"),
  list(name = "offset_ols", data = "offset", y = "y", x = c("x1", "x2"), w = ""),
  list(name = "offset_wls", data = "offset", y = "y", x = c("x2", "x1"), w = "w"),
  list(name = "n4_df1", data = "n4", y = "y", x = c("x1", "x2"), w = "w"))

wls_rows <- character(0)
term_rows <- character(0)
for (m in models) {
  d <- as.data.frame(datasets[[m$data]][c(m$y, m$x, if (m$w != "") m$w)])
  f <- reformulate(m$x, response = m$y)
  fit <- if (m$w == "") lm(f, data = d) else lm(f, data = d, weights = d[[m$w]])
  s <- summary(fit)
  cf <- coef(s)
  ci <- confint(fit, level = 0.95)
  wls_rows <- c(wls_rows, sprintf("%s,%s,%s,%s,%s,%d,%d,%s", m$name, m$data, m$y,
                                  paste(m$x, collapse = " "), m$w, nrow(d), fit$df.residual,
                                  fmt(s$r.squared)))
  for (term in c(m$x, "(Intercept)")) {
    term_rows <- c(term_rows, sprintf("%s,%s,%s,%s,%s,%s,%s,%s", m$name,
                                      if (term == "(Intercept)") "intercept" else term,
                                      fmt(cf[term, 1]), fmt(cf[term, 2]), fmt(cf[term, 3]),
                                      fmt(cf[term, 4]), fmt(ci[term, 1]), fmt(ci[term, 2])))
  }
}

# ---- weighted Pearson ----
fisher_ci <- function(r, m) {
  if (m <= 0) return(c(NA, NA))
  tanh(atanh(r) + c(-1, 1) * qnorm(0.975) / sqrt(m))
}
wp_cases <- list(
  list(name = "small8", data = "small8", x = "x1", y = "y", w = "w"),
  list(name = "trusts", data = "trusts", x = "engagement", y = "y", w = "base"),
  list(name = "wide_weights", data = "wide_weights", x = "x1", y = "y", w = "w"),
  list(name = "offset", data = "offset", x = "x2", y = "y", w = "w"),
  list(name = "n4", data = "n4", x = "x1", y = "y", w = "w"),
  list(name = "n3", data = "n3", x = "x1", y = "y", w = "w"))
wp_rows <- character(0)
for (cs in wp_cases) {
  d <- datasets[[cs$data]]
  x <- d[[cs$x]]; y <- d[[cs$y]]; w <- d[[cs$w]]
  n <- length(x)
  r <- cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2]
  t <- r * sqrt((n - 2) / (1 - r^2))
  p <- 2 * pt(-abs(t), n - 2)
  slope_p <- coef(summary(lm(y ~ x, weights = w)))["x", 4]
  # lm's QR of the raw (uncentred) x loses digits when x has a large offset: for "offset"
  # (x near 1e6) slope_p differs from p by 2.6e-10 relative; elsewhere by less than 1e-13.
  stopifnot(abs(p - slope_p) <= 1e-9 * p)
  ci <- fisher_ci(r, n - 3)
  wp_rows <- c(wp_rows, sprintf("%s,%s,%s,%s,%s,%d,%s,%s,%s,%s,%s", cs$name, cs$data, cs$x, cs$y,
                                cs$w, n, fmt(r), fmt(ci[1]), fmt(ci[2]), fmt(p), fmt(slope_p)))
}

# ---- partial correlation ----
pc_cases <- list(
  list(name = "trusts_types_base", data = "trusts", x = "engagement", y = "y",
       z = c("d_mental", "d_community", "d_ambulance", "log_base")),
  list(name = "trusts_base", data = "trusts", x = "engagement", y = "y", z = c("log_base")),
  list(name = "offset_covariate", data = "offset", x = "x1", y = "y", z = c("x2")),
  list(name = "small8_k1", data = "small8", x = "x1", y = "y", z = c("x2")),
  list(name = "wide_k2", data = "wide_weights", x = "x1", y = "y", z = c("x2", "w")),
  list(name = "n5_k2", data = "n5", x = "x1", y = "y", z = c("z1", "z2")))
pc_rows <- character(0)
for (cs in pc_cases) {
  d <- as.data.frame(datasets[[cs$data]][c(cs$x, cs$y, cs$z)])
  n <- nrow(d)
  k <- length(cs$z)
  ex <- resid(lm(reformulate(cs$z, response = cs$x), data = d))
  ey <- resid(lm(reformulate(cs$z, response = cs$y), data = d))
  r <- cor(ex, ey)
  t <- r * sqrt((n - 2 - k) / (1 - r^2))
  p <- 2 * pt(-abs(t), n - 2 - k)
  ci <- fisher_ci(r, n - 3 - k)
  pc_rows <- c(pc_rows, sprintf("%s,%s,%s,%s,%s,%d,%d,%s,%s,%s,%s,%s", cs$name, cs$data, cs$x,
                                cs$y, paste(cs$z, collapse = " "), n, k, fmt(r), fmt(t),
                                fmt(ci[1]), fmt(ci[2]), fmt(p)))
}

writeLines(c("dataset,var,i,value", data_rows), file.path(out_dir, "data.csv"))
writeLines(c("model,dataset,y,predictors,weights,n,df_residual,r2", wls_rows),
           file.path(out_dir, "wls_r.csv"))
writeLines(c("model,term,estimate,se,t,p,ci_low,ci_high", term_rows),
           file.path(out_dir, "wls_terms_r.csv"))
writeLines(c("case,dataset,x,y,w,n,r,ci_low,ci_high,p,slope_p", wp_rows),
           file.path(out_dir, "weighted_pearson_r.csv"))
writeLines(c("case,dataset,x,y,covariates,n,k,r,t,ci_low,ci_high,p", pc_rows),
           file.path(out_dir, "partial_r.csv"))
cat("Wrote data.csv, wls_r.csv, wls_terms_r.csv, weighted_pearson_r.csv, partial_r.csv to",
    out_dir, "\n")
cat(R.version.string, "\n")
