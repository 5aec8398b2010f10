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
 * Keys are {@code org|year}.
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

  static Map<String, Double> engagement(Path root) throws IOException {
    Map<String, Double> out = new HashMap<>();
    eachRow(root, "staff-survey", r -> {
      if (!MISSING.contains(r.get("Engagement_score"))) {
        out.put(r.get("ODS code") + "|" + r.get("Year"), number(r.get("Engagement_score")));
      }
    });
    return out;
  }

  /** Sums over rows whose rolling period lies wholly inside one financial year. */
  static Map<String, Double> shmi(Path root) throws IOException {
    DateTimeFormatter mon = DateTimeFormatter.ofPattern("MMMyy", Locale.ENGLISH);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "shmi", r -> {
      String[] p = r.get("TIME_PERIOD").split("_");
      int startFy = financialYear(YearMonth.parse(title(p[0]), mon));
      int endFy = financialYear(YearMonth.parse(title(p[1]), mon));
      if (startFy == endFy) {
        add(sums, r.get("PROVIDER_CODE") + "|" + startFy, r.get("OBSERVED"), r.get("EXPECTED"));
      }
    });
    return ratios(sums, 1);
  }

  static Map<String, Double> patientExperience(Path root) throws IOException {
    Map<String, Double> out = new HashMap<>();
    eachRow(root, "inpatient-survey", r -> out.put(
        r.get("Trust code") + "|" + r.get("Survey year"),
        number(r.get("Overall experience score"))));
    return out;
  }

  /** Percentage positive weighted by total responses, over rows where both are shown. */
  static Map<String, Double> fft(Path root) throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "fft", r -> {
      String pct = r.get("Percentage positive");
      double n = number(r.get("Total responses"));
      if (!MISSING.contains(pct) && n > 0) {
        int fy = financialYear(YearMonth.parse(r.get("Period"), f));
        double[] s = sums.computeIfAbsent(r.get("Org code") + "|" + fy, k -> new double[2]);
        s[0] += number(pct) * n;
        s[1] += n;
      }
    });
    return ratios(sums, 1);
  }

  static Map<String, Double> surplus(Path root) throws IOException {
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, "finance", r -> add(sums,
        r.get("Organisation code") + "|" + r.get("Financial year").substring(0, 4),
        r.get("Surplus/(deficit) £000"), r.get("Operating income £000")));
    return ratios(sums, 100);
  }

  /** The Overall level (1-4) in force at the end of March Y+1, for Y in the survey years. */
  static Map<String, Double> cqcInForce(Path root, int firstYear, int lastYear)
      throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    Map<String, List<Object[]>> byOrg = new HashMap<>();
    eachRow(root, "cqc", r -> {
      if (r.get("Domain").equals("Overall")) {
        byOrg.computeIfAbsent(r.get("Provider ODS Code"), k -> new ArrayList<>()).add(
            new Object[] {LocalDate.parse(r.get("Publication Date"), f),
              (double) (LEVELS.indexOf(r.get("Rating")) + 1)});
      }
    });
    Map<String, Double> out = new HashMap<>();
    byOrg.forEach((org, ratings) -> {
      for (int y = firstYear; y <= lastYear + 1; y++) {
        LocalDate end = LocalDate.of(y + 1, 3, 31);
        LocalDate latest = null;
        for (Object[] rating : ratings) {
          LocalDate d = (LocalDate) rating[0];
          if (!d.isAfter(end) && (latest == null || d.isAfter(latest))) {
            latest = d;
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
    Map<String, double[]> sums = new HashMap<>();
    eachRow(root, folder, r -> {
      if (keep.test(r) && !MISSING.contains(r.get(numerator))
          && !MISSING.contains(r.get(denominator))) {
        int fy = financialYear(YearMonth.from(f.parse(r.get(monthColumn))));
        add(sums, r.get(orgColumn) + "|" + fy, r.get(numerator), r.get(denominator));
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
