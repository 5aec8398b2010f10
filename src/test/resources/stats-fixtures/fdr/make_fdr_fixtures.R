# R's expected values for FalseDiscovery.benjaminiHochberg (FalseDiscoveryFixtureTest).
#
# Run from the project root:
#   Rscript src/test/resources/stats-fixtures/fdr/make_fdr_fixtures.R
# Deterministic (seeded): re-running reproduces the file byte for byte. Writes, next to this script:
#   bh_r.csv   case,i,p,adjusted   p.adjust(p, method = "BH"); NA (in p and adjusted) is written
#              as NaN, and NA entries are not counted in the family, as p.adjust does.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

cases <- list()
cases$ties <- c(0.04, 0.01, 0.02, 0.2, 0.04, 0.02, 0.03, 0.5, 0.04)
cases$zeros_and_ones <- c(0, 1, 0.5, 0, 1, 0.03)
cases$with_na <- c(0.01, NA, 0.04, NA, 0.03, 0.5)
cases$all_na <- c(NA, NA)
cases$single <- c(0.3)
cases$all_equal <- rep(0.04, 5)
cases$capped <- c(0.9, 0.8, 0.95, 0.7)        # every adjusted value capped at 1 or by the max
set.seed(20240606)
cases$random100 <- runif(100)^3                 # many small p-values, no ties
cases$tiny <- c(1e-300, 5e-200, 3e-12, 0.049, 0.051, 2e-16)

rows <- character(0)
for (name in names(cases)) {
  p <- cases[[name]]
  adj <- p.adjust(p, method = "BH")
  rows <- c(rows, sprintf("%s,%d,%s,%s", name, seq_along(p) - 1L, fmt(p), fmt(adj)))
}
writeLines(c("case,i,p,adjusted", rows), file.path(out_dir, "bh_r.csv"))
cat("Wrote bh_r.csv to", out_dir, "\n")
cat(R.version.string, "\n")
