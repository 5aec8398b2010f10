package org.staffoutcomes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default sample: deterministic per seed, counted correctly, stale files replaced, realistic
 * organisations, mergers and staff survey. The planted relationships are checked by {@link
 * PlantedRelationshipsTest}, the layouts (and that no predecessor has a row after its merger in any
 * dataset, nor a successor one before) by {@link SampleLayoutContractTest}, the published quirks by
 * {@link SampleQuirksTest}.
 */
class SampleGeneratorTest {

  private static final Set<String> MISSING = OutcomeFiles.MISSING;

  @TempDir static Path tmp;
  private static Path landing;
  private static SampleSummary summary;
  private static long millis;

  @BeforeAll
  static void generateDefaultSample() {
    landing = tmp.resolve("default");
    long start = System.nanoTime();
    summary = SampleGenerator.generate(landing, SampleOptions.defaults());
    millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "sample generated in %d ms: %s%n", millis, summary.datasets());
  }

  @Test
  void theDefaultSampleIsSmallAndQuick() throws IOException {
    long bytes;
    try (Stream<Path> files = Files.walk(landing)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    System.out.printf(Locale.ROOT, "default sample: %.1f MB in %d files%n", bytes / 1e6,
        summary.totalFiles() + 1);
    assertTrue(bytes < 60_000_000, "sample bytes " + bytes);
    // The target is ~5 s (about 1-3 s here); the bound only catches gross regressions.
    assertTrue(millis < 30_000, "generated in " + millis + " ms");
  }

  @Test
  void respondentIdsAreNumberedAsPrintfZeroPadsThem() {
    for (int n : new int[] {1, 9, 10, 99, 1_234, 9_999, 10_000, 99_999, 100_000, 1_234_567}) {
      assertEquals(String.format(Locale.ROOT, "%s-%d-%05d", "RXX", 2023, n),
          MicrodataWriter.respondentId("RXX-2023-", n));
    }
  }

  @Test
  void sameSeedGivesIdenticalFilesAndAnotherSeedDiffers() throws IOException {
    Path again = tmp.resolve("again");
    Path other = tmp.resolve("other");
    SampleGenerator.generate(again, SampleOptions.defaults());
    // Another seed need not be drawn at full microdata volume to differ (the trust-level files are all there).
    SampleGenerator.generate(other, SampleOptions.defaults().withSeed(7L).withMicrodataShare(0.01));
    // The writers run on a pool; one writer at a time gives the very same files.
    Path serial = tmp.resolve("serial");
    SampleGenerator.generate(serial, SampleOptions.defaults().withSeed(7L).withMicrodataShare(0.01),
        org.staffoutcomes.schema.CatalogLoader.questions(org.staffoutcomes.config.Settings.schemasHome()), 1);
    assertEquals(hashes(other), hashes(serial));
    Map<String, String> first = hashes(landing);
    assertEquals(summary.totalFiles() + 1, first.size(), "files written, truth.json included");
    assertEquals(first, hashes(again));
    Map<String, String> different = hashes(other);
    assertEquals(first.keySet(), different.keySet());
    assertNotEquals(first.get("organisations.csv"), different.get("organisations.csv"));
    assertNotEquals(first.get("staff-survey/NSS2019_organisation_results.csv"),
        different.get("staff-survey/NSS2019_organisation_results.csv"));
    assertNotEquals(first.get("cqc/cqc_ratings.csv"), different.get("cqc/cqc_ratings.csv"));
  }

  @Test
  void summaryCountsWhatWasWritten() throws IOException {
    Map<String, Integer> files = Map.ofEntries(Map.entry("organisations", 1),
        Map.entry("successors", 1),
        Map.entry("staff_survey", 13), Map.entry("staff_microdata", 10), Map.entry("staff_survey_responses", 10),
        Map.entry("shmi", 14 + 13),
        Map.entry("sickness_absence", 14), Map.entry("inpatient_survey", 14),
        Map.entry("fft_inpatient", 13 * 12 - 8), Map.entry("hcai", 15),
        Map.entry("ae_attendances", 14 * 12), Map.entry("rtt_waiting", 14 * 12),
        Map.entry("trust_finance", 1), Map.entry("cqc_ratings", 1));
    assertEquals(files.size(), summary.datasets().size());
    files.forEach((dataset, n) -> assertEquals(n, summary.dataset(dataset).files(), dataset));
    assertEquals(571 + 20, summary.totalFiles(), "10 microdata and 10 distribution files (2015-2024)");
    for (SampleSummary.DatasetCount d : summary.datasets()) {
      long rows = 0;
      for (Path f : filesOf(d.dataset())) {
        rows += OutcomeFiles.rows(f).size();
      }
      assertEquals(d.rows(), rows, d.dataset());
    }
  }

  /** The files of a dataset in the default sample, by the folder its writer uses. */
  private static List<Path> filesOf(String dataset) throws IOException {
    String folder = switch (dataset) {
      case "organisations" -> null;
      case "staff_survey" -> "staff-survey";
      case "staff_microdata" -> "staff-microdata";
      case "staff_survey_responses" -> "staff-survey-responses";
      case "sickness_absence" -> "sickness-absence";
      case "inpatient_survey" -> "inpatient-survey";
      case "fft_inpatient" -> "fft";
      case "ae_attendances" -> "ae";
      case "rtt_waiting" -> "rtt";
      case "trust_finance" -> "finance";
      case "cqc_ratings" -> "cqc";
      default -> dataset;
    };
    if (folder == null) {
      return List.of(landing.resolve("organisations.csv"));
    }
    try (Stream<Path> files = Files.list(landing.resolve(folder))) {
      return files.sorted().toList();
    }
  }

  @Test
  void staleFilesOfTheLayoutAreReplacedOthersKept() throws IOException {
    Path dir = tmp.resolve("rerun");
    SampleGenerator.generate(dir, new SampleOptions(1L, 40, 2012, 2020));
    Path notes = dir.resolve("staff-survey").resolve("notes.txt");
    Files.writeString(notes, "mine");
    SampleSummary again = SampleGenerator.generate(dir, new SampleOptions(1L, 40, 2016, 2020));
    assertTrue(Files.exists(notes));
    for (String stale : List.of("staff-survey/NSS2012_organisation_results.csv",
        "shmi/SHMI_APR12_MAR13.csv", "shmi/SHMI_JAN13_DEC13.csv", "fft/FFT_Inpatient_Apr-13.csv",
        "hcai/hcai_2012.csv", "ae/AE_2012-04.csv", "rtt/RTT_April_2012.csv")) {
      assertTrue(Files.notExists(dir.resolve(stale)), stale);
    }
    assertTrue(Files.exists(dir.resolve("rtt/RTT_April_2016.csv")));
    assertEquals(5, again.dataset("staff_survey").files());
    try (Stream<Path> files = Files.list(dir.resolve("staff-survey"))) {
      assertEquals(6, files.count());
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
  void mergersJoinTrustsOfOneTypeAndRegionUnderANewCode() throws IOException {
    Map<String, CSVRecord> orgs = new HashMap<>();
    rows(landing, "organisations.csv").forEach(r -> orgs.put(r.get("ODS code"), r));
    Map<String, List<String>> predecessors = new TreeMap<>();
    Map<String, Integer> year = new HashMap<>();
    for (CSVRecord r : rows(landing, "successors/succ.csv")) {
      String successor = r.get("Successor Organisation Code");
      predecessors.computeIfAbsent(successor, k -> new ArrayList<>())
          .add(r.get("Predecessor Organisation Code"));
      assertEquals("Merger", r.get("Succession Reason"));
      String date = r.get("Effective Date");
      assertTrue(date.matches("20(1[3-9]|2[0-3])0401"), "1 April, 2013 to 2023: " + date);
      assertEquals(year.getOrDefault(successor, Integer.parseInt(date.substring(0, 4))),
          Integer.parseInt(date.substring(0, 4)), "one date per merger");
      year.put(successor, Integer.parseInt(date.substring(0, 4)));
    }
    System.out.printf(Locale.ROOT, "mergers: %s, effective %s%n", predecessors, year);
    assertTrue(predecessors.size() >= 3, "mergers: " + predecessors);
    assertTrue(predecessors.values().stream().anyMatch(p -> p.size() >= 3), "a three-way merger");
    assertTrue(predecessors.values().stream().flatMap(List::stream)
        .anyMatch(predecessors::containsKey), "a chain: a successor that merges again");
    for (Map.Entry<String, List<String>> m : predecessors.entrySet()) {
      CSVRecord successor = orgs.get(m.getKey());
      int respondentsBefore = 0;
      for (String old : m.getValue()) {
        assertEquals(successor.get("Trust type"), orgs.get(old).get("Trust type"), old);
        assertEquals(successor.get("Region"), orgs.get(old).get("Region"), old);
        respondentsBefore += respondents(old, year.get(m.getKey()) - 1);
      }
      // The successor's staff are its predecessors': about as many respondents as they had.
      double ratio = respondents(m.getKey(), year.get(m.getKey())) / (double) respondentsBefore;
      assertTrue(ratio > 0.6 && ratio < 1.6, m + ": respondents ratio " + ratio);
    }
  }

  /** Respondents of the organisation's staff survey row of the year. */
  private static int respondents(String code, int year) throws IOException {
    return (int) number(rows(landing, "staff-survey/" + StaffSurveyWriter.fileName(year)).stream()
        .filter(r -> r.get("ODS code").equals(code)).findFirst().orElseThrow(
            () -> new AssertionError(code + " has no staff survey row in " + year))
        .get("Respondents"));
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

  private static List<CSVRecord> rows(Path root, String file) throws IOException {
    return OutcomeFiles.rows(root.resolve(file));
  }

  private static double number(String text) {
    return OutcomeFiles.number(text);
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
