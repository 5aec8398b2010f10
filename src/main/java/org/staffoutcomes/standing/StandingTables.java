package org.staffoutcomes.standing;

import java.util.List;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;

/**
 * The lake tables of {@link Standing} in {@code lake/analysis/} ({@code changes}, {@code positions},
 * {@code spc}, {@code funnel}): each table's columns, spelled once, which are also the columns of its
 * bundle CSV, and the conversion of the rows to and from them.
 */
public final class StandingTables {

  public static final String CHANGES = "changes";
  public static final String POSITIONS = "positions";
  public static final String SPC = "spc";
  public static final String FUNNEL = "funnel";

  public static final TableLayout CHANGE_LAYOUT = TableLayout.builder().string("org_code").string("measure")
      .integer("year").optionalDouble("value").optionalDouble("n").integer("previous_year")
      .optionalDouble("previous_value").optionalDouble("change").optionalDouble("p").string("significance")
      .optionalDouble("five_year_change").optionalDouble("five_year_p").string("five_year_significance").build();
  public static final TableLayout POSITION_LAYOUT = TableLayout.builder().string("org_code").string("measure")
      .integer("year").string("benchmark_group").optionalDouble("value").optionalDouble("group_best")
      .optionalDouble("group_median").optionalDouble("group_worst").integer("quintile").integer("rank")
      .integer("group_n").build();
  public static final TableLayout SPC_LAYOUT = TableLayout.builder().string("org_code").string("measure")
      .integer("year").optionalDouble("value").optionalDouble("moving_range").optionalDouble("mean")
      .optionalDouble("lower_limit").optionalDouble("upper_limit").optionalDouble("near_lower")
      .optionalDouble("near_upper").string("rules").string("variation").string("note").build();
  public static final TableLayout FUNNEL_LAYOUT = TableLayout.builder().string("outcome").integer("year")
      .string("org_code").string("model").optionalDouble("numerator").optionalDouble("denominator")
      .optionalDouble("value").optionalDouble("target").optionalDouble("lower_998").optionalDouble("lower_95")
      .optionalDouble("upper_95").optionalDouble("upper_998").string("position").build();

  private StandingTables() {}

  public static Object[] values(ChangeRow r) {
    return new Object[] {r.orgCode(), r.measure(), r.year(), r.value(), r.n(), r.previousYear(), r.previousValue(),
        r.change(), r.p(), r.significance(), r.fiveYearChange(), r.fiveYearP(), r.fiveYearSignificance()};
  }

  public static Object[] values(PositionRow r) {
    return new Object[] {r.orgCode(), r.measure(), r.year(), r.benchmarkGroup(), r.value(), r.groupBest(),
        r.groupMedian(), r.groupWorst(), r.quintile(), r.rank(), r.groupN()};
  }

  public static Object[] values(SpcRow r) {
    return new Object[] {r.orgCode(), r.measure(), r.year(), r.value(), r.movingRange(), r.mean(), r.lowerLimit(),
        r.upperLimit(), r.nearLower(), r.nearUpper(), r.rules(), r.variation(), r.note()};
  }

  public static Object[] values(FunnelRow r) {
    return new Object[] {r.outcome(), r.year(), r.orgCode(), r.model(), r.numerator(), r.denominator(), r.value(),
        r.target(), r.lower998(), r.lower95(), r.upper95(), r.upper998(), r.position()};
  }

  public static void write(LakePaths lake, Standing s) {
    writes(lake, s).forEach(Runnable::run);
  }

  /** The writes of {@link #write}, one per table, to be run in any order or at once. */
  public static List<Runnable> writes(LakePaths lake, Standing s) {
    return List.of(
        () -> SmallTables.write(lake.analysis(CHANGES), CHANGE_LAYOUT,
            s.changes().stream().map(StandingTables::values).toList()),
        () -> SmallTables.write(lake.analysis(POSITIONS), POSITION_LAYOUT,
            s.positions().stream().map(StandingTables::values).toList()),
        () -> SmallTables.write(lake.analysis(SPC), SPC_LAYOUT, s.spc().stream().map(StandingTables::values).toList()),
        () -> SmallTables.write(lake.analysis(FUNNEL), FUNNEL_LAYOUT,
            s.funnels().stream().map(StandingTables::values).toList()));
  }

  public static Standing read(LakePaths lake) {
    return new Standing(rows(lake, CHANGES).stream().map(StandingTables::change).toList(),
        rows(lake, POSITIONS).stream().map(StandingTables::position).toList(),
        rows(lake, SPC).stream().map(StandingTables::spc).toList(),
        rows(lake, FUNNEL).stream().map(StandingTables::funnel).toList());
  }

  private static List<TableRecord> rows(LakePaths lake, String table) {
    return SmallTables.read(lake.analysis(table));
  }

  private static ChangeRow change(TableRecord r) {
    return new ChangeRow(r.string("org_code"), r.string("measure"), r.integer("year"), r.optionalDouble("value"),
        r.optionalDouble("n"), r.integer("previous_year"), r.optionalDouble("previous_value"),
        r.optionalDouble("change"), r.optionalDouble("p"), r.string("significance"),
        r.optionalDouble("five_year_change"), r.optionalDouble("five_year_p"), r.string("five_year_significance"));
  }

  private static PositionRow position(TableRecord r) {
    return new PositionRow(r.string("org_code"), r.string("measure"), r.integer("year"), r.string("benchmark_group"),
        r.optionalDouble("value"), r.optionalDouble("group_best"), r.optionalDouble("group_median"),
        r.optionalDouble("group_worst"), r.integer("quintile"), r.integer("rank"), r.integer("group_n"));
  }

  private static SpcRow spc(TableRecord r) {
    return new SpcRow(r.string("org_code"), r.string("measure"), r.integer("year"), r.optionalDouble("value"),
        r.optionalDouble("moving_range"), r.optionalDouble("mean"), r.optionalDouble("lower_limit"),
        r.optionalDouble("upper_limit"), r.optionalDouble("near_lower"), r.optionalDouble("near_upper"),
        r.string("rules"), r.string("variation"), r.string("note"));
  }

  private static FunnelRow funnel(TableRecord r) {
    return new FunnelRow(r.string("outcome"), r.integer("year"), r.string("org_code"), r.string("model"),
        r.optionalDouble("numerator"), r.optionalDouble("denominator"), r.optionalDouble("value"),
        r.optionalDouble("target"), r.optionalDouble("lower_998"), r.optionalDouble("lower_95"),
        r.optionalDouble("upper_95"), r.optionalDouble("upper_998"), r.string("position"));
  }
}
