# R's expected values for the analysis stage's wiring (analysis/ModelsFixtureTest): a small
# unbalanced trust x year panel, and every correlation row, model term, random-effects pool,
# forest weight and Benjamini-Hochberg adjusted p the analysis stage should compute from it with
# the catalog src/test/resources/stage-catalog-models (engagement with base engagement_n; absence
# and experience, both interval outcomes; min_pairs 5; default weights = base n, default
# covariates = trust type + log base n).
#
# Run from the project root:
#   Rscript src/test/resources/analysis-fixtures/make_analysis_fixtures.R
# Deterministic (seeded): re-running reproduces the files byte for byte. Writes, next to this script:
#   panel.csv         org_code,survey_year,trust_type,engagement,engagement_n,absence,absence_lag1,
#                     absence_prev1,experience,experience_lag1,experience_prev1
#                     the panel the Java test builds its PanelTable from (empty = missing). Every
#                     value is a multiple of 1/64 (engagement), 1/1024 (outcomes) or an integer
#                     (engagement_n), so it is a double written exactly in a few digits and Java
#                     and R see identical numbers.
#   correlations_r.csv  staff_measure,outcome,lag,scope,year,method,n,r,ci_low,ci_high,p,p_adjusted
#                     one row per group (scope all and each trust type x each survey year and
#                     pooled, where the group has a pair) and method:
#                     pearson   cor.test(x, y)
#                     spearman  cor.test(x, y, method = "spearman", exact = FALSE) (no interval)
#                     pearson_weighted  r = cov.wt(cbind(x, y), wt = w, cor = TRUE), w = engagement_n,
#                               over the pairs with a positive finite w; t = r sqrt((n-2)/(1-r^2)),
#                               p = 2 pt(-|t|, n-2) (the script checks it equals the slope p of
#                               lm(y ~ x, weights = w)); CI tanh(atanh(r) -/+ qnorm(.975)/sqrt(n-3))
#                     partial   r = cor(resid(lm(x ~ Z)), resid(lm(y ~ Z))), Z = a dummy per trust
#                               type present in the rows but the first + log(engagement_n), over the
#                               pairs with a finite log n; k = ncol(Z); t on n-2-k df; CI with
#                               sqrt(n-3-k) (ppcor::pcor.test's formulas, as methods.md)
#                     A group (or its weighted / complete subset) with fewer than 5 pairs has NaN r,
#                     interval and p, and its n.
#   models_r.csv      model,staff_measure,outcome,lag,scope,term,n,n_groups,estimate,se,t,p,ci_low,
#                     ci_high,r2,p_adjusted  (per outcome, lag, scope; every survey year together)
#                     wls                    lm(y ~ x, weights = w): coef(summary()), confint(), r.squared
#                     wls_prior_outcome      lm(y ~ x + prev, weights = w), prev = <outcome>_prev1
#                     fixed_effects          plm(y ~ x, index = c("org", "year"), effect = "twoways",
#                                            model = "within") coefficients and within R^2 (checked
#                                            against lm(y ~ x + factor(org) + factor(year)));
#                                            se = sqrt(diag(sandwich::vcovCL(lm(...), cluster = ~org,
#                                            type = "HC0", cadjust = TRUE) * (N-1)/(N-K))), K =
#                                            predictors + identified year effects; t on G-1 df
#                     fixed_effects_prior_outcome  the same with prev
#                     y = <outcome> (lag 0) or <outcome>_lag1 (lag 1); rows with x and y (and prev
#                     where used), WLS also a positive finite w. Fewer than 5 rows: one NaN row for
#                     the staff term with its n. The intercept is named "intercept".
#   pooled_r.csv      staff_measure,outcome,lag,scope,k,estimate,ci_low,ci_high,p,tau2,i2,q,p_adjusted
#                     metafor::rma(yi = atanh(r), vi = 1/(n-3), method = "DL") over the yearly
#                     pearson rows of the association with an r and n > 3; estimate and interval
#                     tanh-transformed; p = pval; i2 = I2; q = QE. k = 0: NaN.
#   forest_r.csv      outcome,year,r,n,weight  the forest plots (engagement, lag 0, all trusts):
#                     each year's pearson r and n, weight = weights(rma) (percent) for the pooled
#                     years, NaN for the others.
# p_adjusted = p.adjust(c(every correlation row's p, every model's engagement-term p, every pooled
# p), "BH"); NaN for intercept and prev1 terms (not in the family) and wherever p is NaN.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "."

suppressPackageStartupMessages({
  library(plm)
  library(sandwich)
  library(metafor)
})

fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))
cell <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
min_pairs <- 5

# ---- The panel ----------------------------------------------------------------------------------
set.seed(20240610)
orgs <- sprintf("T%02d", 1:15)
types <- setNames(ifelse(seq_along(orgs) <= 9, "Acute", "Mental health"), orgs)
years <- 2017:2023                 # outcome windows: the year before the first survey to the one after the last
survey_years <- 2018:2022
exists <- matrix(TRUE, length(orgs), length(years), dimnames = list(orgs, years))
exists["T03", c("2019", "2020")] <- FALSE    # a gap
exists["T07", c("2017", "2018", "2019")] <- FALSE  # formed in 2020
exists["T12", "2018"] <- FALSE
exists["T15", ] <- FALSE
exists["T15", "2020"] <- TRUE                # a trust seen in one year only

trust <- setNames(rnorm(length(orgs)), orgs)               # persistent trust part
year_shift <- setNames(c(0.10, 0.00, -0.05, 0.20, 0.15, 0.05, -0.10), years)
mh <- as.numeric(types == "Mental health")
latent <- matrix(6.9 + 0.25 * trust + 0.1 * mh, length(orgs), length(years), dimnames = list(orgs, years)) +
  outer(rep(1, length(orgs)), 0.05 * (years - 2018)) +
  matrix(rnorm(length(orgs) * length(years), 0, 0.15), length(orgs))
slope <- setNames(c(-0.6, -1.2, 0.1, -1.0, 0.3, -0.6, -0.4), years)   # differs by year: heterogeneity
absence <- 4.8 - 0.2 * trust + 0.6 * mh + outer(rep(1, length(orgs)), year_shift) +
  sweep(latent - 6.9, 2, slope, "*") + matrix(rnorm(length(orgs) * length(years), 0, 0.3), length(orgs))
experience <- 8.0 + 0.1 * trust - 0.2 * mh + 0.3 * (latent - 6.9) +
  matrix(rnorm(length(orgs) * length(years), 0, 0.3), length(orgs))
base_n <- matrix(round(exp(runif(length(orgs) * length(years), log(200), log(3000)))), length(orgs),
                 dimnames = list(orgs, years))
dimnames(absence) <- dimnames(experience) <- dimnames(latent)
dyadic <- function(v, d) round(v * d) / d
engagement <- dyadic(latent, 64)
absence <- dyadic(absence, 1024)
experience <- dyadic(experience, 1024)
absence[!exists] <- NA
experience[!exists] <- NA
experience[, "2017"] <- NA                                     # experience starts in 2018 ...
experience[!(rownames(experience) %in% c("T01", "T02", "T03", "T04")), "2018"] <- NA  # ... with 4 trusts
absence["T02", "2022"] <- NA

rows <- list()
for (o in orgs) {
  for (yr in 2018:2023) {
    if (!exists[o, as.character(yr)]) next
    survey <- yr %in% survey_years
    at <- function(m, y) if (as.character(y) %in% colnames(m)) m[o, as.character(y)] else NA
    rows[[length(rows) + 1]] <- data.frame(
      org_code = o, survey_year = yr, trust_type = types[[o]],
      engagement = if (survey) engagement[o, as.character(yr)] else NA,
      engagement_n = if (survey) base_n[o, as.character(yr)] else NA,
      absence = at(absence, yr), absence_lag1 = at(absence, yr + 1), absence_prev1 = at(absence, yr - 1),
      experience = at(experience, yr), experience_lag1 = at(experience, yr + 1),
      experience_prev1 = at(experience, yr - 1), stringsAsFactors = FALSE)
  }
}
d <- do.call(rbind, rows)
# Suppressed: a score withheld (its base below the disclosure minimum), and a score whose base is missing.
d$engagement[d$org_code == "T05" & d$survey_year == 2021] <- NA
d$engagement_n[d$org_code == "T05" & d$survey_year == 2021] <- 8
d$engagement_n[d$org_code == "T11" & d$survey_year == 2019] <- NA
rownames(d) <- NULL

panel_lines <- c(paste(names(d), collapse = ","), sprintf(
  "%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s", d$org_code, d$survey_year, d$trust_type, cell(d$engagement),
  cell(d$engagement_n), cell(d$absence), cell(d$absence_lag1), cell(d$absence_prev1),
  cell(d$experience), cell(d$experience_lag1), cell(d$experience_prev1)))
writeLines(panel_lines, file.path(out_dir, "panel.csv"))
# The written values are exact: they parse back to the same doubles.
stopifnot(all(is.na(d$engagement) | as.numeric(cell(d$engagement)) == d$engagement),
          all(is.na(d$absence) | as.numeric(cell(d$absence)) == d$absence))

# ---- The analysis, written out ------------------------------------------------------------------
staff <- "engagement"
outcomes <- c("absence", "experience")
scopes <- c("all", sort(unique(d$trust_type)))
in_scope <- function(scope) if (scope == "all") rep(TRUE, nrow(d)) else d$trust_type == scope
column <- function(o, lag) if (lag == 0) o else paste0(o, "_lag", lag)
x_all <- d$engagement
w_all <- d$engagement_n
has_w <- !is.na(w_all) & w_all > 0

fisher_ci <- function(r, m) {
  if (m <= 0) return(c(NA, NA))
  tanh(atanh(r) + c(-1, 1) * qnorm(0.975) / sqrt(m))
}
tested <- function(r, df, fisher_n) {
  t <- r * sqrt(df / ((1 - r) * (1 + r)))
  c(r, fisher_ci(r, fisher_n), 2 * pt(-abs(t), df))
}

corr <- data.frame()
add_corr <- function(o, lag, scope, year, method, n, v) {
  corr <<- rbind(corr, data.frame(staff_measure = staff, outcome = o, lag = lag, scope = scope,
                                  year = year, method = method, n = n, r = v[1], ci_low = v[2],
                                  ci_high = v[3], p = v[4], stringsAsFactors = FALSE))
}
nan4 <- rep(NA_real_, 4)
for (o in outcomes) for (lag in 0:1) {
  y_all <- d[[column(o, lag)]]
  pair <- !is.na(x_all) & !is.na(y_all)
  for (scope in scopes) {
    s <- pair & in_scope(scope)
    for (year in c(as.character(sort(unique(d$survey_year[s]))), "pooled")) {
      g <- s & (year == "pooled" | d$survey_year == suppressWarnings(as.integer(year)))
      n <- sum(g)
      if (n == 0) next
      x <- x_all[g]; y <- y_all[g]
      if (n < min_pairs) {
        add_corr(o, lag, scope, year, "pearson", n, nan4)
        add_corr(o, lag, scope, year, "spearman", n, nan4)
      } else {
        ct <- cor.test(x, y)
        add_corr(o, lag, scope, year, "pearson", n, c(ct$estimate, ct$conf.int, ct$p.value))
        st <- cor.test(x, y, method = "spearman", exact = FALSE)
        add_corr(o, lag, scope, year, "spearman", n, c(st$estimate, NA, NA, st$p.value))
      }
      gw <- g & has_w
      nw <- sum(gw)
      if (nw < min_pairs) {
        add_corr(o, lag, scope, year, "pearson_weighted", nw, nan4)
      } else {
        xw <- x_all[gw]; yw <- y_all[gw]; ww <- w_all[gw]
        r <- cov.wt(cbind(xw, yw), wt = ww, cor = TRUE)$cor[1, 2]
        v <- tested(r, nw - 2, nw - 3)
        slope_p <- coef(summary(lm(yw ~ xw, weights = ww)))["xw", 4]
        stopifnot(abs(v[4] - slope_p) <= 1e-9 * slope_p)
        add_corr(o, lag, scope, year, "pearson_weighted", nw, v)
      }
      gp <- g & has_w   # log(engagement_n) finite
      np <- sum(gp)
      if (np < min_pairs) {
        add_corr(o, lag, scope, year, "partial", np, nan4)
      } else {
        present <- sort(unique(d$trust_type[gp]))
        Z <- data.frame(log_base = log(w_all[gp]))
        for (t in present[-1]) Z[[paste0("type_", t)]] <- as.numeric(d$trust_type[gp] == t)
        k <- ncol(Z)
        ex <- resid(lm(x_all[gp] ~ ., data = Z))
        ey <- resid(lm(y_all[gp] ~ ., data = Z))
        add_corr(o, lag, scope, year, "partial", np, tested(cor(ex, ey), np - 2 - k, np - 3 - k))
      }
    }
  }
}

models <- data.frame()
add_terms <- function(model, o, lag, scope, terms, n, groups, r2) {
  models <<- rbind(models, data.frame(model = model, staff_measure = staff, outcome = o, lag = lag,
                                      scope = scope, term = terms$term, n = n, n_groups = groups,
                                      estimate = terms$estimate, se = terms$se, t = terms$t, p = terms$p,
                                      ci_low = terms$ci_low, ci_high = terms$ci_high, r2 = r2,
                                      stringsAsFactors = FALSE))
}
too_few <- function(model, o, lag, scope, n) {
  add_terms(model, o, lag, scope, data.frame(term = staff, estimate = NA, se = NA, t = NA, p = NA,
                                             ci_low = NA, ci_high = NA), n, 0, NA)
}
wls <- function(model, o, lag, scope, data, predictors, names) {
  if (nrow(data) < min_pairs) return(too_few(model, o, lag, scope, nrow(data)))
  fit <- lm(reformulate(predictors, response = "y"), data = data, weights = w)
  cf <- coef(summary(fit))
  ci <- confint(fit)
  rn <- c(predictors, "(Intercept)")
  add_terms(model, o, lag, scope, data.frame(term = c(names, "intercept"), estimate = cf[rn, 1],
                                             se = cf[rn, 2], t = cf[rn, 3], p = cf[rn, 4],
                                             ci_low = ci[rn, 1], ci_high = ci[rn, 2]),
            nrow(data), 0, summary(fit)$r.squared)
}
fe <- function(model, o, lag, scope, data, predictors, names) {
  n <- nrow(data)
  if (n < min_pairs) return(too_few(model, o, lag, scope, n))
  G <- length(unique(data$org))
  pm <- plm(reformulate(predictors, response = "y"), data = data, index = c("org", "year"),
            effect = "twoways", model = "within")
  fit <- lm(reformulate(c(predictors, "factor(org)", "factor(year)"), response = "y"), data = data)
  cf <- coef(fit)
  K <- length(predictors) + sum(!is.na(cf[grep("^factor\\(year\\)", names(cf))]))
  stopifnot(all(!is.na(cf[predictors])), n - G - K >= 1,
            all(abs(cf[predictors] - coef(pm)[predictors]) <= 1e-10 * abs(coef(pm)[predictors])))
  se <- sqrt(diag(vcovCL(fit, cluster = ~org, type = "HC0", cadjust = TRUE) * (n - 1) / (n - K)))[predictors]
  r2 <- unname(summary(pm)$r.squared["rsq"])
  tss <- sum(resid(lm(y ~ factor(org) + factor(year), data = data))^2)
  stopifnot(abs(r2 - (1 - sum(resid(fit)^2) / tss)) <= 1e-10 * r2)
  est <- coef(pm)[predictors]
  t <- est / se
  half <- qt(0.975, G - 1) * se
  add_terms(model, o, lag, scope, data.frame(term = names, estimate = est, se = se, t = t,
                                             p = 2 * pt(-abs(t), G - 1), ci_low = est - half,
                                             ci_high = est + half), n, G, r2)
}
for (o in outcomes) for (lag in 0:1) for (scope in scopes) {
  prev_name <- paste0(o, "_prev1")
  all_rows <- data.frame(org = d$org_code, year = d$survey_year, y = d[[column(o, lag)]], x = x_all,
                         prev = d[[prev_name]], w = w_all, stringsAsFactors = FALSE)
  base <- in_scope(scope) & !is.na(all_rows$x) & !is.na(all_rows$y)
  weighted <- base & has_w
  with_prev <- !is.na(all_rows$prev)
  wls("wls", o, lag, scope, all_rows[weighted, ], "x", staff)
  wls("wls_prior_outcome", o, lag, scope, all_rows[weighted & with_prev, ], c("x", "prev"),
      c(staff, prev_name))
  fe("fixed_effects", o, lag, scope, all_rows[base, ], "x", staff)
  fe("fixed_effects_prior_outcome", o, lag, scope, all_rows[base & with_prev, ], c("x", "prev"),
     c(staff, prev_name))
}

pooled <- data.frame()
forest <- data.frame()
for (o in outcomes) for (lag in 0:1) for (scope in scopes) {
  yearly <- corr[corr$outcome == o & corr$lag == lag & corr$scope == scope & corr$method == "pearson" &
                   corr$year != "pooled", ]
  if (nrow(yearly) == 0) next
  keep <- !is.na(yearly$r) & yearly$n > 3
  v <- rep(NA_real_, 7)
  weights_pct <- rep(NA_real_, nrow(yearly))
  if (any(keep)) {
    m <- rma(yi = atanh(yearly$r[keep]), vi = 1 / (yearly$n[keep] - 3), method = "DL")
    v <- c(tanh(c(m$b, m$ci.lb, m$ci.ub)), m$pval, m$tau2, m$I2, m$QE)
    weights_pct[keep] <- weights(m)
  }
  pooled <- rbind(pooled, data.frame(staff_measure = staff, outcome = o, lag = lag, scope = scope,
                                     k = sum(keep), estimate = v[1], ci_low = v[2], ci_high = v[3],
                                     p = v[4], tau2 = v[5], i2 = v[6], q = v[7], stringsAsFactors = FALSE))
  if (lag == 0 && scope == "all") {
    forest <- rbind(forest, data.frame(outcome = o, year = yearly$year, r = yearly$r, n = yearly$n,
                                       weight = weights_pct, stringsAsFactors = FALSE))
  }
}

# ---- Benjamini-Hochberg over the family -----------------------------------------------------------
staff_term <- models$term == staff
family <- c(corr$p, ifelse(staff_term, models$p, NA), pooled$p)
adjusted <- p.adjust(family, method = "BH")
nc <- nrow(corr)
nm <- nrow(models)
corr$p_adjusted <- adjusted[seq_len(nc)]
models$p_adjusted <- adjusted[nc + seq_len(nm)]
pooled$p_adjusted <- adjusted[nc + nm + seq_len(nrow(pooled))]

write_rows <- function(df, file) {
  cols <- lapply(df, function(v) if (is.character(v)) v else fmt(v))
  writeLines(c(paste(names(df), collapse = ","), do.call(paste, c(cols, sep = ","))), file.path(out_dir, file))
}
write_rows(corr, "correlations_r.csv")
write_rows(models, "models_r.csv")
write_rows(pooled, "pooled_r.csv")
write_rows(forest, "forest_r.csv")
cat("Wrote panel.csv (", nrow(d), " rows), correlations_r.csv (", nc, "), models_r.csv (", nm,
    "), pooled_r.csv (", nrow(pooled), "), forest_r.csv to ", out_dir, "; BH family m = ",
    sum(!is.na(family)), "\n", sep = "")
cat(R.version.string, "plm", as.character(packageVersion("plm")), "sandwich",
    as.character(packageVersion("sandwich")), "metafor", as.character(packageVersion("metafor")), "\n")
