package org.staffoutcomes.panel;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.schema.AlignSpec;
import org.staffoutcomes.schema.CodeRule;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureSpec;
import org.staffoutcomes.schema.ScaleChange;

/**
 * One dataset's rows in, its measures per organisation and survey year out (long form: org_code,
 * survey_year, measure, value, base, numerator, denominator, periods). Rows are assigned to survey
 * years by {@link Alignment}; within a year ratios are formed from summed counts, values with a
 * base are base-weighted means, other values plain means.
 */
public final class MeasureValues {

  public static final String MEASURE = "measure";
  public static final String VALUE = "value";
  public static final String BASE = "base";
  public static final String NUMERATOR = "numerator";
  public static final String DENOMINATOR = "denominator";
  public static final String PERIODS = "periods";

  private static final String IN_VALUE = "in_value";
  private static final String IN_BASE = "in_base";
  private static final String IN_NUMERATOR = "in_numerator";
  private static final String IN_DENOMINATOR = "in_denominator";

  private MeasureValues() {}

  /**
   * @param surveyYears the survey years to find values for under the {@code latest_on} rule
   *     (ignored by the window rule, where each row names its own year)
   */
  public static Dataset<Row> of(DatasetDescriptor d, Dataset<Row> rows, List<Integer> surveyYears) {
    return of(List.of(d), List.of(rows), surveyYears);
  }

  /**
   * Several datasets' measures (as {@link #of(DatasetDescriptor, Dataset, List)} for each, in
   * one table) from one aggregation: each dataset's rows reduced to its measures' row values,
   * the datasets' rows put together (a dataset's columns missing, so null, on the others' rows,
   * where every aggregate of its measures ignores them) and grouped once, instead of an
   * aggregation and a shuffle per dataset.
   *
   * @param rows each dataset's rows, in the order of {@code datasets}
   */
  public static Dataset<Row> of(List<DatasetDescriptor> datasets, List<Dataset<Row>> rows, List<Integer> surveyYears) {
    Dataset<Row> inputs = null;
    List<Column> aggregates = new ArrayList<>();
    List<Column> structs = new ArrayList<>();
    for (int i = 0; i < datasets.size(); i++) {
      DatasetDescriptor d = datasets.get(i);
      // The number of distinct periods, the same for every measure of the dataset: the size of
      // a set rather than a distinct count, which Spark plans as two more aggregations.
      String periods = PERIODS + "__" + i;
      List<Column> columns = new ArrayList<>(List.of(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR),
          col(LakeRows.PERIOD_START).as(periods)));
      aggregates.add(size(collect_set(col(periods))).cast(DataTypes.LongType).as(periods));
      for (MeasureSpec m : d.measures()) {
        String p = m.name() + "__";
        columns.addAll(inputs(d, m, p));
        aggregates.addAll(aggregates(m, p));
        structs.add(struct(lit(m.name()).as(MEASURE), col(p + VALUE).as(VALUE), col(p + BASE).as(BASE),
            col(p + NUMERATOR).as(NUMERATOR), col(p + DENOMINATOR).as(DENOMINATOR), col(periods).as(PERIODS)));
      }
      Dataset<Row> one = alignedRows(d, rows.get(i), surveyYears).select(columns.toArray(Column[]::new));
      inputs = inputs == null ? one : inputs.unionByName(one, true);
    }
    return inputs.groupBy(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
        .select(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR),
            explode(array(structs.toArray(Column[]::new))).as("m"))
        .select(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR), col("m.*"))
        .filter(col(VALUE).isNotNull());
  }

  /**
   * The dataset's rows that meet its filter and fall wholly in a survey year's window, with
   * {@code org_code} and {@code survey_year} added.
   */
  public static Dataset<Row> alignedRows(DatasetDescriptor d, Dataset<Row> rows, List<Integer> surveyYears) {
    Dataset<Row> selected = rows;
    for (Map.Entry<String, String> f : d.filter().entrySet()) {
      selected = selected.filter(col(f.getKey()).equalTo(lit(f.getValue())));
    }
    selected = selected.withColumn(PanelColumns.ORG_CODE, orgCode(d));
    if (d.align().rule() == AlignSpec.AlignRule.LATEST_ON) {
      return inForce(d, selected, surveyYears);
    }
    return selected
        .withColumn(PanelColumns.SURVEY_YEAR,
            surveyYear(d.align()).apply(col(LakeRows.PERIOD_START), col(LakeRows.PERIOD_END)))
        .filter(col(PanelColumns.SURVEY_YEAR).isNotNull());
  }

  /** Per organisation and survey year, the latest row dated in or before the reference month. */
  private static Dataset<Row> inForce(DatasetDescriptor d, Dataset<Row> rows, List<Integer> surveyYears) {
    Dataset<Row> years = rows.sparkSession()
        .createDataset(surveyYears, Encoders.INT()).toDF(PanelColumns.SURVEY_YEAR);
    Column reference = make_date(
        col(PanelColumns.SURVEY_YEAR).plus(d.align().offset()), lit(d.align().referenceMonth()), lit(1));
    WindowSpec latestFirst = Window
        .partitionBy(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR))
        .orderBy(col(LakeRows.PERIOD_START).desc(), col(LakeRows.SOURCE_FILE).desc(), col(LakeRows.SOURCE_LINE).desc());
    return rows.crossJoin(years)
        .filter(col(LakeRows.PERIOD_START).leq(reference))
        .withColumn("in_force_rank", row_number().over(latestFirst))
        .filter(col("in_force_rank").equalTo(1))
        .drop("in_force_rank");
  }

  /** The panel's organisation code: the published code after the descriptor's code map. */
  public static Column orgCode(DatasetDescriptor d) {
    Column code = col(d.organisation());
    for (CodeRule rule : d.codeMap()) {
      code = org.apache.spark.sql.functions.regexp_replace(code, "^(?:" + rule.pattern() + ")$", rule.replacement());
    }
    return code;
  }

  /**
   * A measure's value on one row: its column, the score of its distribution (divided by the row's
   * own total of percentages, which rounding keeps from being exactly 100), or the mean of other
   * measures' row values; missing when any part is missing.
   */
  static Column rowValue(DatasetDescriptor d, MeasureSpec m) {
    if (m.value() != null) {
      return col(m.value()).cast("double");
    }
    if (m.distribution() != null) {
      Column weighted = lit(0.0);
      Column total = lit(0.0);
      Column complete = lit(true);
      for (int i = 0; i < m.distribution().columns().size(); i++) {
        Column share = col(m.distribution().columns().get(i)).cast("double");
        weighted = weighted.plus(share.multiply(m.distribution().scores().get(i)));
        total = total.plus(share);
        complete = complete.and(share.isNotNull());
      }
      return when(complete.and(total.gt(0)), weighted.divide(total));
    }
    Column sum = lit(0.0);
    for (String part : m.meanOf()) {
      MeasureSpec other = d.measures().stream().filter(o -> o.name().equals(part)).findFirst().orElseThrow();
      sum = sum.plus(rowValue(d, other));
    }
    return sum.divide(m.meanOf().size());
  }

  /**
   * A measure's values on one row, as its aggregates read them: a ratio's numerator and
   * denominator (where both are present), else its value (rescaled or kept to its part of a scale
   * change) and base.
   */
  private static List<Column> inputs(DatasetDescriptor d, MeasureSpec m, String p) {
    if (m.isRatio()) {
      Column both = col(m.numerator()).isNotNull().and(col(m.denominator()).isNotNull());
      return List.of(when(both, col(m.numerator()).cast("double")).as(p + IN_NUMERATOR),
          when(both, col(m.denominator()).cast("double")).as(p + IN_DENOMINATOR));
    }
    Column v = rowValue(d, m);
    if (m.scaleChange() != null && m.scaleChange().separate()) {
      ScaleChange c = m.scaleChange();
      Column inPart = c.earlier() ? col(PanelColumns.SURVEY_YEAR).lt(c.year()) : col(PanelColumns.SURVEY_YEAR).geq(c.year());
      v = when(inPart, v);
    } else if (m.scaleChange() != null) {
      ScaleChange c = m.scaleChange();
      v = when(col(PanelColumns.SURVEY_YEAR).lt(c.year()), lit(c.to().get(0)).plus(v.minus(c.from().get(0)).multiply(c.slope())))
          .otherwise(v);
    }
    return m.base() == null ? List.of(v.as(p + IN_VALUE))
        : List.of(v.as(p + IN_VALUE), col(m.base()).cast("double").as(p + IN_BASE));
  }

  /** A measure's value, base, numerator and denominator in a group, from its {@link #inputs}. */
  private static List<Column> aggregates(MeasureSpec m, String p) {
    Column none = lit(null).cast(DataTypes.DoubleType);
    if (m.isRatio()) {
      Column num = orderFreeSum(col(p + IN_NUMERATOR));
      Column den = orderFreeSum(col(p + IN_DENOMINATOR));
      return List.of(
          when(den.gt(0), num.divide(den).multiply(m.scale())).as(p + VALUE),
          none.as(p + BASE), num.as(p + NUMERATOR), den.as(p + DENOMINATOR));
    }
    Column v = col(p + IN_VALUE);
    if (m.base() == null) {
      return List.of(orderFreeMean(v).as(p + VALUE), none.as(p + BASE), none.as(p + NUMERATOR),
          none.as(p + DENOMINATOR));
    }
    Column b = col(p + IN_BASE);
    Column both = v.isNotNull().and(b.isNotNull()).and(b.gt(0));
    // One row in the window: its value exactly (v * b / b can differ in the last bit, which
    // would break ties that Spearman's ranks depend on).
    Column weighted = when(count(when(both, lit(1))).equalTo(1), max(when(both, v)))
        .otherwise(orderFreeSum(when(both, v.multiply(b))).divide(orderFreeSum(when(both, b))));
    return List.of(
        coalesce(weighted, orderFreeMean(v)).multiply(m.scale()).as(p + VALUE),
        orderFreeSum(when(v.isNotNull(), b)).as(p + BASE), none.as(p + NUMERATOR), none.as(p + DENOMINATOR));
  }

  /**
   * The sum of a group's non-missing values, added in ascending order (null when there are none).
   * Spark's {@code sum} adds in the order rows arrive, which depends on how the rows were
   * partitioned: its last bits then differ between runs, layouts and clusters, and a tie that
   * Spearman's ranks depend on can come and go. A group here is one organisation's rows in one
   * survey year's window: a few hundred values at most.
   */
  static Column orderFreeSum(Column x) {
    Column sorted = array_sort(collect_list(x));
    return when(count(x).gt(0), aggregate(sorted, lit(0.0), (acc, y) -> acc.plus(y)));
  }

  /** The mean of a group's non-missing values, as {@link #orderFreeSum} over their count. */
  static Column orderFreeMean(Column x) {
    return orderFreeSum(x).divide(count(x));
  }

  private static UserDefinedFunction surveyYear(AlignSpec align) {
    UDF2<Date, Date, Integer> f = (start, end) -> {
      if (start == null || end == null) {
        return null;
      }
      var year = Alignment.surveyYear(java.time.YearMonth.from(start.toLocalDate()),
          java.time.YearMonth.from(end.toLocalDate()), align);
      return year.isPresent() ? year.getAsInt() : null;
    };
    return udf(f, DataTypes.IntegerType);
  }
}
