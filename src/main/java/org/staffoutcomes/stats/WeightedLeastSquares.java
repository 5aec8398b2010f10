package org.staffoutcomes.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weighted (or ordinary) least-squares regression with an intercept, as R's
 * {@code summary(lm(y ~ x1 + x2, weights = w))} and {@code confint()}.
 */
public final class WeightedLeastSquares {

  /** The name of the intercept's term. */
  public static final String INTERCEPT = "intercept";

  private static final String ACTION = "fit a regression";

  private WeightedLeastSquares() {}

  /**
   * Fits {@code y = b0 + b1 x1 + ... + bk xk} minimising {@code sum w_i (y_i - fitted_i)^2}:
   *
   * <pre>
   *   mw(v)  = sum(w_i v_i) / sum(w_i)                                  (weighted mean)
   *   Xc     = sqrt(w) (x_j - mw(x_j)),  yc = sqrt(w) (y - mw(y))          (centred, scaled)
   *   b      = argmin ||yc - Xc b||   by a Householder QR of Xc:  Xc = QR
   *   b0     = mw(y) - sum_j b_j mw(x_j)
   *   s^2    = sum w_i e_i^2 / df,  df = n - (k + 1)
   *   Var(b) = s^2 (Xc'Xc)^-1 = s^2 R^-1 R^-T
   *   Var(b0) = s^2 (1 / sum(w) + m' (Xc'Xc)^-1 m),  m = (mw(x_1), ..., mw(x_k))
   *   R^2    = MSS / (MSS + RSS),  MSS = sum w_i (f_i - mw(f))^2,  RSS = sum w_i e_i^2
   * </pre>
   *
   * <p>which is R's {@code lm} with {@code weights = w} (and its weighted {@code r.squared}).
   * Centring first keeps predictors with a large offset (e.g. values near 1e6) precise. Each term
   * is tested on {@code df} degrees of freedom, see {@link RegressionTerm}.
   *
   * <p><b>Undefined models give NaN, not an exception:</b> when {@code n <= k + 1} (no residual
   * degrees of freedom; {@code dfResidual} is then 0), or when the design is singular by R's rule
   * (a predictor is constant, or a linear combination of the others and the intercept, where R's
   * {@code lm} would report an NA coefficient; see {@link HouseholderQr}), every term and R^2 are
   * NaN. A constant y with a full-rank design gives zero estimates and standard errors (t and p
   * NaN) and R^2 NaN, as R.
   *
   * @param y the response
   * @param predictors {@code predictors[j][i]} is the value of predictor j for observation i
   * @param names the predictors' names, distinct, none {@code "intercept"}
   * @param weights one positive, finite weight per observation; {@code null} for ordinary least
   *     squares (every weight 1)
   * @return the predictors' terms in the given order, then the term {@code "intercept"};
   *     {@code nGroups} 0
   * @throws IllegalArgumentException if a length differs, a value is NaN or infinite, a weight is
   *     not positive, or a name repeats or is {@code "intercept"}
   */
  public static RegressionResult fit(double[] y, double[][] predictors, String[] names,
      double[] weights) {
    Checks.design(ACTION, y, predictors, names, "predictor");
    if (Arrays.asList(names).contains(INTERCEPT)) {
      throw new IllegalArgumentException("Cannot " + ACTION + ": a predictor is named "
          + INTERCEPT + ", the name of the term that is always added");
    }
    if (weights != null) {
      Checks.weights(ACTION, "weights", weights, y.length);
    }
    int n = y.length;
    int k = predictors.length;
    String[] termNames = Arrays.copyOf(names, k + 1);
    termNames[k] = INTERCEPT;
    int df = n - (k + 1);
    if (df < 1) {
      return RegressionResult.undefined(termNames, n, 0, df);
    }
    double[] w = weights == null ? ones(n) : weights;
    double[] sqrtW = new double[n];
    double sumW = 0;
    for (int i = 0; i < n; i++) {
      sqrtW[i] = Math.sqrt(w[i]);
      sumW += w[i];
    }
    double[] means = new double[k];
    double[][] xc = new double[k][];
    for (int j = 0; j < k; j++) {
      means[j] = Descriptive.weightedMeanOfChecked(predictors[j], weights);
      xc[j] = centredScaled(predictors[j], means[j], sqrtW);
    }
    double meanY = Descriptive.weightedMeanOfChecked(y, weights);
    HouseholderQr.Fit fit = HouseholderQr.fit(xc, centredScaled(y, meanY, sqrtW));
    if (!fit.fullRank(k)) {
      return RegressionResult.undefined(termNames, n, 0, df);
    }
    double rss = fit.rss();
    double s2 = rss / df;
    double[][] cov = fit.unscaledCovariance();
    double[] b = fit.coefficients();
    List<RegressionTerm> terms = new ArrayList<>();
    double intercept = meanY;
    for (int j = 0; j < k; j++) {
      terms.add(RegressionTerm.of(names[j], b[j], Math.sqrt(s2 * cov[j][j]), df));
      intercept -= b[j] * means[j];
    }
    // m' (Xc'Xc)^-1 m = ||R^-T m||^2, a sum of squares.
    double quadratic = 0;
    double[][] rInv = fit.rInverse();
    for (int i = 0; i < k; i++) {
      double u = 0;
      for (int j = 0; j <= i; j++) {
        u += rInv[j][i] * means[j];
      }
      quadratic += u * u;
    }
    terms.add(RegressionTerm.of(INTERCEPT, intercept, Math.sqrt(s2 * (1 / sumW + quadratic)), df));
    return new RegressionResult(terms, n, 0, rSquared(predictors, means, b, w, rss), df);
  }

  /** {@code sqrt(w_i) (v_i - mean)}. */
  private static double[] centredScaled(double[] v, double mean, double[] sqrtW) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = sqrtW[i] * (v[i] - mean);
    }
    return out;
  }

  /** R's {@code mss / (mss + rss)}, from the fitted values less mw(y). */
  private static double rSquared(double[][] predictors, double[] means, double[] b, double[] w,
      double rss) {
    int n = w.length;
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < b.length; j++) {
        s += b[j] * (predictors[j][i] - means[j]);
      }
      f[i] = s;
    }
    double mf = Descriptive.weightedMeanOfChecked(f, w);
    double mss = 0;
    for (int i = 0; i < n; i++) {
      double d = f[i] - mf;
      mss += w[i] * d * d;
    }
    return mss / (mss + rss);
  }

  private static double[] ones(int n) {
    double[] v = new double[n];
    Arrays.fill(v, 1);
    return v;
  }
}
