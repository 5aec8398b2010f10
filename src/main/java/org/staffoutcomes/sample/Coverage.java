package org.staffoutcomes.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which organisation-years appear in which dataset, decided before any value is drawn so that
 * {@link Calibration} knows the exact trust-years the pooled correlations will rest on.
 *
 * <p>An organisation appears only in the years it exists ({@link Organisation#activeIn}); on top of
 * that about 3% of organisation-years are missing from the staff survey, 0.4% of published rows
 * have no engagement score, and 1-3% of organisation-years are missing from each outcome ({@link
 * OutcomeSpec#missingShare}). Each outcome layout draws from its own random stream, and outcomes of
 * one layout (MRSA and C. difficile) share their trust-years.
 */
final class Coverage {

  static final double STAFF_MISSING = 0.03;
  static final double ENGAGEMENT_SUPPRESSED = 0.004;

  private final int firstYear;
  private final boolean[][] staffRow;
  private final boolean[][] engagementShown;
  /** [outcome][org][year - firstYear], years firstYear..lastYear + 1. */
  private final boolean[][][] outcomeRow;

  private Coverage(int firstYear, boolean[][] staffRow, boolean[][] engagementShown,
      boolean[][][] outcomeRow) {
    this.firstYear = firstYear;
    this.staffRow = staffRow;
    this.engagementShown = engagementShown;
    this.outcomeRow = outcomeRow;
  }

  static Coverage plan(List<Organisation> orgs, SampleOptions options, Rng rng) {
    int n = orgs.size();
    int surveyYears = options.surveyYears();
    int outcomeYears = surveyYears + 1;
    boolean[][] staff = new boolean[n][surveyYears];
    boolean[][] shown = new boolean[n][surveyYears];
    for (Organisation org : orgs) {
      int i = org.index();
      for (int k = 0; k < surveyYears; k++) {
        int year = options.firstYear() + k;
        staff[i][k] = org.activeIn(year) && !rng.chance(STAFF_MISSING);
        shown[i][k] = staff[i][k] && !rng.chance(ENGAGEMENT_SUPPRESSED);
      }
    }
    boolean[][][] outcome = new boolean[OutcomeSpec.values().length][][];
    Map<String, boolean[][]> byLayout = new HashMap<>();
    for (OutcomeSpec spec : OutcomeSpec.values()) {
      outcome[spec.ordinal()] = byLayout.computeIfAbsent(spec.layout(), layout -> {
        Rng own = Rng.stream(options.seed(), "coverage-" + layout);
        boolean[][] rows = new boolean[n][outcomeYears];
        for (Organisation org : orgs) {
          for (int k = 0; k < outcomeYears; k++) {
            int year = options.firstYear() + k;
            rows[org.index()][k] = spec.covers(org.group()) && spec.publishedIn(year)
                && org.activeIn(year) && !own.chance(spec.missingShare());
          }
        }
        return rows;
      });
    }
    return new Coverage(options.firstYear(), staff, shown, outcome);
  }

  /** Whether the organisation has a row in the staff survey file of the year. */
  boolean staffRow(Organisation org, int year) {
    int k = year - firstYear;
    return k >= 0 && k < staffRow[org.index()].length && staffRow[org.index()][k];
  }

  /** Whether that row shows an engagement score (not NA). */
  boolean engagementShown(Organisation org, int year) {
    int k = year - firstYear;
    return k >= 0 && k < engagementShown[org.index()].length && engagementShown[org.index()][k];
  }

  /** Whether any of the organisations (a restated series' members) shows engagement. */
  boolean engagementShown(List<Organisation> members, int year) {
    return members.stream().anyMatch(org -> engagementShown(org, year));
  }

  /** Whether the outcome dataset has any of the organisations in the year. */
  boolean outcomeRow(OutcomeSpec spec, List<Organisation> members, int year) {
    return members.stream().anyMatch(org -> outcomeRow(spec, org, year));
  }

  /** Whether the outcome dataset has the organisation in the year. */
  boolean outcomeRow(OutcomeSpec spec, Organisation org, int year) {
    boolean[] years = outcomeRow[spec.ordinal()][org.index()];
    int k = year - firstYear;
    return k >= 0 && k < years.length && years[k];
  }
}
