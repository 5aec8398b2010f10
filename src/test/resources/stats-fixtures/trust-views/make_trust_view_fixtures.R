# Expected values for the trust views' statistics (org.staffoutcomes.stats: ChangeTest,
# BenchmarkPosition, XmrChart, FunnelLimits), computed in base R independently of the Java code.
#
# Run from the project root:
#   Rscript src/test/resources/stats-fixtures/trust-views/make_trust_view_fixtures.R
# Writes, next to this script (numbers with %.17g, so each parses back to the same double):
#
#   changes_r.csv    case,kind,value1,spread1,value2,spread2,change,z,p
#     kind = proportion: value = share in [0, 1], spread = base n. z is the pooled two-proportion
#       statistic without continuity correction and p = 2 * pnorm(-abs(z)); the script checks that
#       p equals prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value (all.equal, 1e-12) and
#       z^2 its statistic, for whole counts and for weighted (fractional) counts alike.
#     kind = mean: value = mean, spread = standard error; z = (m2 - m1) / sqrt(se1^2 + se2^2),
#       p = 2 * pnorm(-abs(z)).
#   positions_r.csv  case,i,x,higher_is_better,best,median,worst,rank,quintile
#     best / worst = max / min (min / max when lower is better), median = median(x) (type 7),
#     rank = rank(-x, ties.method = "min") (rank(x, ...) when lower is better), quintile numbered
#     from the best: with y = -x when higher is better (y = x when lower is better),
#     cut(y, quantile(y, 0:5/5), include.lowest = TRUE, labels = FALSE) (or 1 + findInterval(y,
#     the four inner cut points, left.open = TRUE) where cut() refuses tied breaks), so a value on
#     a cut point is in the better fifth.
#   spc_r.csv        case,i,value,shift_length,trend_length,mean,mr_mean,lower,upper,near_lower,
#                    near_upper,beyond_limit,shift,trend,two_of_three
#     XmR limits and the four Making Data Count rules (0/1 per point), written out in base R
#     following NHSRplotthedots' definitions (ptd_spc_standard and ptd_calculate_point_type,
#     without screening of large moving ranges): limits mean -/+ 2.66 mean(MR), near limits
#     mean -/+ 2 * 2.66 / 3 mean(MR); shift = part of a run of shift_length points on one side of
#     the mean; trend = part of trend_length points each strictly above (below) the one before;
#     two_of_three = a point between the near limit and the limit in a window of three
#     consecutive points all on the same side of the mean of which at least two are so.
#     NHSRplotthedots is not installed here; this is its published logic, by window, as it does it.
#   funnel_r.csv     case,model,target,volume,p,limit
#     Spiegelhalter (2005) exact limits with interpolation: r = qpois(p, target * volume) or
#     qbinom(p, volume, target); alpha = (F(r) - p) / (F(r) - F(r - 1)); limit =
#     max(0, (r - alpha) / volume), F = ppois / pbinom.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."
fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))

# ---- changes ---------------------------------------------------------------------------------
two_prop <- function(s1, n1, s2, n2) {
  pooled <- (s1 * n1 + s2 * n2) / (n1 + n2)
  z <- (s2 - s1) / sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  p <- 2 * pnorm(-abs(z))
  pt <- suppressWarnings(prop.test(c(s1 * n1, s2 * n2), c(n1, n2), correct = FALSE))
  stopifnot(isTRUE(all.equal(unname(pt$statistic), z^2, tolerance = 1e-12)))
  stopifnot(isTRUE(all.equal(pt$p.value, p, tolerance = 1e-12)))
  c(s2 - s1, z, p)
}
mean_diff <- function(m1, se1, m2, se2) {
  z <- (m2 - m1) / sqrt(se1^2 + se2^2)
  c(m2 - m1, z, 2 * pnorm(-abs(z)))
}
prop_cases <- list(
  list("whole_counts", 412 / 650, 650, 455 / 660, 660),       # +5.6 points, p about 0.03
  list("small_change", 0.61, 500, 0.62, 480),                 # not significant
  list("drop_large_bases", 0.74, 3200, 0.70, 3100),           # significant fall
  list("weighted_shares", 0.573, 387.4, 0.6412, 402.9),       # fractional counts (weighted %)
  list("tiny_p", 0.20, 5000, 0.35, 5200),                     # p about 1e-65
  list("small_bases", 0.5, 12, 0.9, 11),
  list("from_zero", 0, 150, 0.04, 140),
  list("to_one", 0.97, 300, 1, 290),
  list("no_change", 0.45, 800, 0.45, 760)
)
mean_cases <- list(
  list("mean_up", 6.81, 0.041, 6.95, 0.039),
  list("mean_flat", 7.1, 0.05, 7.12, 0.052),
  list("mean_down_small_se", 6.5, 0.01, 6.4, 0.012),
  list("mean_one_se_zero", 5, 0, 5.2, 0.08)
)
change_rows <- character(0)
for (c in prop_cases) {
  r <- two_prop(c[[2]], c[[3]], c[[4]], c[[5]])
  change_rows <- c(change_rows, paste(c[[1]], "proportion", fmt(c[[2]]), fmt(c[[3]]), fmt(c[[4]]),
                                      fmt(c[[5]]), fmt(r[1]), fmt(r[2]), fmt(r[3]), sep = ","))
}
for (c in mean_cases) {
  r <- mean_diff(c[[2]], c[[3]], c[[4]], c[[5]])
  change_rows <- c(change_rows, paste(c[[1]], "mean", fmt(c[[2]]), fmt(c[[3]]), fmt(c[[4]]),
                                      fmt(c[[5]]), fmt(r[1]), fmt(r[2]), fmt(r[3]), sep = ","))
}
writeLines(c("case,kind,value1,spread1,value2,spread2,change,z,p", change_rows),
           file.path(out_dir, "changes_r.csv"))

# ---- positions -------------------------------------------------------------------------------
quintile_low_first <- function(x) {
  q <- quantile(x, probs = c(0, 0.2, 0.4, 0.6, 0.8, 1), names = FALSE)
  by_interval <- findInterval(x, q[2:5], left.open = TRUE) + 1L
  by_cut <- tryCatch(cut(x, q, include.lowest = TRUE, labels = FALSE), error = function(e) NULL)
  if (is.null(by_cut)) by_interval else {
    stopifnot(identical(as.integer(by_cut), as.integer(by_interval)))
    as.integer(by_cut)
  }
}
set.seed(20261202)
position_cases <- list(
  list("acute_group_higher", round(rnorm(37, 7, 0.35), 2), TRUE),
  list("acute_group_lower", round(rnorm(37, 30, 4), 1), FALSE),
  list("ties_higher", c(6.8, 7.1, 7.1, 6.5, 7.4, 7.1, 6.5, 6.9, 7.4, 6.6), TRUE),
  list("ties_lower", c(6.8, 7.1, 7.1, 6.5, 7.4, 7.1, 6.5, 6.9, 7.4, 6.6), FALSE),
  list("unrounded_higher", runif(23, 55, 80), TRUE),
  list("three_members", c(61.2, 58.4, 66), TRUE),
  list("one_member", c(7.3), FALSE)
)
position_rows <- character(0)
for (c in position_cases) {
  x <- c[[2]]; hib <- c[[3]]
  best <- if (hib) max(x) else min(x)
  worst <- if (hib) min(x) else max(x)
  rk <- if (hib) rank(-x, ties.method = "min") else rank(x, ties.method = "min")
  q <- quintile_low_first(if (hib) -x else x)
  position_rows <- c(position_rows, sprintf("%s,%d,%s,%s,%s,%s,%s,%d,%d", c[[1]], seq_along(x) - 1L,
                                            fmt(x), tolower(hib), fmt(best), fmt(median(x)),
                                            fmt(worst), as.integer(rk), as.integer(q)))
}
writeLines(c("case,i,x,higher_is_better,best,median,worst,rank,quintile", position_rows),
           file.path(out_dir, "positions_r.csv"))

# ---- SPC (XmR) -------------------------------------------------------------------------------
run_end_same_side <- function(side, k) {           # 1 where the k points ending here share a side
  vp <- c(rep(0, k - 1), side)
  vapply(seq_along(side) + k - 1, function(i) all(vp[i] == vp[i - 0:(k - 1)]) && vp[i] != 0, logical(1))
}
trend_end <- function(y, k) {                      # 1 where the k points ending here rise (fall)
  vapply(seq_along(y), function(i) {
    if (i < k) return(FALSE)
    d <- sign(diff(y[(i - k + 1):i]))
    all(d == 1) || all(d == -1)
  }, logical(1))
}
part_of <- function(ends, k) {                     # 1 for every point of a window that qualifies
  vp <- c(ends, rep(FALSE, k - 1))
  vapply(seq_along(ends), function(i) any(vp[i + 0:(k - 1)]), logical(1))
}
two_in_three <- function(close, side) {
  cp <- c(0, 0, close, 0, 0); sp <- c(0, 0, side, 0, 0)
  win <- vapply(seq_along(close), function(i) {
    any(vapply(0:2, function(o) sum(cp[i + o + 0:2]) >= 2 && abs(sum(sp[i + o + 0:2])) == 3, logical(1)))
  }, logical(1))
  win & close
}
xmr <- function(y, shift_k, trend_k) {
  m <- mean(y); amr <- mean(abs(diff(y)))
  lpl <- m - 2.66 * amr; upl <- m + 2.66 * amr
  nlpl <- m - 2 * (2.66 / 3) * amr; nupl <- m + 2 * (2.66 / 3) * amr
  outside <- y > upl | y < lpl
  side <- sign(y - m)
  close <- !outside & (y < nlpl | y > nupl)
  list(mean = m, amr = amr, lpl = lpl, upl = upl, nlpl = nlpl, nupl = nupl,
       beyond = outside, shift = part_of(run_end_same_side(side, shift_k), shift_k),
       trend = part_of(trend_end(y, trend_k), trend_k), two3 = two_in_three(close, side))
}
set.seed(7)
spc_cases <- list(
  # name, series, shift length, trend length
  list("flat", rep(6.9, 12), 7, 7),
  list("alternating", rep(c(7, 7.4), 8), 7, 7),
  list("beyond_limit", c(10, 11, 10, 11, 10, 11, 10, 11, 10, 25, 10, 11), 7, 7),
  list("shift", c(5, 4, 5, 4, 5, 4, 8, 9, 8, 9, 8, 9, 8), 7, 7),
  list("shift_of_six", c(5, 4, 5, 4, 5, 4, 8, 9, 8, 9, 8, 9, 4), 7, 7),
  list("shift_of_six_run6", c(5, 4, 5, 4, 5, 4, 8, 9, 8, 9, 8, 9, 4), 6, 6),
  list("trend", c(5, 4, 5, 4, 1, 2, 3, 4, 5, 6, 7, 4, 5), 7, 7),
  list("falling_trend", c(5, 6, 5, 6, 9, 8, 7, 6, 5, 4, 3, 2, 6, 5), 7, 7),
  list("trend_broken_by_tie", c(5, 4, 5, 4, 1, 2, 3, 3, 5, 6, 7, 4, 5), 7, 7),
  list("two_of_three", c(10, 11, 10, 11, 10, 11, 10, 11, 12.9, 13, 11, 10, 11, 10), 7, 7),
  list("random30", round(rnorm(30, 60, 3), 1), 7, 7),
  list("random13_drift", round(60 + 0.6 * (1:13) + rnorm(13, 0, 1), 2), 7, 7),
  list("two_points", c(6.1, 6.4), 7, 7)
)
spc_rows <- character(0)
for (c in spc_cases) {
  y <- c[[2]]; r <- xmr(y, c[[3]], c[[4]])
  spc_rows <- c(spc_rows, sprintf("%s,%d,%s,%d,%d,%s,%s,%s,%s,%s,%s,%d,%d,%d,%d", c[[1]], seq_along(y) - 1L,
                                  fmt(y), as.integer(c[[3]]), as.integer(c[[4]]), fmt(r$mean), fmt(r$amr),
                                  fmt(r$lpl), fmt(r$upl), fmt(r$nlpl), fmt(r$nupl), as.integer(r$beyond),
                                  as.integer(r$shift), as.integer(r$trend), as.integer(r$two3)))
}
writeLines(c(paste0("case,i,value,shift_length,trend_length,mean,mr_mean,lower,upper,near_lower,",
                    "near_upper,beyond_limit,shift,trend,two_of_three"), spc_rows),
           file.path(out_dir, "spc_r.csv"))

# ---- funnel limits ---------------------------------------------------------------------------
funnel_limit <- function(model, target, volume, p) {
  if (model == "poisson") {
    lambda <- target * volume
    r <- qpois(p, lambda)
    f <- function(k) ppois(k, lambda)
  } else {
    r <- qbinom(p, volume, target)
    f <- function(k) pbinom(k, volume, target)
  }
  alpha <- (f(r) - p) / (f(r) - f(r - 1))
  max(0, (r - alpha) / volume)
}
funnel_rows <- character(0)
probs <- c(0.001, 0.025, 0.975, 0.999)
# SHMI: observed deaths against expected (target 1, and a national ratio 1.02), small to large trusts.
for (e in c(0.7, 3.2, 25, 180.5, 612.37, 1450, 3875.2)) {
  for (target in c(1, 1.02)) {
    for (p in probs) {
      funnel_rows <- c(funnel_rows, paste(sprintf("shmi_e%s_t%s", e, target), "poisson", fmt(target), fmt(e),
                                          fmt(p), fmt(funnel_limit("poisson", target, e, p)), sep = ","))
    }
  }
}
# C. difficile: cases per bed day, national rate 17 per 100,000 bed days.
for (beds in c(9000, 61234, 250000, 812345)) {
  for (p in probs) {
    funnel_rows <- c(funnel_rows, paste(sprintf("cdiff_b%d", beds), "poisson", fmt(17e-5), fmt(beds), fmt(p),
                                        fmt(funnel_limit("poisson", 17e-5, beds, p)), sep = ","))
  }
}
# A&E within 4 hours: share of attendances, national 0.74; binomial with whole-number volumes.
for (n in c(1, 20, 350, 4821, 15000, 98765)) {
  for (target in c(0.74, 0.035)) {
    for (p in probs) {
      funnel_rows <- c(funnel_rows, paste(sprintf("share_n%d_t%s", n, target), "binomial", fmt(target), fmt(n),
                                          fmt(p), fmt(funnel_limit("binomial", target, n, p)), sep = ","))
    }
  }
}
writeLines(c("case,model,target,volume,p,limit", funnel_rows), file.path(out_dir, "funnel_r.csv"))
cat("Wrote changes_r.csv, positions_r.csv, spc_r.csv, funnel_r.csv to", out_dir, "\n")
cat(R.version.string, "\n")
