# Generates the input data sets and R's expected values for the org.staffoutcomes.stats tests.
#
# Run from the project root (/work/main):
#   Rscript src/test/resources/stats-fixtures/make_fixtures.R
# Writes, next to this script:
#   cases.csv        case,i,x,y   the input pairs (x, y printed with %.17g, so they parse back exactly)
#   expected_r.csv   one row per case: cor.test (pearson and spearman, exact = FALSE), quantile()
#                    (default type 7), mean, min, max, lm(y ~ x) coefficients
#   ranks_r.csv      case,var,i,rank  rank(v) with the default ties.method = "average"
# Missing values (e.g. the Pearson CI when n <= 3, where R reports none) are written as NaN.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

cases <- list()

# n = 5, small hand-sized data set, positive association.
cases$small5 <- list(x = c(6.8, 7.1, 6.5, 7.4, 6.9), y = c(61.2, 66.0, 58.4, 70.1, 62.3))

# n = 50, seeded, values rounded to one decimal so that both x and y contain ties.
set.seed(20240501)
x <- round(rnorm(50, mean = 7, sd = 0.4), 1)
y <- round(0.5 * x + rnorm(50, mean = 0, sd = 0.3), 1)
cases$random50_ties <- list(x = x, y = y)

# n = 30, seeded, clear negative association (e.g. engagement vs sickness absence).
set.seed(7)
x <- runif(30, min = 5, max = 8)
y <- 100 - 8 * x + rnorm(30, mean = 0, sd = 3)
cases$negative30 <- list(x = x, y = y)

# n = 12, heavy ties: x has only 4 distinct values, y only 6.
cases$heavy_ties <- list(x = c(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4),
                         y = c(5, 3, 5, 2, 2, 4, 1, 1, 3, 1, 0, 1))

# n = 4: the smallest n for which the Fisher-z confidence interval is defined (n - 3 = 1).
cases$n4 <- list(x = c(1.5, 2.5, 2.0, 4.0), y = c(3.0, 2.0, 4.5, 5.5))

# n = 3: p-value defined (1 df) but no confidence interval.
cases$n3 <- list(x = c(1, 2, 4), y = c(2, 1, 5))

# Perfectly correlated, chosen so that the centred sums are exact and r is exactly +1 / -1.
cases$perfect_pos <- list(x = c(1, 2, 3, 4, 5, 6), y = 2 * c(1, 2, 3, 4, 5, 6) + 1)
cases$perfect_neg <- list(x = c(1, 2, 3, 4, 5, 6, 7), y = 20 - 3 * c(1, 2, 3, 4, 5, 6, 7))

# n = 20, y offset by 1e9 with unit-scale noise: a one-pass (sum of squares) formula loses
# every significant digit here; the two-pass centred formula does not.
set.seed(11)
x <- rnorm(20, mean = 3, sd = 1)
y <- 1e9 + 0.8 * x + rnorm(20, mean = 0, sd = 0.5)
cases$offset_1e9 <- list(x = x, y = y)

probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
prob_names <- c("q0", "q10", "q25", "q50", "q75", "q90", "q100")

data_rows <- character(0)
rank_rows <- character(0)
expected <- list()
for (name in names(cases)) {
  x <- cases[[name]]$x
  y <- cases[[name]]$y
  n <- length(x)
  data_rows <- c(data_rows, sprintf("%s,%d,%s,%s", name, seq_len(n) - 1L, fmt(x), fmt(y)))
  rank_rows <- c(rank_rows,
                 sprintf("%s,x,%d,%s", name, seq_len(n) - 1L, fmt(rank(x))),
                 sprintf("%s,y,%d,%s", name, seq_len(n) - 1L, fmt(rank(y))))

  pe <- suppressWarnings(cor.test(x, y, method = "pearson", conf.level = 0.95))
  ci <- if (is.null(pe$conf.int)) c(NA, NA) else as.numeric(pe$conf.int)
  pe90 <- suppressWarnings(cor.test(x, y, method = "pearson", conf.level = 0.90))
  ci90 <- if (is.null(pe90$conf.int)) c(NA, NA) else as.numeric(pe90$conf.int)
  sp <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  fit <- coef(lm(y ~ x))

  row <- c(case = name, n = as.character(n),
           pearson_r = fmt(unname(pe$estimate)),
           pearson_ci_low = fmt(ci[1]), pearson_ci_high = fmt(ci[2]),
           pearson_ci90_low = fmt(ci90[1]), pearson_ci90_high = fmt(ci90[2]),
           pearson_p = fmt(pe$p.value),
           spearman_rho = fmt(unname(sp$estimate)), spearman_p = fmt(sp$p.value),
           lm_intercept = fmt(unname(fit[1])), lm_slope = fmt(unname(fit[2])))
  for (var in c("x", "y")) {
    v <- if (var == "x") x else y
    q <- quantile(v, probs = probs, names = FALSE)  # default type = 7
    stats <- c(fmt(mean(v)), fmt(min(v)), fmt(max(v)), fmt(q))
    names(stats) <- paste0(var, "_", c("mean", "min", "max", prob_names))
    row <- c(row, stats)
  }
  expected[[name]] <- row
}

header <- names(expected[[1]])
lines <- c(paste(header, collapse = ","),
           vapply(expected, function(r) paste(r[header], collapse = ","), ""))
writeLines(c("case,i,x,y", data_rows), file.path(out_dir, "cases.csv"))
writeLines(lines, file.path(out_dir, "expected_r.csv"))
writeLines(c("case,var,i,rank", rank_rows), file.path(out_dir, "ranks_r.csv"))
cat("Wrote cases.csv, expected_r.csv, ranks_r.csv to", out_dir, "\n")
cat(R.version.string, "\n")
