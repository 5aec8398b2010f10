package org.staffoutcomes.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made panel for the stage-test catalog: six organisations (four acute, two mental
 * health) in 2019 and 2020. Values are chosen so no two groups share a coefficient.
 */
public final class SmallPanel {

  public static final List<String> COLUMNS = List.of("org_code", "survey_year", "trust_type", "benchmark_group",
      "engagement", "absence", "absence_lag1", "experience", "experience_lag1");

  /** The columns as the lake stores them (a panel table's layout). */
  public static final org.staffoutcomes.lake.TableLayout LAYOUT = org.staffoutcomes.lake.TableLayout.builder()
      .string("org_code").integer("survey_year").string("trust_type").string("benchmark_group")
      .optionalDouble("engagement").optionalDouble("absence").optionalDouble("absence_lag1")
      .optionalDouble("experience").optionalDouble("experience_lag1").build();

  /** org, year, type, group, engagement, absence, absence_lag1, experience, experience_lag1. */
  public static final Object[][] ROWS = {
      {"RA1", 2019, "Acute", "G1", 7.1, 4.0, 4.2, 8.0, 8.1},
      {"RA2", 2019, "Acute", "G1", 6.8, 4.9, 4.4, 7.7, 7.9},
      {"RA3", 2019, "Acute", "G2", 7.4, 3.6, 3.9, 8.4, 8.2},
      {"RA4", 2019, "Acute", "G2", 6.9, 4.1, 5.0, 7.9, 7.6},
      {"RM1", 2019, "Mental health", "G3", 6.5, 5.2, 5.1, null, null},
      {"RM2", 2019, "Mental health", "G3", 7.0, 4.4, 4.6, null, null},
      {"RA1", 2020, "Acute", "G1", 7.0, 4.2, null, 8.1, null},
      {"RA2", 2020, "Acute", "G1", 6.7, 4.4, null, 7.9, null},
      {"RA3", 2020, "Acute", "G2", 7.5, 3.9, null, 8.2, null},
      {"RA4", 2020, "Acute", "G2", 7.2, 5.0, null, 7.6, null},
      {"RM1", 2020, "Mental health", "G3", 6.4, 5.1, null, null, null},
      {"RM2", 2020, "Mental health", "G3", null, 4.6, null, null, null},
  };

  private SmallPanel() {}

  /** The same panel as the analysis holds it (no Spark). */
  public static org.staffoutcomes.panel.PanelTable table() {
    return new org.staffoutcomes.panel.PanelTable(COLUMNS, List.of(ROWS));
  }

  /** Column {@code index} of the rows that match, where both columns are present. */
  public static double[][] pairs(int xIndex, int yIndex, Integer year, String trustType) {
    List<double[]> out = new ArrayList<>();
    for (Object[] r : ROWS) {
      if ((year == null || year.equals(r[1])) && (trustType == null || trustType.equals(r[2]))
          && r[xIndex] != null && r[yIndex] != null) {
        out.add(new double[] {(Double) r[xIndex], (Double) r[yIndex]});
      }
    }
    double[] x = out.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = out.stream().mapToDouble(p -> p[1]).toArray();
    return new double[][] {x, y};
  }
}
