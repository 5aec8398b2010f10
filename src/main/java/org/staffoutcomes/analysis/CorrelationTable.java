package org.staffoutcomes.analysis;

import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;

/** The lake table of {@link CorrelationRow}s ({@code lake/analysis/correlations}): its columns, spelled once. */
public final class CorrelationTable {

  public static final String NAME = "correlations";

  public static final TableLayout LAYOUT = columns(TableLayout.builder()).build();

  private CorrelationTable() {}

  /** The correlation columns, appended to {@code b} (the findings table adds a rank before them). */
  static TableLayout.Builder columns(TableLayout.Builder b) {
    return b.string("staff_measure").string("outcome").integer("lag").string("scope").string("year")
        .string("method").optionalDouble("r").optionalDouble("ci_low").optionalDouble("ci_high")
        .optionalDouble("p").optionalDouble("p_adjusted").longInt("n").string("note");
  }

  public static Object[] values(CorrelationRow c) {
    return new Object[] {c.staffMeasure(), c.outcome(), c.lag(), c.scope(), c.year(), c.method(), c.r(), c.ciLow(),
        c.ciHigh(), c.p(), c.pAdjusted(), c.n(), c.note()};
  }

  public static CorrelationRow from(TableRecord r) {
    return new CorrelationRow(r.string("staff_measure"), r.string("outcome"), r.integer("lag"), r.string("scope"),
        r.string("year"), r.string("method"), r.optionalDouble("r"), r.optionalDouble("ci_low"),
        r.optionalDouble("ci_high"), r.optionalDouble("p"), r.longInt("n"), r.string("note"),
        r.optionalDouble("p_adjusted"));
  }
}
