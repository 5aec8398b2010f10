package org.staffoutcomes.trends;

import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;

/** The lake table of {@link TrendRow}s ({@code lake/analysis/trends}): its columns, spelled once. */
public final class TrendTable {

  public static final String NAME = "trends";

  public static final TableLayout LAYOUT = TableLayout.builder()
      .string("measure").string("group").integer("year").longInt("n").optionalDouble("mean")
      .optionalDouble("median").optionalDouble("q1").optionalDouble("q3").optionalDouble("min")
      .optionalDouble("max").build();

  private TrendTable() {}

  public static Object[] values(TrendRow t) {
    return new Object[] {t.measure(), t.group(), t.year(), t.n(), t.mean(), t.median(), t.q1(), t.q3(), t.min(),
        t.max()};
  }

  public static TrendRow from(TableRecord r) {
    return new TrendRow(r.string("measure"), r.string("group"), r.integer("year"), r.longInt("n"),
        r.optionalDouble("mean"), r.optionalDouble("median"), r.optionalDouble("q1"), r.optionalDouble("q3"),
        r.optionalDouble("min"), r.optionalDouble("max"));
  }
}
