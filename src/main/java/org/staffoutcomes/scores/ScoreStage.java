package org.staffoutcomes.scores;


import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.lake.LocalFiles;
import org.staffoutcomes.lake.PartFileRows;
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

  /**
   * The scores of a survey dataset from its lake table {@code table} (rows of {@link
   * LakeRows#keptSchema}), computed by Spark tasks that each read one part file in plain Java
   * ({@link PartFileRows}: only the columns scoring needs, no Spark rows or generated code).
   * Microdata: one job counts each year's respondents per occupation group (the national mix),
   * a second keys each respondent by organisation-year, gathers them and scores each group.
   * The score rows (one per organisation-year: small, whatever the respondents) come back to the
   * driver, sorted by organisation and year, with {@link #schema}'s fields.
   */
  public static List<Row> scores(SparkSession spark, DatasetDescriptor d, Lake lake, String table) {
    return scores(spark, d, lake, table, GATHER_TASK_BYTES);
  }

  /** {@link #scores}, microdata gathered by tasks of {@code gatherTaskBytes} (see {@link #gatherTasks}). */
  static List<Row> scores(SparkSession spark, DatasetDescriptor d, Lake lake, String table, long gatherTaskBytes) {
    Plan p = new Plan(d, lake, table);
    JavaRDD<String> parts = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(p.files, Math.max(1, p.files.size()));
    LakeFile read = p.read;
    List<Row> scored;
    if (p.distributions()) {
      RowScorer scorer = new RowScorer(d, p.attributes, p.schema);
      scored = parts.flatMap(read::values).map(read::row).map(scorer::score).collect();
    } else {
      LakeFile groups = p.groups;
      int yearField = p.yearField;
      int groupField = p.groupField;
      RespondentScorer scorer = p.respondentScorer(parts.map(f -> groups.count(f, yearField, groupField)).collect());
      // Respondents travel as compact answer arrays keyed by organisation-year, not as rows,
      // gathered by as many tasks as keep each one's share of them small (see gatherTasks).
      scored = parts.flatMap(read::values).map(read::row).mapToPair(scorer::keyed)
          .groupByKey(gatherTasks(p.files.size(), p.bytes, gatherTaskBytes))
          .map(group -> scorer.score(group._1(), group._2()))
          .collect();
    }
    return p.sorted(scored);
  }

  /** Part-file bytes of respondents gathered by one scoring task: 16 MB, some 70 MB of answers in memory. */
  static final long GATHER_TASK_BYTES = 16L << 20;

  /**
   * How many tasks gather a table's respondents by organisation-year: one per part file, or more
   * when the table holds more than {@link #GATHER_TASK_BYTES} a file, so that each task's share of
   * respondents (held while they are gathered, beyond which Spark spills) stays the same size
   * whatever the data's: national microdata (110 MB in 10 files) keeps its 10 tasks, 16 times as
   * many respondents (about 1.8 GB) get about 110.
   */
  static int gatherTasks(int files, long bytes, long taskBytes) {
    return (int) Math.max(Math.max(1, files), Math.min(100_000, (bytes + taskBytes - 1) / taskBytes));
  }

  /**
   * The same scores as {@link #scores}, computed in this JVM with no Spark: the table's part files
   * read in plain Java ({@link PartFileRows}) on this machine's cores, one file per task, grouped
   * and scored by the same scorers. For a table small enough to be parsed in the driver (its
   * respondents' compact answers are held while they are grouped).
   */
  public static List<Row> scoresInDriver(DatasetDescriptor d, Lake lake, String table) {
    Plan p = new Plan(d, lake, table);
    List<Row> scored;
    if (p.distributions()) {
      RowScorer scorer = new RowScorer(d, p.attributes, p.schema);
      scored = p.files.parallelStream().flatMap(p.read::stream).map(p.read::row).map(scorer::score).toList();
    } else {
      RespondentScorer scorer = p.respondentScorer(p.files.parallelStream()
          .map(f -> p.groups.count(f, p.yearField, p.groupField)).toList());
      Map<String, List<byte[]>> byKey = p.files.parallelStream().flatMap(p.read::stream).map(p.read::row)
          .map(scorer::keyed).collect(java.util.stream.Collectors.groupingBy(scala.Tuple2::_1,
              java.util.stream.Collectors.mapping(scala.Tuple2::_2, java.util.stream.Collectors.toList())));
      scored = byKey.entrySet().parallelStream().map(e -> scorer.score(e.getKey(), e.getValue())).toList();
    }
    return p.sorted(scored);
  }

  /** What scoring a table needs, wherever it runs: its files, columns, readers and output schema. */
  private static final class Plan {
    final DatasetDescriptor d;
    final List<String> attributes;
    final StructType out;
    final StructType schema;
    final List<String> files;
    /** The part files' size in bytes together. */
    final long bytes;
    /** The columns scoring reads (all, for distributions). */
    final LakeFile read;
    /** Microdata: the occupation-group column alone (null for distributions). */
    final LakeFile groups;
    final int yearField;
    final int groupField;

    Plan(DatasetDescriptor d, Lake lake, String table) {
      SurveySpec s = d.survey();
      if (s == null) {
        throw new IllegalArgumentException("Cannot score dataset '" + d.name() + "': it has no survey section");
      }
      this.d = d;
      attributes = attributes(d);
      out = schema(d, attributes);
      schema = lake.schema(table);
      PartFileRows.Listing listing = PartFileRows.listing(table, lake.files());
      files = listing.files();
      bytes = listing.bytes();
      yearField = schema.fieldIndex(LakeRows.YEAR);
      if (distributions()) {
        read = new LakeFile(d, schema, java.util.Set.of(schema.fieldNames()));
        groups = null;
        groupField = -1;
      } else {
        java.util.Set<String> columns = new java.util.HashSet<>(attributes);
        columns.addAll(List.of(d.organisation(), LakeRows.PERIOD_START, LakeRows.PERIOD_END, s.occupationGroup()));
        s.heldItems().forEach(i -> columns.add(i.column()));
        read = new LakeFile(d, schema, columns);
        groups = new LakeFile(d, schema, java.util.Set.of(s.occupationGroup()));
        groupField = schema.fieldIndex(s.occupationGroup());
      }
    }

    boolean distributions() {
      return d.survey().shape() == SurveySpec.Shape.DISTRIBUTIONS;
    }

    /** The respondent scorer, weighting to the national mix of {@code perFile}'s "year group" counts. */
    RespondentScorer respondentScorer(List<Map<String, Long>> perFile) {
      Map<Integer, Map<String, Long>> counts = new TreeMap<>();
      for (Map<String, Long> c : perFile) {
        c.forEach((yearAndGroup, n) -> {
          int cut = yearAndGroup.indexOf(' ');
          counts.computeIfAbsent(Integer.valueOf(yearAndGroup.substring(0, cut)), y -> new TreeMap<>())
              .merge(yearAndGroup.substring(cut + 1), n, Long::sum);
        });
      }
      Map<Integer, Map<String, Double>> national = shares(counts);
      checkGroups(d, national);
      return new RespondentScorer(d, attributes, schema, national);
    }

    /** Score rows with the output schema, sorted by their key fields (organisation ... year). */
    List<Row> sorted(List<Row> scored) {
      List<Row> sorted = new ArrayList<>();
      for (Row r : scored) {
        Object[] values = new Object[r.length()];
        for (int i = 0; i < values.length; i++) {
          values[i] = r.get(i);
        }
        sorted.add(new GenericRowWithSchema(values, out));
      }
      int keyFields = attributes.size() + 4; // organisation, attributes, period start and end, year
      sorted.sort((a, b) -> {
        for (int i = 0; i < keyFields; i++) {
          int c = java.util.Objects.compare(a.get(i), b.get(i), ScoreStage::compareValues);
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
      return sorted;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    return a == null ? (b == null ? 0 : -1) : b == null ? 1 : ((Comparable) a).compareTo(b);
  }

  /** One part file of a survey dataset's lake table, read on an executor, the code map applied. */
  private static final class LakeFile implements Serializable {
    private final StructType schema;
    private final java.util.Set<String> columns;
    private final int orgField;
    private final CodeMap codes;

    LakeFile(DatasetDescriptor d, StructType schema, java.util.Set<String> columns) {
      this.schema = schema;
      this.columns = new java.util.HashSet<>(columns);
      this.orgField = schema.fieldIndex(d.organisation());
      this.codes = CodeMap.of(d);
    }

    /** The file's rows as {@link PartFileRows} reads them (only this reader's columns). */
    java.util.Iterator<Object[]> values(String file) {
      return PartFileRows.read(file, schema, columns, LocalFiles.configuration());
    }

    /** {@link #values} as a stream. */
    java.util.stream.Stream<Object[]> stream(String file) {
      return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(values(file),
          java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false);
    }

    /** One row of {@link #values} as a Spark row of the table's schema, the code map applied. */
    Row row(Object[] values) {
      if (!codes.isEmpty() && values[orgField] != null) {
        values[orgField] = codes.apply((String) values[orgField]);
      }
      return new GenericRowWithSchema(values, schema);
    }

    /** Respondents per "year group" in the file. */
    Map<String, Long> count(String file, int yearField, int groupField) {
      Map<String, Long> out = new HashMap<>();
      for (java.util.Iterator<Object[]> it = values(file); it.hasNext(); ) {
        Object[] r = it.next();
        out.merge(r[yearField] + " " + r[groupField], 1L, Long::sum);
      }
      return out;
    }
  }


  /** The attribute columns a score row carries besides the organisation. */
  private static List<String> attributes(DatasetDescriptor d) {
    List<String> attributes = new ArrayList<>();
    for (String a : PanelColumns.ATTRIBUTES) {
      if (d.column(a).isPresent() && !a.equals(d.organisation())) {
        attributes.add(a);
      }
    }
    return attributes;
  }

  private static void checkGroups(DatasetDescriptor d, Map<Integer, Map<String, Double>> national) {
    national.forEach((year, mix) -> {
      if (mix.size() > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("Cannot score dataset '" + d.name() + "': " + mix.size()
            + " occupation groups in " + year + " (column " + d.survey().occupationGroup() + "); at most "
            + Byte.MAX_VALUE);
      }
    });
  }

  /** Each year's counts per occupation group as shares of the year's respondents. */
  private static Map<Integer, Map<String, Double>> shares(Map<Integer, Map<String, Long>> counts) {
    Map<Integer, Map<String, Double>> out = new HashMap<>();
    counts.forEach((year, byGroup) -> {
      double total = byGroup.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Double> shares = new TreeMap<>();
      byGroup.forEach((g, n) -> shares.put(g, n / total));
      out.put(year, shares);
    });
    return out;
  }

  /** The score table's columns for dataset {@code d}: {@link #schema(DatasetDescriptor, List)}. */
  public static StructType schema(DatasetDescriptor d) {
    return schema(d, attributes(d));
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
