package org.staffoutcomes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

  private static final Set<String> MISSING = Set.of("", "NA", "-", "*");

  @TempDir static Path tmp;
  private static Path landing;
  private static SampleSummary summary;

  @BeforeAll
  static void generateDefaultSample() {
    landing = tmp.resolve("default");
    long start = System.nanoTime();
    summary = SampleGenerator.generate(landing, SampleOptions.defaults());
    System.out.printf(Locale.ROOT, "sample generated in %d ms: %s%n",
        (System.nanoTime() - start) / 1_000_000, summary.datasets());
  }

  @Test
  void sameSeedGivesIdenticalFilesAndAnotherSeedDiffers() throws IOException {
    Path again = tmp.resolve("again");
    Path other = tmp.resolve("other");
    SampleGenerator.generate(again, SampleOptions.defaults());
    SampleGenerator.generate(other, SampleOptions.defaults().withSeed(7L));
    Map<String, String> first = hashes(landing);
    assertEquals(1 + 13 + 14 + 14 + 14 + 1, first.size(), "files written, truth.json included");
    assertEquals(first, hashes(again));
    Map<String, String> different = hashes(other);
    assertEquals(first.keySet(), different.keySet());
    assertNotEquals(first.get("organisations.csv"), different.get("organisations.csv"));
    assertNotEquals(first.get("staff-survey/NSS2019_organisation_results.csv"),
        different.get("staff-survey/NSS2019_organisation_results.csv"));
  }

  @Test
  void summaryCountsWhatWasWritten() throws IOException {
    assertEquals(56, summary.totalFiles());
    assertEquals(summary.dataset("organisations").rows(), rows(landing, "organisations.csv").size());
    long staffRows = 0;
    for (int year = 2012; year <= 2024; year++) {
      staffRows += rows(landing, "staff-survey/NSS" + year + "_organisation_results.csv").size();
    }
    assertEquals(summary.dataset("staff_survey").rows(), staffRows);
  }

  @Test
  void pooledCorrelationsRecoverTheTruth() throws IOException {
    assertRecovered(landing, SampleOptions.DEFAULT_SEED, 0.05);
  }

  @Test
  void recoveryDoesNotHingeOnTheSeedOrSize() throws IOException {
    Path small = tmp.resolve("small");
    SampleGenerator.generate(small, new SampleOptions(42L, 120, 2014, 2023));
    assertRecovered(small, 42L, 0.05);
  }

  @Test
  void staleFilesOfTheLayoutAreReplacedOthersKept() throws IOException {
    Path dir = tmp.resolve("rerun");
    SampleGenerator.generate(dir, new SampleOptions(1L, 40, 2012, 2020));
    Path notes = dir.resolve("staff-survey").resolve("notes.txt");
    Files.writeString(notes, "mine");
    SampleSummary again = SampleGenerator.generate(dir, new SampleOptions(1L, 40, 2016, 2020));
    assertTrue(Files.exists(notes));
    assertTrue(Files.notExists(dir.resolve("staff-survey/NSS2012_organisation_results.csv")));
    assertTrue(Files.notExists(dir.resolve("shmi/SHMI_APR12_MAR13.csv")));
    assertEquals(5, again.dataset("staff_survey").files());
    try (Stream<Path> files = Files.list(dir.resolve("staff-survey"))) {
      assertEquals(6, files.count());
    }
  }

  /** Re-computes every relationship of truth.json from the CSVs under {@code root}. */
  private static void assertRecovered(Path root, long seed, double tolerance) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(root.resolve("truth.json").toFile());
    assertEquals(seed, truth.get("seed").asLong());
    assertTrue(truth.get("method").asText().length() > 50);
    Map<String, Double> engagement = engagementByTrustYear(root);
    Map<String, Map<String, Double>> outcomes = Map.of(
        "shmi", shmiByTrustYear(root),
        "sickness_absence", sicknessByTrustYear(root),
        "patient_experience", patientExperienceByTrustYear(root));
    assertEquals(6, truth.get("relationships").size());
    for (JsonNode rel : truth.get("relationships")) {
      assertEquals("engagement", rel.get("staff_measure").asText());
      int lag = rel.get("lag").asInt();
      double expected = rel.get("r").asDouble();
      Map<String, Double> outcome = outcomes.get(rel.get("outcome").asText());
      List<double[]> pairs = new ArrayList<>();
      for (Map.Entry<String, Double> e : engagement.entrySet()) {
        String[] key = e.getKey().split("\\|");
        Double y = outcome.get(key[0] + "|" + (Integer.parseInt(key[1]) + lag));
        if (y != null) {
          pairs.add(new double[] {e.getValue(), y});
        }
      }
      double r = pearson(pairs);
      System.out.printf(Locale.ROOT,
          "seed %d: engagement vs %-18s lag %d: r = %+.4f (truth %+.2f, n = %d)%n",
          seed, rel.get("outcome").asText(), lag, r, expected, pairs.size());
      assertTrue(pairs.size() > 300, "pairs: " + pairs.size());
      assertEquals(expected, r, tolerance, rel.toString());
      assertEquals(Math.signum(expected), Math.signum(r));
    }
  }

  @Test
  void organisationsLookLikeTheNhs() throws IOException {
    List<CSVRecord> orgs = rows(landing, "organisations.csv");
    assertEquals(230, orgs.size());
    Map<String, Integer> types = new TreeMap<>();
    Set<String> codes = new HashSet<>();
    Set<String> regions = new HashSet<>();
    int withComma = 0;
    for (CSVRecord org : orgs) {
      String code = org.get("ODS code");
      assertTrue(code.matches("[RT][A-Z0-9]{2}"), code);
      assertTrue(codes.add(code), "duplicate " + code);
      types.merge(org.get("Trust type"), 1, Integer::sum);
      regions.add(org.get("Region"));
      withComma += org.get("Organisation name").contains(",") ? 1 : 0;
    }
    assertEquals(7, regions.size());
    assertTrue(withComma >= 2, "names with commas: " + withComma);
    assertShare(types, "Acute", 0.58, 0.70);
    assertShare(types, "Mental health", 0.18, 0.27);
    assertShare(types, "Community", 0.04, 0.09);
    assertShare(types, "Ambulance", 0.035, 0.055);
  }

  @Test
  void staffSurveyHasRealisticRespondentsAndGaps() throws IOException {
    Set<String> allCodes = new HashSet<>();
    rows(landing, "organisations.csv").forEach(r -> allCodes.add(r.get("ODS code")));
    int present = 0;
    int suppressed = 0;
    Set<String> inFirst = new HashSet<>();
    Set<String> inLast = new HashSet<>();
    for (int year = 2012; year <= 2024; year++) {
      String file = "staff-survey/NSS" + year + "_organisation_results.csv";
      String text = Files.readString(landing.resolve(file));
      assertEquals(year % 2 != 0, text.matches("(?s).*\"\\d{1,3},\\d{3}\".*"), file);
      for (CSVRecord r : rows(landing, file)) {
        present++;
        int respondents = (int) number(r.get("Respondents"));
        assertTrue(respondents >= 300 && respondents <= 9000, "respondents " + respondents);
        for (String base : List.of("Engagement_base", "Stress_base", "Morale_base")) {
          if (!MISSING.contains(r.get(base))) {
            assertTrue(number(r.get(base)) < respondents);
          }
        }
        suppressed += MISSING.contains(r.get("Engagement_score")) ? 1 : 0;
        if (year == 2012) {
          inFirst.add(r.get("ODS code"));
        } else if (year == 2024) {
          inLast.add(r.get("ODS code"));
        }
      }
    }
    int orgYears = allCodes.size() * 13;
    double absent = 1.0 - (double) present / orgYears;
    assertTrue(absent > 0.03 && absent < 0.12, "absent share " + absent);
    assertTrue(suppressed > 0, "some engagement scores are NA");
    assertTrue(inFirst.stream().anyMatch(c -> !inLast.contains(c)), "some trusts dissolve");
    assertTrue(inLast.stream().anyMatch(c -> !inFirst.contains(c)), "some trusts are created");
  }

  private static void assertShare(Map<String, Integer> counts, String type, double lo, double hi) {
    double share = counts.getOrDefault(type, 0) / 230.0;
    assertTrue(share >= lo && share <= hi, type + " share " + share);
  }

  // ---- reading the written files back ----

  private static Map<String, Double> engagementByTrustYear(Path root) throws IOException {
    Map<String, Double> out = new HashMap<>();
    eachRow(root, "staff-survey", (r, file) -> {
      if (!MISSING.contains(r.get("Engagement_score"))) {
        out.put(r.get("ODS code") + "|" + r.get("Year"), number(r.get("Engagement_score")));
      }
    });
    return out;
  }

  private static Map<String, Double> shmiByTrustYear(Path root) throws IOException {
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "shmi", (r, file) -> {
      int fy = 2000 + Integer.parseInt(r.get("TIME_PERIOD").substring(3, 5));
      double[] s = sums.computeIfAbsent(r.get("PROVIDER_CODE") + "|" + fy, k -> new double[2]);
      s[0] += number(r.get("OBSERVED"));
      s[1] += number(r.get("EXPECTED"));
    });
    return ratios(sums, 1);
  }

  private static Map<String, Double> sicknessByTrustYear(Path root) throws IOException {
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "sickness-absence", (r, file) -> {
      if (r.get("STAFF_GROUP").equals("All staff groups")) {
        int year = Integer.parseInt(r.get("DATE").substring(0, 4));
        int month = Integer.parseInt(r.get("DATE").substring(5, 7));
        int fy = month >= 4 ? year : year - 1;
        double[] s = sums.computeIfAbsent(r.get("ORG_CODE") + "|" + fy, k -> new double[2]);
        s[0] += number(r.get("FTE_DAYS_LOST"));
        s[1] += number(r.get("FTE_DAYS_AVAILABLE"));
      }
    });
    return ratios(sums, 100);
  }

  private static Map<String, Double> patientExperienceByTrustYear(Path root) throws IOException {
    Map<String, Double> out = new HashMap<>();
    eachRow(root, "inpatient-survey", (r, file) -> out.put(
        r.get("Trust code") + "|" + r.get("Survey year"),
        number(r.get("Overall experience score"))));
    return out;
  }

  private static Map<String, Double> ratios(Map<String, double[]> sums, double scale) {
    Map<String, Double> out = new HashMap<>();
    sums.forEach((k, s) -> out.put(k, scale * s[0] / s[1]));
    return out;
  }

  private static void eachRow(Path root, String folder, BiConsumer<CSVRecord, Path> action)
      throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      for (Path f : files.sorted().toList()) {
        for (CSVRecord r : rows(root, root.relativize(f).toString())) {
          action.accept(r, f);
        }
      }
    }
  }

  private static List<CSVRecord> rows(Path root, String file) throws IOException {
    try (Reader in = Files.newBufferedReader(root.resolve(file), StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(in).getRecords();
    }
  }

  private static double number(String text) {
    return Double.parseDouble(text.replace(",", ""));
  }

  /** Pearson's r of {x, y} pairs (a cross-check of the generator, not the product's statistics). */
  private static double pearson(List<double[]> pairs) {
    double n = pairs.size();
    double mx = pairs.stream().mapToDouble(p -> p[0]).sum() / n;
    double my = pairs.stream().mapToDouble(p -> p[1]).sum() / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (double[] p : pairs) {
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
      sxy += (p[0] - mx) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(root.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
