package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code staff-survey/NSS<year>_organisation_results.csv}, one file per survey year. Odd years'
 * files print counts of 1,000 and more with thousands separators (so they are quoted), as some
 * real publications do; a few single values are {@code NA} or {@code -}.
 */
final class StaffSurveyWriter {

  static final String DATASET = "staff_survey";

  /** Chance a measure other than engagement is suppressed in a row. */
  private static final double VALUE_SUPPRESSED = 0.004;

  private StaffSurveyWriter() {}

  static String fileName(int year) {
    return "NSS" + year + "_organisation_results.csv";
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    SampleOptions options = world.options();
    Rng rng = world.stream("staff-survey");
    long rows = 0;
    for (int year = options.firstYear(); year <= options.lastYear(); year++) {
      boolean thousands = year % 2 != 0;
      try (CSVPrinter out = Csv.open(
          landingDir.resolve("staff-survey").resolve(fileName(year)), header())) {
        for (Organisation org : world.organisations()) {
          if (!world.coverage().staffRow(org, year)) {
            continue;
          }
          out.printRecord(row(world, org, year, thousands, rng));
          rows++;
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, options.surveyYears(), rows);
  }

  private static String[] header() {
    List<String> h = new ArrayList<>(List.of("ODS code", "Year", "Organisation name",
        "Benchmarking group", "Region", "Respondents", "Engagement_score", "Engagement_base"));
    for (StaffMeasures m : StaffMeasures.values()) {
      h.add(m.column());
      h.add(m.baseColumn());
    }
    return h.toArray(String[]::new);
  }

  private static List<String> row(SampleWorld world, Organisation org, int year,
      boolean thousands, Rng rng) {
    int[] counts = respondents(world, org, year);
    int respondents = counts[0];
    double engagement =
        EngagementScale.score(org.group(), year, world.latent().engagement(org, year));
    int scoreDecimals = scoreDecimals(year);
    List<String> r = new ArrayList<>(List.of(org.code(), Integer.toString(year), org.name(),
        org.group().label(), org.region().label(), Csv.integer(respondents, thousands)));
    String base = Csv.integer(counts[1], thousands);
    if (world.coverage().engagementShown(org, year)) {
      r.add(Csv.fixed(engagement, scoreDecimals));
      r.add(base);
    } else {
      String missing = missingToken(rng);
      r.add(missing);
      r.add(missing);
    }
    double z = (engagement - EngagementScale.MEAN) / 0.25;
    for (StaffMeasures m : StaffMeasures.values()) {
      double value = m.value(org.group(), year, z, rng.gaussian());
      double deficitHigh = m == StaffMeasures.IMMEDIATE_MANAGER ? 0.07 : 0.035;
      int n = base(respondents, 0.005, deficitHigh, rng);
      if (rng.chance(VALUE_SUPPRESSED)) {
        String missing = missingToken(rng);
        r.add(missing);
        r.add(missing);
      } else {
        r.add(Csv.fixed(value, m.isScore() ? scoreDecimals : 1));
        r.add(Csv.integer(n, thousands));
      }
    }
    return r;
  }

  /** Theme scores are published with 2 decimals, from 2021 with 3. */
  static int scoreDecimals(int year) {
    return year >= 2021 ? 3 : 2;
  }

  /** The engagement score as published (rounded; whether it is shown is {@link Coverage}'s). */
  static double publishedEngagement(SampleWorld world, Organisation org, int year) {
    double score = EngagementScale.score(org.group(), year, world.latent().engagement(org, year));
    return Csv.round(score, scoreDecimals(year));
  }

  /**
   * The engagement score of a merged trust's restated series in the year, as the panel forms it:
   * the one score its members show, or their base-weighted mean; NaN when none is shown.
   */
  static double restatedEngagement(SampleWorld world, Organisation unit, int year) {
    return restated(world, unit, year)[0];
  }

  /**
   * The base of {@link #restatedEngagement} (the panel's {@code engagement_n}): the summed
   * engagement bases of the members that show a score; 0 when none does.
   */
  static double restatedEngagementBase(SampleWorld world, Organisation unit, int year) {
    return restated(world, unit, year)[1];
  }

  private static double[] restated(SampleWorld world, Organisation unit, int year) {
    List<Organisation> members = world.successions().members(unit);
    double weighted = 0;
    double bases = 0;
    double only = Double.NaN;
    int shown = 0;
    for (Organisation org : members) {
      if (world.coverage().engagementShown(org, year)) {
        only = publishedEngagement(world, org, year);
        double base = respondents(world, org, year)[1];
        weighted += only * base;
        bases += base;
        shown++;
      }
    }
    return new double[] {shown > 1 ? weighted / bases : only, bases};
  }

  /**
   * {respondents, engagement base} of the organisation's survey in the year, from random streams
   * of its own, so that {@link CorrelationFit} and {@link CqcHistory} weigh a merged trust's
   * predecessors as the files do.
   */
  static int[] respondents(SampleWorld world, Organisation org, int year) {
    long seed = world.options().seed();
    double trustRate = Rng.stream(seed, "response-rate|" + org.code()).gaussian(0.42, 0.07);
    Rng rng = Rng.stream(seed, "respondents|" + org.code() + "|" + year);
    int respondents = respondents(org, year, trustRate, rng);
    return new int[] {respondents, base(respondents, 0.003, 0.03, rng)};
  }

  /**
   * Respondents: headcount (growing 1.5% a year) times the response rate, times the share of staff
   * surveyed (samples in the early years, full census from 2019); 300 to 9,000.
   */
  private static int respondents(Organisation org, int year, double trustRate, Rng rng) {
    double staff = org.headcount() * (1 + 0.015 * (year - 2018));
    double rate = Math.max(0.18, Math.min(0.75, trustRate + rng.gaussian(0, 0.03)));
    double surveyed = Math.min(1.0, 0.45 + 0.08 * (year - 2012));
    return (int) Math.max(300, Math.min(9000, Math.round(staff * rate * surveyed)));
  }

  /** A measure's base: a little below the respondents (some skip the question). */
  private static int base(int respondents, double lo, double hi, Rng rng) {
    return (int) Math.round(respondents * (1 - rng.uniform(lo, hi)));
  }

  private static String missingToken(Rng rng) {
    return rng.chance(0.5) ? "NA" : "-";
  }
}
