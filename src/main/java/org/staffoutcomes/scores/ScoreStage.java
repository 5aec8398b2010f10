package org.staffoutcomes.scores;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.panel.CodeMap;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.SurveyColumns;
import org.staffoutcomes.schema.SurveySpec;

/**
 * Scores: a survey dataset's lake rows in (respondents, or organisations' response distributions,
 * with items under canonical ids), one row per organisation and survey year out, holding every
 * score and item of the question catalogue with its base n (columns: {@link SurveyColumns}).
 * The arithmetic is {@link org.staffoutcomes.stats.SurveyScoring}'s; this class only groups rows.
 *
 * <p>Microdata: an organisation's respondents are gathered after the descriptor's code map (site
 * codes count towards their trust), and weighted to the national occupation-group mix of the
 * year: the shares of all respondents of that year in the dataset. Distributions: one row in,
 * one row out.
 */
public final class ScoreStage {

  private ScoreStage() {}

  public static Dataset<Row> scores(SparkSession spark, DatasetDescriptor d, Dataset<Row> lakeRows) {
    SurveySpec s = d.survey();
    if (s == null) {
      throw new IllegalArgumentException("Cannot score dataset '" + d.name() + "': it has no survey section");
    }
    List<String> attributes = new ArrayList<>();
    for (String a : PanelColumns.ATTRIBUTES) {
      if (d.column(a).isPresent() && !a.equals(d.organisation())) {
        attributes.add(a);
      }
    }
    StructType schema = schema(d, attributes);
    Dataset<Row> rows = lakeRows.withColumn(d.organisation(), orgCode(d));
    if (s.shape() == SurveySpec.Shape.DISTRIBUTIONS) {
      RowScorer scorer = new RowScorer(d, attributes, rows.schema());
      JavaRDD<Row> out = rows.toJavaRDD().map(scorer::score);
      return spark.createDataFrame(out, schema);
    }
    Map<Integer, Map<String, Double>> national = nationalMix(rows, s.occupationGroup());
    national.forEach((year, mix) -> {
      if (mix.size() > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("Cannot score dataset '" + d.name() + "': " + mix.size()
            + " occupation groups in " + year + " (column " + s.occupationGroup() + "); at most " + Byte.MAX_VALUE);
      }
    });
    RespondentScorer scorer = new RespondentScorer(d, attributes, rows.schema(), national);
    // Respondents travel as compact answer arrays keyed by organisation-year, not as rows.
    JavaRDD<Row> out = rows.toJavaRDD()
        .mapToPair(scorer::keyed)
        .groupByKey()
        .map(group -> scorer.score(group._1(), group._2()));
    return spark.createDataFrame(out, schema);
  }

  /** The organisation code after the descriptor's code map ({@link CodeMap}; the published code without one). */
  static Column orgCode(DatasetDescriptor d) {
    CodeMap codes = CodeMap.of(d);
    if (codes.isEmpty()) {
      return col(d.organisation());
    }
    UDF1<String, String> apply = codes::apply;
    return udf(apply, DataTypes.StringType).apply(col(d.organisation()));
  }

  /** Each year's share of respondents in each occupation group (small: years x groups). */
  static Map<Integer, Map<String, Double>> nationalMix(Dataset<Row> rows, String groupColumn) {
    Map<Integer, Map<String, Long>> counts = new TreeMap<>();
    for (Row r : rows.groupBy(col(LakeRows.YEAR), col(groupColumn)).agg(count(lit(1))).collectAsList()) {
      counts.computeIfAbsent(r.getInt(0), y -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    Map<Integer, Map<String, Double>> out = new HashMap<>();
    counts.forEach((year, byGroup) -> {
      double total = byGroup.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Double> shares = new TreeMap<>();
      byGroup.forEach((g, n) -> shares.put(g, n / total));
      out.put(year, shares);
    });
    return out;
  }

  /** Organisation, attributes, period columns, then {@link SurveyColumns#scoreColumns}. */
  static StructType schema(DatasetDescriptor d, List<String> attributes) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(d.organisation(), DataTypes.StringType, false));
    for (String a : attributes) {
      fields.add(DataTypes.createStructField(a, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(LakeRows.PERIOD_START, DataTypes.DateType, true));
    fields.add(DataTypes.createStructField(LakeRows.PERIOD_END, DataTypes.DateType, true));
    fields.add(DataTypes.createStructField(LakeRows.YEAR, DataTypes.IntegerType, true));
    for (String c : SurveyColumns.scoreColumns(d.survey())) {
      boolean count = c.equals(SurveyColumns.RESPONDENTS) || c.endsWith(SurveyColumns.BASE);
      fields.add(DataTypes.createStructField(c, count ? DataTypes.LongType : DataTypes.DoubleType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * The leading fields of an output row, from one input row: organisation, attributes, period,
   * year. (Respondents who differ in an attribute land in different output rows.)
   */
  static List<Object> keyFields(Row r, DatasetDescriptor d, List<String> attributes) {
    List<Object> out = new ArrayList<>();
    out.add(r.getAs(d.organisation()));
    for (String a : attributes) {
      out.add(r.getAs(a));
    }
    out.add(r.getAs(LakeRows.PERIOD_START));
    out.add(r.getAs(LakeRows.PERIOD_END));
    out.add(r.getAs(LakeRows.YEAR));
    return out;
  }

  static Row row(List<Object> fields) {
    return RowFactory.create(fields.toArray());
  }

  static Double orNull(double x) {
    return Double.isNaN(x) ? null : x;
  }
}
