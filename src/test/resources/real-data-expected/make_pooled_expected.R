# Random-effects pool (DerSimonian-Laird on Fisher's z) of the per-year Pearson correlations of
# engagement with SHMI in the real published files, from the independent per-year computation in
# engagement_shmi_by_year.csv (make_expected.py), for RealDataTest.
#
# Run from the repository root:
#   Rscript src/test/resources/real-data-expected/make_pooled_expected.R \
#     > src/test/resources/real-data-expected/engagement_shmi_pooled_dl.csv
suppressMessages(library(metafor))
d <- read.csv("src/test/resources/real-data-expected/engagement_shmi_by_year.csv")
d <- d[d$method == "pearson", ]
m <- rma(yi = atanh(d$r), vi = 1 / (d$n - 3), method = "DL")
options(digits = 17)
cat("k,estimate,ci_low,ci_high,p,tau2,i2,q\n")
cat(paste(m$k, format(tanh(as.numeric(m$b)), digits = 17), format(tanh(m$ci.lb), digits = 17),
          format(tanh(m$ci.ub), digits = 17), format(m$pval, digits = 17), format(m$tau2, digits = 17),
          format(m$I2, digits = 17), format(m$QE, digits = 17), sep = ","), "\n", sep = "")
