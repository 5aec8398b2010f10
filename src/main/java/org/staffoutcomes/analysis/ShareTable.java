package org.staffoutcomes.analysis;

import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;

/** The lake table of {@link ShareRow}s ({@code lake/analysis/shares}): its columns, spelled once. */
public final class ShareTable {

  public static final String NAME = "shares";

  public static final TableLayout LAYOUT = TableLayout.builder()
      .string("staff_measure").string("outcome").string("share_label").string("year").integer("quintile")
      .optionalDouble("quintile_low").optionalDouble("quintile_high").longInt("n").longInt("successes")
      .optionalDouble("share").optionalDouble("ci_low").optionalDouble("ci_high").build();

  private ShareTable() {}

  public static Object[] values(ShareRow s) {
    return new Object[] {s.staffMeasure(), s.outcome(), s.shareLabel(), s.year(), s.quintile(), s.quintileLow(),
        s.quintileHigh(), s.n(), s.successes(), s.share(), s.ciLow(), s.ciHigh()};
  }

  public static ShareRow from(TableRecord r) {
    return new ShareRow(r.string("staff_measure"), r.string("outcome"), r.string("share_label"), r.string("year"),
        r.integer("quintile"), r.optionalDouble("quintile_low"), r.optionalDouble("quintile_high"), r.longInt("n"),
        r.longInt("successes"), r.optionalDouble("share"), r.optionalDouble("ci_low"), r.optionalDouble("ci_high"));
  }
}
