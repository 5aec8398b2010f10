package org.staffoutcomes.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * Correlations: the panel in, one row per (staff measure, outcome, lag 0 and 1, scope, year,
 * method) out. Scopes are {@code all} and each trust type; years are each survey year and
 * {@code pooled} (every organisation-year together). The lag is the outcome's window relative to
 * the survey year.
 */
public final class AnalysisStage {

  public static final int[] LAGS = {0, 1};

  private AnalysisStage() {}

  static java.util.Set<String> ordinalOutcomes(Catalog catalog) {
    return catalog.outcomes().stream().filter(MeasureInfo::ordinal).map(MeasureInfo::name)
        .collect(java.util.stream.Collectors.toSet());
  }

  public static Dataset<Row> correlations(Catalog catalog, Dataset<Row> panel) {
    List<Column> pairs = new ArrayList<>();
    for (MeasureInfo s : catalog.staffMeasures()) {
      for (MeasureInfo o : catalog.outcomes()) {
        for (int lag : LAGS) {
          pairs.add(struct(lit(s.name()).as("staff_measure"), lit(o.name()).as("outcome"), lit(lag).as("lag"),
              col(PanelColumns.value(s.name())).cast("double").as("x"),
              col(PanelColumns.lagged(o.name(), lag)).cast("double").as("y")));
        }
      }
    }
    if (pairs.isEmpty()) {
      return panel.sparkSession().createDataFrame(List.of(), CorrelationSchema.SCHEMA);
    }
    Dataset<Row> grouped = panel
        .select(col(PanelColumns.SURVEY_YEAR), col(PanelColumns.TRUST_TYPE),
            explode(array(pairs.toArray(Column[]::new))).as("pair"))
        .filter(col("pair.x").isNotNull().and(col("pair.y").isNotNull()))
        .withColumn("scope", explode(array(lit(CorrelationRow.ALL_SCOPES), col(PanelColumns.TRUST_TYPE))))
        .withColumn("year", explode(array(lit(CorrelationRow.POOLED), col(PanelColumns.SURVEY_YEAR).cast("string"))))
        .groupBy(col("pair.staff_measure").as("staff_measure"), col("pair.outcome").as("outcome"),
            col("pair.lag").as("lag"), col("scope"), col("year"))
        .agg(collect_list(struct(col("pair.x"), col("pair.y"))).as("pairs"));
    return grouped
        .flatMap(new CorrelateGroup(catalog.analysis().minPairs(), ordinalOutcomes(catalog)),
            Encoders.row(CorrelationSchema.SCHEMA))
        .orderBy(col("staff_measure"), col("outcome"), col("lag"), col("scope"), col("year"), col("method"));
  }
}
