package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVPrinter;
import org.staffoutcomes.schema.QuestionCatalogue;
import org.staffoutcomes.schema.QuestionCatalogue.Item;
import org.staffoutcomes.schema.QuestionCatalogue.SurveyYear;

/**
 * Respondent microdata and the response distributions derived from them, for every survey year
 * of the sample that the question catalogue maps:
 *
 * <ul>
 *   <li>{@code staff-microdata/NSS<year>_respondents.csv}: one row per respondent (respondent id,
 *       organisation, occupation group, then each item under that year's code, answers coded as
 *       that year's questionnaire prints them, in its printed order; not-answered and don't-know
 *       codes as the year's mapping says);
 *   <li>{@code staff-survey-responses/NSS<year>_response_counts.csv}: per organisation, for each
 *       item the number of respondents giving each answer ({@code <code>.<label>}) and answering it
 *       ({@code <code>.Respondents}), counted from exactly those respondents.
 * </ul>
 *
 * <p>Respondents are consistent with the organisation-level truth: each answers around the
 * organisation's planted engagement score (0-10) plus an occupation-group effect, a personal
 * effect and an item effect, rounded to the nearest of the five answers. An experience most staff
 * never have (an item whose one positive position is its most favourable, e.g. "how many times
 * have you experienced bullying from managers": Never; "discrimination": No) is answered
 * favourably by about 88% of respondents at the national mean, more where the person's level is
 * higher; the others spread over the less favourable answers, most on the next one ("1-2"). The
 * volume is {@link SampleOptions#microdataShare()} of each organisation's staff survey respondents.
 */
final class MicrodataWriter {

  static final String DATASET = "staff_microdata";
  static final String DISTRIBUTIONS = "staff_survey_responses";

  /** Occupation groups, and their answers' shift from the organisation level (0-10 points). */
  static final String[] GROUPS = {"Nursing and midwifery", "Medical and dental", "Allied health professionals",
      "Administrative and clerical", "Estates and ancillary", "Other"};
  private static final double[] GROUP_SHIFT = {-0.25, 0.45, 0.30, 0.15, -0.60, 0.0};

  private static final double PERSON_SD = 1.5;
  private static final double ANSWER_SD = 1.3;
  private static final double NOT_ANSWERED = 0.03;
  private static final double DONT_KNOW = 0.04;

  private MicrodataWriter() {}

  static String microdataFile(int year) {
    return "NSS" + year + "_respondents.csv";
  }

  static String distributionsFile(int year) {
    return "NSS" + year + "_response_counts.csv";
  }

  /** The sample years the question catalogue maps (microdata exist only for those). */
  static List<Integer> years(SampleOptions options, QuestionCatalogue q) {
    return q.years().keySet().stream().filter(y -> y >= options.firstYear() && y <= options.lastYear()).toList();
  }

  /**
   * Starts writing the years' files, one task per year (each year has its own random stream, so
   * the files are the same in any order); the supplier waits for them and counts what they wrote.
   */
  static Supplier<List<SampleSummary.DatasetCount>> write(Path landingDir, SampleWorld world,
      QuestionCatalogue q, Tasks tasks) {
    SampleOptions options = world.options();
    List<Integer> years = options.microdataShare() > 0 ? years(options, q) : List.of();
    List<Supplier<long[]>> perYear = new ArrayList<>();
    for (int year : years) {
      perYear.add(tasks.submit(() -> writeYear(landingDir, world, q, year)));
    }
    return () -> {
      long respondents = 0;
      long organisationRows = 0;
      for (Supplier<long[]> y : perYear) {
        long[] written = y.get();
        respondents += written[0];
        organisationRows += written[1];
      }
      return List.of(new SampleSummary.DatasetCount(DATASET, years.size(), respondents),
          new SampleSummary.DatasetCount(DISTRIBUTIONS, years.size(), organisationRows));
    };
  }

  /** One year's microdata and distributions files; returns {respondents, organisation rows}. */
  private static long[] writeYear(Path landingDir, SampleWorld world, QuestionCatalogue q, int year)
      throws IOException {
    SampleOptions options = world.options();
    long respondents = 0;
    long organisationRows = 0;
    Rng rng = world.stream("staff-microdata-" + year);
    SurveyYear y = q.year(year).orElseThrow();
    List<Item> askedItems = q.items().stream().filter(i -> y.item(i.id()).isPresent()).toList();
    Asked[] asked = askedItems.stream().map(i -> Asked.of(i, y)).toArray(Asked[]::new);
    String yearText = Integer.toString(year);
    try (CSVPrinter micro = Csv.open(landingDir.resolve("staff-microdata").resolve(microdataFile(year)),
            microdataHeader(y, askedItems));
        CSVPrinter dist = Csv.open(landingDir.resolve("staff-survey-responses").resolve(distributionsFile(year)),
            distributionsHeader(y, askedItems))) {
      String[] row = new String[3 + asked.length];
      for (Organisation org : world.organisations()) {
        if (!world.coverage().staffRow(org, year)) {
          continue;
        }
        int n = Math.max(15, (int) Math.round(org.headcount() * 0.42 * options.microdataShare()));
        long[][] counts = new long[asked.length][];
        for (int j = 0; j < asked.length; j++) {
          counts[j] = new long[asked[j].options];
        }
        double level = EngagementScale.score(org.group(), year, world.latent().engagement(org, year));
        double[] mix = groupMix(org.group());
        String idPrefix = org.code() + "-" + yearText + "-";
        row[1] = org.code();
        for (int r = 0; r < n; r++) {
          int g = draw(mix, rng);
          double person = level + GROUP_SHIFT[g] + rng.gaussian(0, PERSON_SD);
          row[0] = respondentId(idPrefix, r + 1);
          row[2] = GROUPS[g];
          for (int j = 0; j < asked.length; j++) {
            row[3 + j] = asked[j].answer(person, counts[j], rng);
          }
          micro.printRecord((Object[]) row);
        }
        List<String> distRow = new ArrayList<>(List.of(org.code()));
        for (int j = 0; j < asked.length; j++) {
          Item item = askedItems.get(j);
          List<String> printedCodes = y.scales().get(y.item(item.id()).orElseThrow().scale()).codes();
          List<String> favourable = y.favourableCodes(item.id());
          long answered = 0;
          for (String code : printedCodes) {
            long c = counts[j][favourable.indexOf(code)];
            distRow.add(Long.toString(c));
            answered += c;
          }
          distRow.add(Long.toString(answered));
        }
        dist.printRecord(distRow);
        respondents += n;
        organisationRows++;
      }
    }
    return new long[] {respondents, organisationRows};
  }

  /** {@code prefix} then {@code number} with at least five digits (as {@code %05d} prints it). */
  static String respondentId(String prefix, int number) {
    String digits = Integer.toString(number);
    return digits.length() >= 5 ? prefix + digits : prefix + "00000".substring(digits.length()) + digits;
  }

  /**
   * An item as one year asks it, worked out once per year rather than per answer: its codes from
   * least to most favourable, its don't-know code, whether it is a rare experience, its shift.
   */
  private record Asked(String notAnswered, String dontKnow, int options, boolean rare, double shift,
      String[] favourableCodes) {

    static Asked of(Item item, SurveyYear y) {
      QuestionCatalogue.Scale scale = y.scales().get(y.item(item.id()).orElseThrow().scale());
      int options = item.options();
      return new Asked(y.notAnswered().get(0), scale.dontKnow().isEmpty() ? null : scale.dontKnow().get(0),
          options, item.positivePositions().equals(List.of(options)), itemShift(item),
          y.favourableCodes(item.id()).toArray(String[]::new));
    }

    /** One answer as the year codes it; counts the favourable position of scored answers. */
    String answer(double person, long[] counts, Rng rng) {
      if (rng.chance(NOT_ANSWERED)) {
        return notAnswered;
      }
      if (dontKnow != null && rng.chance(DONT_KNOW)) {
        return dontKnow;
      }
      int position;
      if (rare) {
        position = rareExperience(options, person + shift, rng);
      } else {
        double x = person + shift + rng.gaussian(0, ANSWER_SD);
        position = (int) Math.max(1, Math.min(options, Math.round(x / 10.0 * (options - 1)) + 1));
      }
      counts[position - 1]++;
      return favourableCodes[position - 1];
    }
  }

  /**
   * The favourable position of an answer to a rare-experience item: the most favourable ({@code
   * options}, never) with probability {@code 1 / (1 + exp(-(2 + 0.8 (level - 6.95))))}, about 88%
   * at the national mean level; otherwise a less favourable one, {@code options - 1} ("1-2" times)
   * most often.
   */
  static int rareExperience(int options, double level, Rng rng) {
    double never = 1.0 / (1.0 + Math.exp(-(2.0 + 0.8 * (level - EngagementScale.MEAN))));
    if (rng.uniform() < never) {
      return options;
    }
    double u = rng.uniform();
    return Math.max(1, options - 1 - (int) Math.floor(u * u * (options - 1)));
  }

  /**
   * A fixed shift per item (-0.8 to +0.8 points, zero on average), so that items differ in how
   * favourably they are answered; derived from the item id so it is the same in every year.
   */
  static double itemShift(Item item) {
    int h = item.id().hashCode();
    return -0.8 + 1.6 * ((h & 0x7fffffff) % 1000) / 999.0;
  }

  /** Occupation-group mix of an organisation's staff by its benchmarking group. */
  static double[] groupMix(BenchmarkGroup group) {
    return switch (group) {
      case ACUTE, ACUTE_SPECIALIST -> new double[] {0.36, 0.13, 0.11, 0.24, 0.08, 0.08};
      case MENTAL_HEALTH -> new double[] {0.40, 0.06, 0.10, 0.24, 0.05, 0.15};
      case COMMUNITY -> new double[] {0.38, 0.04, 0.20, 0.26, 0.04, 0.08};
      case AMBULANCE -> new double[] {0.05, 0.01, 0.45, 0.29, 0.05, 0.15};
    };
  }

  private static int draw(double[] mix, Rng rng) {
    double u = rng.uniform();
    double c = 0;
    for (int g = 0; g < mix.length; g++) {
      c += mix[g];
      if (u < c) {
        return g;
      }
    }
    return mix.length - 1;
  }

  private static String[] microdataHeader(SurveyYear y, List<Item> asked) {
    List<String> h = new ArrayList<>(List.of("Respondent ID", "ODS code", "Occupation group"));
    asked.forEach(i -> h.add(y.item(i.id()).orElseThrow().code()));
    return h.toArray(String[]::new);
  }

  private static String[] distributionsHeader(SurveyYear y, List<Item> asked) {
    List<String> h = new ArrayList<>(List.of("ODS code"));
    for (Item i : asked) {
      QuestionCatalogue.ItemCode c = y.item(i.id()).orElseThrow();
      for (String label : y.scales().get(c.scale()).labels()) {
        h.add(c.code() + "." + label);
      }
      h.add(c.code() + ".Respondents");
    }
    return h.toArray(String[]::new);
  }
}
