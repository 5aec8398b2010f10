package org.staffoutcomes.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the generated files back and computes every measure per trust and survey year as the
 * descriptors define it, independently of the pipeline's code: financial-year windows (April to
 * March) for monthly data, ratios of summed numerators and denominators, a base-weighted mean for
 * FFT, only the April-March SHMI files, and the CQC rating in force at the end of March Y+1.
 * Merged trusts are restated as the sample's catalog asks ({@code succession: restate}): every
 * predecessor's rows count under its final successor in {@code successors/succ.csv} (sums summed,
 * scores weighted by their base, the latest rating of any of them in force). Keys are
 * {@code org|year}, org the final successor.
 */
final class OutcomeFiles {

  static final Set<String> MISSING = Set.of("", "NA", "-", "*");
  static final List<String> LEVELS =
      List.of("Inadequate", "Requires improvement", "Good", "Outstanding");

  private OutcomeFiles() {}

  /** Every outcome of truth.json by its name. */
  static Map<String, Map<String, Double>> all(Path root, int firstYear, int lastYear)
      throws IOException {
    Map<String, Map<String, Double>> out = new HashMap<>();
    out.put("shmi", shmi(root));
    out.put("sickness_absence", monthlyRatio(root, "sickness-absence", "DATE", "yyyy-MM-dd",
        "ORG_CODE", "FTE_DAYS_LOST", "FTE_DAYS_AVAILABLE", 100,
        r -> r.get("STAFF_GROUP").equals("All staff groups")));
    out.put("patient_experience", patientExperience(root));
    out.put("fft_positive", fft(root));
    out.put("mrsa_rate", monthlyRatio(root, "hcai", "Month", "MMMM yyyy", "Trust code",
        "MRSA hospital-onset", "Occupied bed days", 100_000, r -> true));
    out.put("cdiff_rate", monthlyRatio(root, "hcai", "Month", "MMMM yyyy", "Trust code",
        "C. difficile hospital-onset", "Occupied bed days", 100_000, r -> true));
    out.put("ae_4hr", monthlyRatio(root, "ae", "Period", "yyyy-MM", "Org Code",
        "Attendances within 4 hours", "Total attendances", 100, r -> true));
    out.put("rtt_18wk", monthlyRatio(root, "rtt", "Period", "'RTT-'MMMM-yyyy",
        "Provider Org Code", "Within 18 weeks", "Total incomplete pathways", 100, r -> true));
    out.put("surplus_pct", surplus(root));
    out.put("cqc_overall", cqcInForce(root, firstYear, lastYear));
    return out;
  }

  /** Base-weighted engagement score per trust and survey year. */
  static Map<String, Double> engagement(Path root) throws IOException {
    return weightedMeans(engagementSums(root));
  }

  /** The base of {@link #engagement} (the panel's {@code engagement_n}): the summed bases. */
  static Map<String, Double> engagementBase(Path root) throws IOException {
    Map<String, Double> out = new HashMap<>();
    engagementSums(root).forEach((k, s) -> out.put(k, s[1]));
    return out;
  }

  private static Map<String, double[]> engagementSums(Path root) throws IOException {
    Map<String, String> successor = finalSuccessors(root);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "staff-survey", r -> {
      if (!MISSING.contains(r.get("Engagement_score"))) {
        addWeighted(sums, code(successor, r.get("ODS code")) + "|" + r.get("Year"),
            r.get("Engagement_score"), r.get("Engagement_base"));
      }
    });
    return sums;
  }

  /** Each predecessor code's final successor, following chains (A to C, then C to E: A to E). */
  static Map<String, String> finalSuccessors(Path root) throws IOException {
    Map<String, String> next = new HashMap<>();
    Path file = root.resolve("successors/succ.csv");
    if (Files.isRegularFile(file)) {
      for (CSVRecord r : rows(file)) {
        next.put(r.get("Predecessor Organisation Code"), r.get("Successor Organisation Code"));
      }
    }
    Map<String, String> out = new HashMap<>();
    next.keySet().forEach(old -> out.put(old, code(next, next.get(old))));
    return out;
  }

  /** The code the panel counts a published code under. */
  private static String code(Map<String, String> successor, String published) {
    String code = published;
    while (successor.containsKey(code)) {
      code = successor.get(code);
    }
    return code;
  }

  /** Sums over rows whose rolling period lies wholly inside one financial year. */
  static Map<String, Double> shmi(Path root) throws IOException {
    DateTimeFormatter mon = DateTimeFormatter.ofPattern("MMMyy", Locale.ENGLISH);
    Map<String, String> successor = finalSuccessors(root);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "shmi", r -> {
      String[] p = r.get("TIME_PERIOD").split("_");
      int startFy = financialYear(YearMonth.parse(title(p[0]), mon));
      int endFy = financialYear(YearMonth.parse(title(p[1]), mon));
      if (startFy == endFy) {
        add(sums, code(successor, r.get("PROVIDER_CODE")) + "|" + startFy, r.get("OBSERVED"),
            r.get("EXPECTED"));
      }
    });
    return ratios(sums, 1);
  }

  /** The overall experience score, weighted by respondents. */
  static Map<String, Double> patientExperience(Path root) throws IOException {
    Map<String, String> successor = finalSuccessors(root);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "inpatient-survey", r -> addWeighted(sums,
        code(successor, r.get("Trust code")) + "|" + r.get("Survey year"),
        r.get("Overall experience score"), r.get("Respondents")));
    return weightedMeans(sums);
  }

  /** Percentage positive weighted by total responses, over rows where both are shown. */
  static Map<String, Double> fft(Path root) throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);
    Map<String, String> successor = finalSuccessors(root);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "fft", r -> {
      String pct = r.get("Percentage positive");
      double n = number(r.get("Total responses"));
      if (!MISSING.contains(pct) && n > 0) {
        int fy = financialYear(YearMonth.parse(r.get("Period"), f));
        double[] s = sums.computeIfAbsent(code(successor, r.get("Org code")) + "|" + fy,
            k -> new double[2]);
        s[0] += number(pct) * n;
        s[1] += n;
      }
    });
    return ratios(sums, 1);
  }

  static Map<String, Double> surplus(Path root) throws IOException {
    Map<String, String> successor = finalSuccessors(root);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "finance", r -> add(sums,
        code(successor, r.get("Organisation code")) + "|" + r.get("Financial year").substring(0, 4),
        r.get("Surplus/(deficit) £000"), r.get("Operating income £000")));
    return ratios(sums, 100);
  }

  /**
   * The Overall level (1-4) in force at the end of March Y+1, for Y in the survey years: the
   * latest published in or before that month; of two in one month (a merged trust's
   * predecessors) the later row of the file.
   */
  static Map<String, Double> cqcInForce(Path root, int firstYear, int lastYear)
      throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    Map<String, String> successor = finalSuccessors(root);
    Map<String, List<Object[]>> byOrg = new HashMap<>();
    eachRow(root, "cqc", r -> {
      if (r.get("Domain").equals("Overall")) {
        byOrg.computeIfAbsent(code(successor, r.get("Provider ODS Code")), k -> new ArrayList<>())
            .add(new Object[] {YearMonth.from(LocalDate.parse(r.get("Publication Date"), f)),
              (double) (LEVELS.indexOf(r.get("Rating")) + 1)});
      }
    });
    Map<String, Double> out = new HashMap<>();
    byOrg.forEach((org, ratings) -> {
      for (int y = firstYear; y <= lastYear + 1; y++) {
        YearMonth end = YearMonth.of(y + 1, 3);
        YearMonth latest = null;
        for (Object[] rating : ratings) {
          YearMonth month = (YearMonth) rating[0];
          if (!month.isAfter(end) && (latest == null || !month.isBefore(latest))) {
            latest = month;
            out.put(org + "|" + y, (Double) rating[1]);
          }
        }
      }
    });
    return out;
  }

  /** {@code scale * sum(numerator) / sum(denominator)} per organisation and financial year. */
  static Map<String, Double> monthlyRatio(Path root, String folder, String monthColumn,
      String pattern, String orgColumn, String numerator, String denominator, double scale,
      java.util.function.Predicate<CSVRecord> keep) throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    Map<String, String> successor = finalSuccessors(root);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, folder, r -> {
      if (keep.test(r) && !MISSING.contains(r.get(numerator))
          && !MISSING.contains(r.get(denominator))) {
        int fy = financialYear(YearMonth.from(f.parse(r.get(monthColumn))));
        add(sums, code(successor, r.get(orgColumn)) + "|" + fy, r.get(numerator),
            r.get(denominator));
      }
    });
    return ratios(sums, scale);
  }

  static int financialYear(YearMonth month) {
    return month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
  }

  private static String title(String mon) {
    return mon.charAt(0) + mon.substring(1).toLowerCase(Locale.ROOT);
  }

  private static void add(Map<String, double[]> sums, String key, String num, String den) {
    double[] s = sums.computeIfAbsent(key, k -> new double[2]);
    s[0] += number(num);
    s[1] += number(den);
  }

  /** Adds {@code value * base} and {@code base}, and keeps the value of a key's only row. */
  private static void addWeighted(Map<String, double[]> sums, String key, String value,
      String base) {
    double[] s = sums.computeIfAbsent(key, k -> new double[4]);
    s[0] += number(value) * number(base);
    s[1] += number(base);
    s[2]++;
    s[3] = number(value);
  }

  /** The base-weighted means; a key with one row keeps its value exactly (as the panel does). */
  private static Map<String, Double> weightedMeans(Map<String, double[]> sums) {
    Map<String, Double> out = new HashMap<>();
    sums.forEach((k, s) -> out.put(k, s[2] == 1 ? s[3] : s[0] / s[1]));
    return out;
  }

  private static Map<String, Double> ratios(Map<String, double[]> sums, double scale) {
    Map<String, Double> out = new HashMap<>();
    sums.forEach((k, s) -> {
      if (s[1] > 0) {
        out.put(k, scale * s[0] / s[1]);
      }
    });
    return out;
  }

  /** Every row of every file in the folder (none when the sample has no such folder). */
  static void eachRow(Path root, String folder, Consumer<CSVRecord> action) throws IOException {
    if (!Files.isDirectory(root.resolve(folder))) {
      return;
    }
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      for (Path f : files.sorted().toList()) {
        for (CSVRecord r : rows(f)) {
          action.accept(r);
        }
      }
    }
  }

  static List<CSVRecord> rows(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(in).getRecords();
    }
  }

  static double number(String text) {
    return Double.parseDouble(text.replace(",", ""));
  }
}
