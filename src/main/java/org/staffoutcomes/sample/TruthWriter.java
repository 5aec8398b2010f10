package org.staffoutcomes.sample;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.staffoutcomes.panel.PanelColumns;

/**
 * {@code truth.json}: the planted relationships the pipeline should recover, as pooled Pearson
 * correlations of the engagement score with each continuous outcome at lag 0 and lag 1, and the
 * Spearman correlation the CQC ratings in force show, merged trusts restated under their
 * successor. Each entry's {@code tolerance} is how close the pipeline's pooled coefficient must
 * come when it computes the outcome from the files as its descriptor defines it.
 *
 * <p>{@code coefficients} holds the true coefficients of regression models on the panel's values
 * ({@link PlantedEffects}): model, staff measure, outcome, lag, scope, term, value and a sentence
 * of method each.
 */
final class TruthWriter {

  static final String FILE = "truth.json";
  static final String CQC_OUTCOME = "cqc_overall";
  /** The planted correlations hold in the files to this (rounding to published precision). */
  static final double TOLERANCE = 0.01;
  /** The CQC coefficient is computed from the files themselves; only its printing rounds it. */
  static final double CQC_TOLERANCE = 0.001;

  private static final String METHOD = "Synthetic data. Latent standardized engagement"
      + " E[i,t] = sqrt(phi)*u[i] + sqrt(1-phi)*v[i,t] (phi = 0.5: persistent trust culture plus"
      + " yearly change); each continuous outcome but SHMI and sickness absence has a latent"
      + " O[i,t] = a*E[i,t-1] + b*E[i,t] +"
      + " c*eps[i,t] with unit variance, so outcomes follow this and last year's engagement. a and"
      + " b are solved from within-year correlations calibrated to allow for the group and"
      + " national-year offsets added to the published values, then fine-tuned on the drawn values"
      + " so that this sample shows the pooled correlations below (rounding to published precision"
      + " moves them by about 0.001; every entry holds to its tolerance when the outcome is"
      + " computed from the files as its descriptor defines it). Published engagement = 6.95 +"
      + " offsets + 0.22*E; SHMI and sickness absence follow the regression models of the"
      + " coefficients entries (their free scale and noise solved likewise so that the correlations"
      + " below hold; OBSERVED = round(EXPECTED*SHMI); the 12 All staff groups months of the"
      + " financial year sum to the sickness absence rate); inpatient overall experience = 8.0 + offsets + 0.30*O; FFT % positive = 95 + offsets"
      + " + 1.5*O (monthly whole percentages whose response-weighted mean over the unsuppressed"
      + " months is it); C. difficile = 14 + offsets + 4*O and MRSA = 1.0 + offsets + 0.35*O per"
      + " 100,000 occupied bed days (the year's case count is the rate times the bed days, rounded,"
      + " with no Poisson noise, scattered over the months). MRSA is rare (2-3 cases a trust a"
      + " year, mostly 0 or 1 a month), so only a weak relationship is planted, and its fit is made"
      + " on the rates the rounded counts show (so is C. difficile's), not on the expected rates."
      + " A&E % within 4 hours = 88 + offsets + 4.5*O and RTT % within 18 weeks = 86 + offsets +"
      + " 6*O (the year's breaches are the planted share of the summed monthly totals); surplus %"
      + " of income = offsets + 2.5*O (surplus = income * % / 100, in £000). Trusts merge"
      + " (successors/succ.csv): a successor's latent persistent part continues its predecessors'"
      + " (headcount-weighted, topped up to unit variance), and every figure below counts a"
      + " predecessor's rows under its final successor, as the sample catalog's succession:"
      + " restate does (scores weighted by their base, counts summed, the latest rating of any in"
      + " force). r is Pearson's correlation pooled over all survey years and every trust-year"
      + " with both values:"
      + " engagement of survey year Y with the outcome of year Y (lag 0) or Y+1 (lag 1); the"
      + " outcome year is the calendar year Y for patient_experience and otherwise the financial"
      + " year April Y to March Y+1: sum OBSERVED / sum EXPECTED of the APRyy_MARyy SHMI files only"
      + " (the JANyy_DECyy files straddle two financial years and are not aligned); 100 * sum of"
      + " days lost / sum of days available; the FFT percentage weighted by total responses;"
      + " 100000 * sum of cases / sum of occupied bed days; 100 * sum within / sum of totals (A&E,"
      + " RTT); 100 * surplus / income. CQC ratings are not planted exactly: each inspection's"
      + " rating is monotone in the latent engagement of its financial year plus a persistent trust"
      + " quality and noise; the cqc_overall entry is the Spearman correlation (average ranks) the"
      + " files show between engagement of survey year Y and the Overall rating (Inadequate = 1 .."
      + " Outstanding = 4) in force at the end of March Y+1 (the latest published on or before it),"
      + " rounded to 4 decimals.";

  /** The method sentence of the prior-outcome coefficients. */
  private static String priorOutcomeMethod(PriorOutcomeEffect prior) {
    return String.format(Locale.ROOT, "Synthetic data. SHMI of financial year Y (sum OBSERVED /"
        + " sum EXPECTED of the APRyy_MARyy files, merged trusts restated) = 1%s*(engagement_Y -"
        + " 6.95)%s*(SHMI_Y-1 - 1)%s*R%s*sqrt(mean n / n)*eps, with engagement_Y the published"
        + " engagement score of survey year Y (restated: base-weighted), SHMI_Y-1 the published"
        + " SHMI of the financial year before (the panel's shmi_prev1), n its base (engagement_n),"
        + " eps independent N(0,1), and R a delayed effect of last year's engagement: its residual"
        + " from the weighted least squares, within year Y, on 1, engagement_Y and SHMI_Y-1 over"
        + " the model's rows (weights engagement_n), so orthogonal to the regressors (it keeps the"
        + " pooled correlation at lag 1 the stronger); so shmi ~ engagement + shmi_prev1 by"
        + " weighted least squares (weights engagement_n, lag 0, pooled over every trust-year with"
        + " all three) has these true coefficients.",
        plus(PriorOutcomeEffect.BETA), plus(PriorOutcomeEffect.RHO), plus(prior.kappa()),
        plus(prior.sigma()));
  }

  /** The method sentence of the within-trust coefficient. */
  private static String withinTrustMethod(WithinTrustEffect within) {
    return String.format(Locale.ROOT, "Synthetic data. Sickness absence %% of financial year Y+1"
        + " (100 * sum FTE days lost / sum FTE days available, All staff groups, merged trusts"
        + " restated) = 4.4 + group offset + national year offset%s*(engagement_Y - 6.95) +"
        + " 0.55*(%s*u%s*eps), with engagement_Y the published engagement score of survey year Y"
        + " (restated: base-weighted), u the trust's persistent culture (which its engagement also"
        + " follows) and eps independent N(0,1): within a trust, one engagement point more in"
        + " survey year Y changes sickness absence the year after by the value below (percentage"
        + " points), which sickness_absence_lag1 ~ engagement + trust and year fixed effects"
        + " estimates (the offsets and u are absorbed; a pooled slope, which u confounds, is"
        + " steeper); the coefficient was solved so that the pooled correlations below hold.",
        plus(within.delta()), within.gamma(), plus(WithinTrustEffect.NOISE));
  }

  /** {@code " + x"} or {@code " - |x|"}, for a term of a sum. */
  private static String plus(double x) {
    return (x < 0 ? " - " : " + ") + Math.abs(x);
  }

  private TruthWriter() {}

  /**
   * Writes the file: every outcome the sample was fitted to ({@link LatentModel#fitted}), and the
   * CQC coefficient when there are ratings in force to compute it on.
   */
  static void write(Path landingDir, SampleWorld world, double cqcSpearman) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("seed", world.options().seed());
    ArrayNode relationships = root.putArray("relationships");
    for (OutcomeSpec spec : OutcomeSpec.values()) {
      if (!world.fitted(spec)) {
        continue;
      }
      for (int lag = 0; lag <= 1; lag++) {
        add(relationships, spec.measure(), "pearson", lag, spec.target(lag), TOLERANCE);
      }
    }
    if (!Double.isNaN(cqcSpearman)) {
      add(relationships, CQC_OUTCOME, "spearman", 0, Csv.round(cqcSpearman, 4), CQC_TOLERANCE);
    }
    ArrayNode coefficients = root.putArray("coefficients");
    PriorOutcomeEffect prior = world.effects().prior();
    if (prior.fitted()) {
      String shmi = PriorOutcomeEffect.SPEC.measure();
      String method = priorOutcomeMethod(prior);
      addCoefficient(coefficients, "wls_prior_outcome", shmi, 0, "engagement",
          PriorOutcomeEffect.BETA, method);
      addCoefficient(coefficients, "wls_prior_outcome", shmi, 0, PanelColumns.previous(shmi, 1),
          PriorOutcomeEffect.RHO, method);
    }
    WithinTrustEffect within = world.effects().within();
    if (within.fitted()) {
      addCoefficient(coefficients, "fixed_effects", WithinTrustEffect.SPEC.measure(), 1,
          "engagement", within.delta(), withinTrustMethod(within));
    }
    root.put("method", METHOD);
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(lf)
        .withArrayIndenter(lf);
    String json = mapper.writer(printer).writeValueAsString(root) + "\n";
    Files.createDirectories(landingDir);
    Files.writeString(landingDir.resolve(FILE), json, StandardCharsets.UTF_8);
  }

  private static void addCoefficient(ArrayNode coefficients, String model, String outcome,
      int lag, String term, double value, String method) {
    ObjectNode node = coefficients.addObject();
    node.put("model", model);
    node.put("staff_measure", "engagement");
    node.put("outcome", outcome);
    node.put("lag", lag);
    node.put("scope", "all");
    node.put("term", term);
    node.put("value", value);
    node.put("method", method);
  }

  private static void add(ArrayNode relationships, String outcome, String method, int lag,
      double r, double tolerance) {
    ObjectNode node = relationships.addObject();
    node.put("staff_measure", "engagement");
    node.put("outcome", outcome);
    node.put("method", method);
    node.put("lag", lag);
    node.put("r", r);
    node.put("tolerance", tolerance);
  }
}
