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
 * correlations of the engagement score with each outcome at lag 0 and lag 1.
 */
final class TruthWriter {

  static final String FILE = "truth.json";

  private static final String METHOD = "Synthetic data. Latent standardized engagement"
      + " E[i,t] = sqrt(phi)*u[i] + sqrt(1-phi)*v[i,t] (phi = 0.5: persistent trust culture plus"
      + " yearly change); latent outcome O[i,t] = a*E[i,t-1] + b*E[i,t] + c*eps[i,t] with unit"
      + " variance, so outcomes follow this and last year's engagement. a and b are solved from"
      + " within-year correlations calibrated to allow for the group and national-year offsets"
      + " added to the published values, then fine-tuned on the drawn values so that this sample"
      + " shows the pooled correlations below (rounding to published precision moves them by"
      + " about 0.001). Published engagement = 6.95 + offsets + 0.22*E; SHMI = 1 + 0.07*O"
      + " (OBSERVED = round(EXPECTED*SHMI)); sickness absence % = 4.4 + offsets + 0.55*O (the 12"
      + " All staff groups months of the financial year sum to it); inpatient overall experience"
      + " = 8.0 + offsets + 0.30*O. r is Pearson's correlation pooled over all survey years and"
      + " every trust-year with both values: engagement of survey year Y with the outcome of"
      + " year Y (lag 0) or Y+1 (lag 1); the outcome year is the financial year starting in"
      + " April Y for shmi (sum OBSERVED / sum EXPECTED) and sickness_absence (100 * sum days"
      + " lost / sum days available) and the calendar year Y for patient_experience.";

  private TruthWriter() {}

  static void write(Path landingDir, SampleOptions options) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("seed", options.seed());
    ArrayNode relationships = root.putArray("relationships");
    for (OutcomeSpec spec : OutcomeSpec.values()) {
      for (int lag = 0; lag <= 1; lag++) {
        ObjectNode r = relationships.addObject();
        r.put("staff_measure", "engagement");
        r.put("outcome", spec.measure());
        r.put("lag", lag);
        r.put("r", spec.target(lag));
      }
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
}
