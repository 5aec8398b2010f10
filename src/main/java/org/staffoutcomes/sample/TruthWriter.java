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

/**
 * {@code truth.json}: the planted relationships the pipeline should recover, as pooled Pearson
 * correlations of the engagement score with each continuous outcome at lag 0 and lag 1, and the
 * Spearman correlation the CQC ratings in force show, merged trusts restated under their
 * successor. Each entry's {@code tolerance} is how close the pipeline's pooled coefficient must
 * come when it computes the outcome from the files as its descriptor defines it.
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
      + " yearly change); each continuous outcome has a latent O[i,t] = a*E[i,t-1] + b*E[i,t] +"
      + " c*eps[i,t] with unit variance, so outcomes follow this and last year's engagement. a and"
      + " b are solved from within-year correlations calibrated to allow for the group and"
      + " national-year offsets added to the published values, then fine-tuned on the drawn values"
      + " so that this sample shows the pooled correlations below (rounding to published precision"
      + " moves them by about 0.001; every entry holds to its tolerance when the outcome is"
      + " computed from the files as its descriptor defines it). Published engagement = 6.95 +"
      + " offsets + 0.22*E; SHMI = 1 + 0.07*O (OBSERVED = round(EXPECTED*SHMI)); sickness absence %"
      + " = 4.4 + offsets + 0.55*O (the 12 All staff groups months of the financial year sum to"
      + " it); inpatient overall experience = 8.0 + offsets + 0.30*O; FFT % positive = 95 + offsets"
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
      if (!world.latent().fitted(spec)) {
        continue;
      }
      for (int lag = 0; lag <= 1; lag++) {
        add(relationships, spec.measure(), "pearson", lag, spec.target(lag), TOLERANCE);
      }
    }
    if (!Double.isNaN(cqcSpearman)) {
      add(relationships, CQC_OUTCOME, "spearman", 0, Csv.round(cqcSpearman, 4), CQC_TOLERANCE);
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
