package org.staffoutcomes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relationship of truth.json holds in the files, each outcome recomputed from the CSVs as
 * its descriptor defines it ({@link OutcomeFiles}): the planted Pearson correlations to their
 * tolerance (0.01, also for the rare MRSA counts), lag 1 stronger than lag 0; the CQC Spearman
 * coefficient exactly as truth.json gives it, and clearly positive; and the true regression
 * coefficients inside the 95% intervals of the models fitted on the files ({@link
 * PlantedModelFits}).
 */
class PlantedRelationshipsTest {

  private static final Set<String> OUTCOMES = Set.of("shmi", "sickness_absence",
      "patient_experience", "fft_positive", "mrsa_rate", "cdiff_rate", "ae_4hr", "rtt_18wk",
      "surplus_pct", "cqc_overall");

  @TempDir Path tmp;

  @Test
  void theDefaultSampleShowsEveryPlantedRelationship() throws IOException {
    Path landing = tmp.resolve("default");
    long start = System.nanoTime();
    SampleGenerator.generate(landing, SampleOptions.defaults());
    System.out.printf(Locale.ROOT, "default sample generated in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertRecovered(landing, SampleOptions.defaults());
  }

  @Test
  void recoveryDoesNotHingeOnTheSeedOrSize() throws IOException {
    SampleOptions options = new SampleOptions(42L, 120, 2014, 2023);
    SampleGenerator.generate(tmp.resolve("small"), options);
    assertRecovered(tmp.resolve("small"), options);
  }

  static void assertRecovered(Path root, SampleOptions options) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(root.resolve("truth.json").toFile());
    assertEquals(options.seed(), truth.get("seed").asLong());
    assertTrue(truth.get("method").asText().contains("only a weak relationship is planted"));
    Map<String, Double> engagement = OutcomeFiles.engagement(root);
    Map<String, Map<String, Double>> outcomes =
        OutcomeFiles.all(root, options.firstYear(), options.lastYear());
    Set<String> seen = new HashSet<>();
    Map<String, Double> planted = new HashMap<>();
    for (JsonNode rel : truth.get("relationships")) {
      assertEquals("engagement", rel.get("staff_measure").asText());
      String outcome = rel.get("outcome").asText();
      String method = rel.get("method").asText();
      int lag = rel.get("lag").asInt();
      double expected = rel.get("r").asDouble();
      double tolerance = rel.get("tolerance").asDouble();
      seen.add(outcome + "|" + lag);
      List<double[]> pairs = pairs(engagement, outcomes.get(outcome), lag);
      double r = method.equals("spearman") ? Ranks.spearman(pairs) : Ranks.pearson(x(pairs, 0),
          x(pairs, 1));
      System.out.printf(Locale.ROOT,
          "seed %d: engagement vs %-18s lag %d %-8s r = %+.4f (truth %+.4f, n = %d)%n",
          options.seed(), outcome, lag, method, r, expected, pairs.size());
      assertTrue(pairs.size() > 300, "pairs: " + pairs.size());
      if (method.equals("spearman")) {
        assertEquals("cqc_overall", outcome);
        assertEquals(0, lag);
        assertTrue(r > 0.2, "CQC ratings follow engagement: " + r);
        assertEquals(expected, r, 1e-4, "truth.json holds the realised coefficient");
      } else {
        assertEquals("pearson", method);
        assertTrue(tolerance <= 0.01, rel.toString());
        assertEquals(expected, r, tolerance, rel.toString());
        assertEquals(Math.signum(expected), Math.signum(r));
        planted.put(outcome + "|" + lag, expected);
      }
    }
    for (String outcome : OUTCOMES) {
      if (!outcome.equals("cqc_overall")) {
        assertTrue(Math.abs(planted.get(outcome + "|1")) > Math.abs(planted.get(outcome + "|0")),
            "lag 1 stronger: " + outcome);
      }
    }
    Set<String> expectedKeys = new HashSet<>();
    OUTCOMES.forEach(o -> {
      expectedKeys.add(o + "|0");
      if (!o.equals("cqc_overall")) {
        expectedKeys.add(o + "|1");
      }
    });
    assertEquals(expectedKeys, seen);
    PlantedModelFits.assertRecovered(root, truth, options);
  }

  private static List<double[]> pairs(Map<String, Double> engagement, Map<String, Double> outcome,
      int lag) {
    List<double[]> pairs = new ArrayList<>();
    for (Map.Entry<String, Double> e : engagement.entrySet()) {
      String[] key = e.getKey().split("\\|");
      Double y = outcome.get(key[0] + "|" + (Integer.parseInt(key[1]) + lag));
      if (y != null) {
        pairs.add(new double[] {e.getValue(), y});
      }
    }
    return pairs;
  }

  private static double[] x(List<double[]> pairs, int column) {
    return pairs.stream().mapToDouble(p -> p[column]).toArray();
  }
}
