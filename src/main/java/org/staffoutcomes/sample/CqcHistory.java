package org.staffoutcomes.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The CQC inspection history of every organisation: the first rating under the current regime
 * published between October 2013 and early 2016 (or six months to two years after a trust is
 * created), then a new inspection every one to four years while the trust exists, each rating the
 * Overall and five key-question domains.
 *
 * <p>Ratings are monotone in latent engagement: an inspection published in financial year
 * {@code t} scores {@code q = 0.75 * E[i,t] + 0.35 * w[i] + 0.56 * eps} (w a persistent quality
 * of the trust, eps the inspection's own noise) plus a national shift (ratings improved to 2019 and
 * fell back after the pandemic) and a group shift, and {@code q} is cut into Inadequate,
 * Requires improvement, Good and Outstanding (about 5/30/55/10%). Each domain adds its own offset
 * (Caring rated best, Safe worst) and noise to {@code q}. The correlation with engagement that the
 * published ratings show is computed from them ({@link #inForceSpearman}), not planted exactly.
 */
final class CqcHistory {

  static final List<String> DOMAINS =
      List.of("Overall", "Safe", "Effective", "Caring", "Responsive", "Well-led");
  static final List<String> LEVELS =
      List.of("Inadequate", "Requires improvement", "Good", "Outstanding");
  private static final double[] DOMAIN_SHIFT = {0.0, -0.45, 0.1, 0.9, -0.15, -0.05};
  private static final double[] CUTS = {-1.65, -0.45, 1.25};

  /**
   * One published inspection report.
   *
   * @param levels 1-based level (Inadequate = 1 .. Outstanding = 4) per domain of {@link #DOMAINS}
   */
  record Inspection(Organisation org, LocalDate published, int[] levels) {}

  private final List<List<Inspection>> byOrg;

  private CqcHistory(List<List<Inspection>> byOrg) {
    this.byOrg = byOrg;
  }

  static CqcHistory draw(SampleWorld world) {
    Rng rng = world.stream("cqc");
    SampleOptions options = world.options();
    LocalDate regime = options.lastYear() >= 2014
        ? LocalDate.of(2013, 10, 1) : LocalDate.of(options.firstYear(), 4, 1);
    LocalDate end = LocalDate.of(options.lastOutcomeYear() + 1, 3, 31);
    List<List<Inspection>> byOrg = new ArrayList<>();
    for (Organisation org : world.organisations()) {
      double quality = rng.gaussian();
      LocalDate created = LocalDate.of(org.startYear(), 4, 1);
      LocalDate dissolved = LocalDate.of(org.endYear() + 1, 3, 31);
      LocalDate date = created.isAfter(regime)
          ? created.plusDays(rng.intBetween(180, 720))
          : regime.plusDays(rng.intBetween(0, 900));
      List<Inspection> history = new ArrayList<>();
      while (!date.isAfter(end) && !date.isAfter(dissolved)) {
        LocalDate published = weekday(date);
        history.add(new Inspection(org, published, levels(world, org, published, quality, rng)));
        date = date.plusDays(rng.intBetween(365, 1460));
      }
      byOrg.add(history);
    }
    return new CqcHistory(byOrg);
  }

  private static int[] levels(SampleWorld world, Organisation org, LocalDate published,
      double quality, Rng rng) {
    int fy = published.getMonthValue() >= 4 ? published.getYear() : published.getYear() - 1;
    SampleOptions options = world.options();
    int latentYear = Math.max(options.firstYear() - 1, Math.min(options.lastYear() + 1, fy));
    double q = 0.75 * world.latent().engagement(org, latentYear) + 0.35 * quality
        + 0.56 * rng.gaussian() + nationalShift(published.getYear()) + groupShift(org.group());
    int[] levels = new int[DOMAINS.size()];
    for (int d = 0; d < levels.length; d++) {
      levels[d] = level(d == 0 ? q : q + DOMAIN_SHIFT[d] + 0.6 * rng.gaussian());
    }
    return levels;
  }

  private static int level(double q) {
    int level = 1;
    for (double cut : CUTS) {
      level += q >= cut ? 1 : 0;
    }
    return level;
  }

  private static double nationalShift(int year) {
    return switch (year) {
      case 2013, 2014 -> -0.35;
      case 2015 -> -0.2;
      case 2016 -> -0.1;
      case 2017, 2021 -> 0.0;
      case 2018, 2020 -> 0.1;
      case 2019 -> 0.15;
      case 2022 -> -0.15;
      default -> year > 2022 ? -0.2 : -0.35;
    };
  }

  private static double groupShift(BenchmarkGroup group) {
    return switch (group) {
      case ACUTE -> -0.1;
      case ACUTE_SPECIALIST -> 0.45;
      case MENTAL_HEALTH, COMMUNITY -> 0.15;
      case AMBULANCE -> -0.2;
    };
  }

  /** Reports are published on working days: a weekend date moves to the Monday. */
  private static LocalDate weekday(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> date.plusDays(2);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
  }

  /** Every inspection, by organisation (in code order), then date. */
  List<Inspection> inspections() {
    List<Inspection> all = new ArrayList<>();
    byOrg.forEach(all::addAll);
    return all;
  }

  /**
   * The Overall level in force on {@code date} among the organisations' inspections (one
   * organisation, or a merged trust's members), or 0: the latest published in or before the
   * date's month; of two in one month the later row of the file (organisations in code order), as
   * the panel's {@code latest_on} alignment picks it.
   */
  int overallInForce(List<Organisation> orgs, LocalDate date) {
    YearMonth reference = YearMonth.from(date);
    Inspection latest = null;
    for (Organisation org : orgs) {
      for (Inspection i : byOrg.get(org.index())) {
        YearMonth month = YearMonth.from(i.published());
        if (!month.isAfter(reference)
            && (latest == null || !month.isBefore(YearMonth.from(latest.published())))) {
          latest = i;
        }
      }
    }
    return latest == null ? 0 : latest.levels()[0];
  }

  /**
   * Spearman's rho (average ranks for ties) of the published engagement score of survey year
   * {@code Y} with the Overall rating in force at the end of March of {@code Y + 1}, pooled over
   * every trust-year with both, merged trusts' predecessors restated under their successor: the
   * pipeline's {@code latest_on} alignment.
   */
  double inForceSpearman(SampleWorld world) {
    List<double[]> pairs = new ArrayList<>();
    for (Organisation unit : world.successions().units()) {
      List<Organisation> members = world.successions().members(unit);
      for (int y = world.options().firstYear(); y <= world.options().lastYear(); y++) {
        int level = overallInForce(members, LocalDate.of(y + 1, 3, 31));
        double engagement = StaffSurveyWriter.restatedEngagement(world, unit, y);
        if (level > 0 && !Double.isNaN(engagement)) {
          pairs.add(new double[] {engagement, level});
        }
      }
    }
    return Ranks.spearman(pairs);
  }
}
