# R's expected values for RandomEffects.derSimonianLaird (RandomEffectsFixtureTest).
#
# Run from the project root:
#   Rscript src/test/resources/stats-fixtures/meta-analysis/make_meta_fixtures.R
# Deterministic (seeded): re-running reproduces the files byte for byte. Writes, next to this script:
#   cases.csv      case,i,r,n   the correlations and their numbers of pairs, as given to the Java
#                  method (NaN r and n <= 3 included; %.17g: values parse back exactly)
#   pooled_r.csv   case,k,estimate,ci_low,ci_high,p,tau2,i2,q
#                  m <- metafor::rma(yi = atanh(r), vi = 1 / (n - 3), method = "DL") over the
#                  entries with n > 3 and r not NaN (the ones the Java method keeps);
#                  estimate, ci_low, ci_high = tanh(c(m$b, m$ci.lb, m$ci.ub)) (normal 95% CI);
#                  p = m$pval; tau2 = m$tau2; i2 = m$I2 (percent); q = m$QE; k = m$k.
#                  The script checks that I2 equals max(0, (Q - (k - 1)) / Q) * 100 (1e-10).

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

suppressPackageStartupMessages(library(metafor))

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

cases <- list()

# Heterogeneous: 8 trusts' (or years') correlations that differ more than sampling explains.
cases$heterogeneous <- list(r = c(0.12, 0.35, 0.48, 0.22, 0.61, 0.05, 0.40, 0.30),
                            n = c(80L, 150L, 220L, 95L, 400L, 130L, 60L, 310L))

# Homogeneous: Q < k - 1, so tau2 = 0 and I2 = 0 (the fixed-effect answer).
cases$homogeneous <- list(r = c(0.30, 0.31, 0.29, 0.305, 0.295, 0.30),
                          n = c(100L, 120L, 90L, 200L, 150L, 80L))

# k = 2, heterogeneous and homogeneous.
cases$k2 <- list(r = c(0.2, 0.55), n = c(150L, 200L))
cases$k2_homogeneous <- list(r = c(-0.21, -0.2), n = c(40L, 55L))

# k = 1: metafor gives tau2 = 0, I2 = 0, QE = 0.
cases$k1 <- list(r = c(0.42), n = c(37L))

# Entries the method excludes (NaN r; n = 3, 2, 0), among 5 usable ones with negative r.
cases$excluded <- list(r = c(-0.3, NaN, -0.45, 0.9, -0.1, -0.6, 0.5, -0.25, -0.35),
                       n = c(50L, 80L, 70L, 3L, 45L, 2L, 0L, 120L, 66L))

# A strong, precise effect: p near 1e-200 (relative accuracy of a tiny p-value).
set.seed(20240604)
cases$strong <- list(r = round(runif(12, 0.55, 0.7), 3), n = as.integer(round(runif(12, 300, 900))))

# Many small studies with wide spread.
set.seed(20240605)
cases$many_small <- list(r = round(runif(40, -0.4, 0.8), 2), n = as.integer(sample(5:40, 40, TRUE)))

case_rows <- character(0)
pooled_rows <- character(0)
for (name in names(cases)) {
  r <- cases[[name]]$r
  n <- cases[[name]]$n
  case_rows <- c(case_rows, sprintf("%s,%d,%s,%d", name, seq_along(r) - 1L, fmt(r), n))
  keep <- n > 3 & !is.na(r)
  m <- rma(yi = atanh(r[keep]), vi = 1 / (n[keep] - 3), method = "DL")
  i2 <- if (m$QE > 0) max(0, (m$QE - (m$k - 1)) / m$QE) * 100 else 0
  stopifnot(abs(m$I2 - i2) <= 1e-10 * max(1, i2))
  pooled_rows <- c(pooled_rows, sprintf("%s,%d,%s,%s,%s,%s,%s,%s,%s", name, m$k, fmt(tanh(m$b[1])),
                                        fmt(tanh(m$ci.lb)), fmt(tanh(m$ci.ub)), fmt(m$pval),
                                        fmt(m$tau2), fmt(m$I2), fmt(m$QE)))
}

writeLines(c("case,i,r,n", case_rows), file.path(out_dir, "cases.csv"))
writeLines(c("case,k,estimate,ci_low,ci_high,p,tau2,i2,q", pooled_rows),
           file.path(out_dir, "pooled_r.csv"))
cat("Wrote cases.csv, pooled_r.csv to", out_dir, "\n")
cat(R.version.string, "metafor", as.character(packageVersion("metafor")), "\n")
