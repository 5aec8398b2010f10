package org.staffoutcomes.trends;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.Descriptive;
import org.staffoutcomes.stats.Summary;

/**
 * Trends: the panel in, the distribution of every measure across organisations out, per
 * benchmarking group and survey year and for all organisations together (n, mean, median,
 * quartiles, min, max; quantiles by R's type 7).
 */
public final class TrendStage {

  private TrendStage() {}

  public static Dataset<Row> trends(Catalog catalog, Dataset<Row> panel) {
    List<Column> values = new ArrayList<>();
    for (MeasureInfo m : catalog.allMeasures()) {
      values.add(struct(lit(m.name()).as("measure"), col(PanelColumns.value(m.name())).cast("double").as("value")));
    }
    return panel
        .select(col(PanelColumns.SURVEY_YEAR).as("year"), col(PanelColumns.BENCHMARK_GROUP),
            explode(array(values.toArray(Column[]::new))).as("m"))
        .filter(col("m.value").isNotNull())
        .withColumn("group", explode(array(lit(TrendRow.ALL_GROUPS), col(PanelColumns.BENCHMARK_GROUP))))
        .groupBy(col("m.measure").as("measure"), col("group"), col("year"))
        .agg(collect_list(col("m.value")).as("values"))
        .map((MapFunction<Row, Row>) TrendStage::summarise, Encoders.row(TrendSchema.SCHEMA))
        .orderBy(col("measure"), col("group"), col("year"));
  }

  private static Row summarise(Row group) {
    List<Double> list = group.getList(3);
    double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    Summary s = Descriptive.summarize(v);
    return TrendSchema.toRow(new TrendRow(group.getString(0), group.getString(1), group.getInt(2), s.n(),
        s.mean(), s.median(), s.q1(), s.q3(), s.min(), s.max()));
  }
}
