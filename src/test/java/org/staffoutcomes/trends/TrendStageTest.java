package org.staffoutcomes.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.stats.Descriptive;
import org.staffoutcomes.stats.Summary;
import org.staffoutcomes.testing.SmallPanel;
import org.staffoutcomes.testing.StageFixture;

class TrendStageTest {

  @Test
  void summarisesEveryMeasurePerGroupAndYearAndForAllOrganisations() {
    List<TrendRow> rows = TrendStage.trends(StageFixture.catalog(), SmallPanel.table());
    TrendRow all2019 = find(rows, "engagement", TrendRow.ALL_GROUPS, 2019);
    Summary expected = Descriptive.summarize(new double[] {6.5, 6.8, 6.9, 7.0, 7.1, 7.4});
    assertEquals(6, all2019.n());
    assertEquals(expected.mean(), all2019.mean(), 1e-12);
    assertEquals(expected.median(), all2019.median(), 1e-12);
    assertEquals(expected.q1(), all2019.q1(), 1e-12);
    assertEquals(expected.q3(), all2019.q3(), 1e-12);
    assertEquals(6.5, all2019.min());
    assertEquals(7.4, all2019.max());

    TrendRow g3in2020 = find(rows, "engagement", "G3", 2020);
    assertEquals(1, g3in2020.n(), "the missing value is not counted");
    assertEquals(6.4, g3in2020.median());

    // engagement, absence: 4 groups (all + G1..G3) x 2 years; experience: 3 groups x 2 years;
    // lagged columns are not measures of their own.
    assertEquals(8 + 8 + 6, rows.size());
  }

  private static TrendRow find(List<TrendRow> rows, String measure, String group, int year) {
    return rows.stream().filter(r -> r.measure().equals(measure) && r.group().equals(group) && r.year() == year)
        .findFirst().orElseThrow(() -> new AssertionError("no row " + measure + "/" + group + "/" + year));
  }
}
