package org.staffoutcomes.panel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import org.staffoutcomes.schema.AlignSpec;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureSpec;

/**
 * One dataset's rows in, its measures per organisation and survey year out. Rows are assigned to
 * survey years by {@link Alignment} (or, under {@code latest_on}, by {@link InForce}) and streamed
 * into one {@link MeasureGroup} per measure and organisation-year; a measure has a value in an
 * organisation-year when its group yields one.
 */
final class MeasureValues {

  /**
   * A measure's figures in one organisation-year.
   *
   * @param periods how many distinct periods (months, years) of the dataset's rows fell in the year
   */
  record Value(String measure, double value, Double base, Double numerator, Double denominator, long periods) {}

  private final DatasetDescriptor d;
  private final Map<OrgYear, Group> groups = new HashMap<>();

  private final class Group {
    final Set<LocalDate> periods = new HashSet<>();
    final List<MeasureGroup> measures = new ArrayList<>();

    Group() {
      for (MeasureSpec m : d.measures()) {
        measures.add(new MeasureGroup(m));
      }
    }
  }

  MeasureValues(DatasetDescriptor d) {
    this.d = d;
  }

  /** Adds a row counted towards {@code surveyYear}. */
  void add(SourceRow row, int surveyYear) {
    Group g = groups.computeIfAbsent(new OrgYear(row.org(), surveyYear), k -> new Group());
    if (row.periodStart() != null) {
      g.periods.add(row.periodStart());
    }
    for (int i = 0; i < d.measures().size(); i++) {
      g.measures.get(i).add(RowValues.of(d, d.measures().get(i), row, surveyYear));
    }
  }

  /** Every organisation-year's measures that have a value. */
  Map<OrgYear, List<Value>> values() {
    Map<OrgYear, List<Value>> out = new HashMap<>();
    groups.forEach((key, g) -> {
      List<Value> values = new ArrayList<>();
      for (int i = 0; i < d.measures().size(); i++) {
        MeasureGroup.Figures f = g.measures.get(i).figures();
        if (f.value() != null) {
          values.add(new Value(d.measures().get(i).name(), f.value(), f.base(), f.numerator(), f.denominator(),
              g.periods.size()));
        }
      }
      out.put(key, values);
    });
    return out;
  }

  /**
   * The dataset's rows with the survey year each counts towards: under the window rule, the year
   * whose window holds the row's period wholly (a row without one counts towards none); under
   * {@code latest_on}, each of {@code surveyYears} takes the row in force on its reference date.
   */
  static void aligned(DatasetDescriptor d, SourceRows rows, String table, List<Integer> surveyYears,
      BiConsumer<SourceRow, Integer> each) {
    if (d.align().rule() == AlignSpec.AlignRule.LATEST_ON) {
      InForce inForce = new InForce(d.align(), surveyYears);
      rows.forEach(table, inForce::offer);
      inForce.forEach(each);
      return;
    }
    rows.forEach(table, row -> {
      if (row.periodStart() != null && row.periodEnd() != null) {
        OptionalInt year = Alignment.surveyYear(YearMonth.from(row.periodStart()), YearMonth.from(row.periodEnd()),
            d.align());
        if (year.isPresent()) {
          each.accept(row, year.getAsInt());
        }
      }
    });
  }
}
