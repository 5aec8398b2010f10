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
 * Shares by quintile: the panel in; for every ordinal outcome that declares a share level (e.g.
 * CQC rated Good or Outstanding), the share of trusts at or above it in each quintile of the
 * headline staff measure, per survey year and pooled over trust-years, lag 0. Empty when the
 * catalog has no such outcome.
 */
public final class ShareStage {

  private ShareStage() {}

  public static Dataset<Row> shares(Catalog catalog, Dataset<Row> panel) {
    String headline = catalog.analysis().headlineMeasure();
    List<Column> pairs = new ArrayList<>();
    for (MeasureInfo o : catalog.outcomes()) {
      if (o.hasShare()) {
        pairs.add(struct(lit(headline).as("staff_measure"), lit(o.name()).as("outcome"),
            lit(o.shareLabel() == null ? "At least level " + o.shareAtLeast() : o.shareLabel()).as("share_label"),
            lit(o.shareAtLeast()).as("at_least"),
            col(PanelColumns.value(headline)).cast("double").as("x"),
            col(PanelColumns.value(o.name())).cast("double").as("y")));
      }
    }
    if (pairs.isEmpty()) {
      return panel.sparkSession().createDataFrame(List.of(), ShareSchema.SCHEMA);
    }
    return panel
        .select(col(PanelColumns.SURVEY_YEAR), explode(array(pairs.toArray(Column[]::new))).as("pair"))
        .filter(col("pair.x").isNotNull().and(col("pair.y").isNotNull()))
        .withColumn("year", explode(array(lit(CorrelationRow.POOLED), col(PanelColumns.SURVEY_YEAR).cast("string"))))
        .groupBy(col("pair.staff_measure"), col("pair.outcome"), col("pair.share_label"), col("pair.at_least"),
            col("year"))
        .agg(collect_list(struct(col("pair.x"), col("pair.y"))).as("pairs"))
        .flatMap(new ShareGroup(), Encoders.row(ShareSchema.SCHEMA))
        .orderBy(col("outcome"), col("year"), col("quintile"));
  }
}
