package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet lake under a work folder, and the only place that knows its layout. Every table is
 * replaced whole: written beside its final place, then swapped in, so a reader never sees half a
 * table and a failed run leaves the previous one in place.
 *
 * <pre>
 * lake/raw/&lt;dataset&gt;/year=YYYY/   ingested rows, typed, partitioned by the year the period starts
 * lake/quarantine/&lt;dataset&gt;/       rejected lines: source file, line, raw text, reason
 * lake/panel/                      trust x survey year panel
 * lake/analysis/correlations/      correlation results
 * lake/analysis/trends/            trend summaries
 * lake/analysis/shares/            share of an ordinal outcome's top levels per staff quintile
 * lake/_state/&lt;dataset&gt;.json       fingerprint and counts of the last ingest
 * lake/_state/run.json             what the last published run was computed from (RunRecord)
 * &lt;table&gt;/_schema.json             each table's schema as Spark JSON, so reading needs no job
 * </pre>
 */
public final class Lake {

  private static final String SCHEMA_FILE = TableFiles.SCHEMA_FILE;

  private final Supplier<SparkSession> spark;
  private final Configuration conf;
  private final LakePaths paths;

  /** A lake read and written through a running session (and its Hadoop configuration). */
  public Lake(SparkSession spark, Path workdir) {
    this(() -> spark, spark.sparkContext().hadoopConfiguration(), workdir);
  }

  /**
   * A lake whose Spark session is started only when a table is read or written by Spark: state
   * files, existence checks and tables of rows held by the driver need none. Files are reached
   * through {@link LocalFiles#configuration()}.
   */
  public Lake(Supplier<SparkSession> spark, Path workdir) {
    this(spark, LocalFiles.configuration(), workdir);
  }

  private Lake(Supplier<SparkSession> spark, Configuration conf, Path workdir) {
    this.spark = spark;
    this.conf = conf;
    this.paths = new LakePaths(workdir);
  }

  /** The Hadoop configuration this lake's files are reached through (also for reading input files). */
  public Configuration files() {
    return conf;
  }

  public LakePaths paths() {
    return paths;
  }

  public String raw(String dataset) {
    return paths.raw(dataset);
  }

  /** A survey dataset's scores per organisation and year (microdata, distributions). */
  public String scores(String dataset) {
    return paths.scores(dataset);
  }

  public String quarantine(String dataset) {
    return paths.quarantine(dataset);
  }

  public String panel() {
    return paths.panel();
  }

  public String correlations() {
    return paths.analysis("correlations");
  }

  public String shares() {
    return paths.analysis("shares");
  }

  public String trends() {
    return paths.analysis("trends");
  }

  public Dataset<Row> read(String table) {
    if (!exists(table)) {
      throw new LakeException("Cannot read " + table + ": it has not been written yet (run the earlier stage first)");
    }
    Optional<StructType> schema = storedSchema(table);
    // A table's schema is kept beside its files when written: reading it back then needs no Spark
    // job to open a Parquet footer (one per read otherwise, the most common job of a small run).
    return schema.isPresent() ? spark.get().read().schema(schema.get()).parquet(table) : spark.get().read().parquet(table);
  }

  /** The schema a reader sees: the written columns, then the partition columns (as Spark orders them). */
  private static StructType readSchema(StructType written, String... partitionBy) {
    List<String> partitions = List.of(partitionBy);
    List<StructField> fields = new ArrayList<>();
    for (StructField f : written.fields()) {
      if (!partitions.contains(f.name())) {
        fields.add(f.copy(f.name(), f.dataType(), true, f.metadata()));
      }
    }
    for (String p : partitions) {
      StructField f = written.apply(p);
      fields.add(f.copy(f.name(), f.dataType(), true, f.metadata()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** The schema a reader of {@code table} sees: the one kept beside its files, else Spark's reading of its footers. */
  public StructType schema(String table) {
    return storedSchema(table).orElseGet(() -> read(table).schema());
  }

  private Optional<StructType> storedSchema(String table) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(table, SCHEMA_FILE);
    try {
      FileSystem fs = fs(p);
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(p)) {
        return Optional.of((StructType) DataType.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: Spark reads the schema from the files instead
    }
  }

  public boolean exists(String table) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(table);
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code table} with {@code data}, partitioned by the given columns. */
  public void replace(String table, Dataset<Row> data, String... partitionBy) {
    Dataset<Row> oneFilePerPartition = partitionBy.length == 0 ? data
        : data.repartition(java.util.Arrays.stream(partitionBy).map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
    write(table, oneFilePerPartition, partitionBy);
  }

  /**
   * Replaces {@code table} with rows held by the driver (small by construction), written in plain
   * Java with no Spark job ({@link RowTables}): one file per partition, in Spark's layout.
   */
  public void replace(String table, List<Row> rows, StructType schema, String... partitionBy) {
    stage(table, rows, schema, partitionBy).swapIn();
  }

  /**
   * Writes rows held by the driver as {@code table}'s next content beside it ({@code
   * <table>.staging}), leaving the table as it is until {@link Staged#swapIn}: so a stage can do
   * the work of several tables at once and change the lake in a fixed order. A staging folder
   * left by a killed run is removed by {@code pipeline.Leftovers}.
   */
  public Staged stage(String table, List<Row> rows, StructType schema, String... partitionBy) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(table);
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(table + ".staging");
    try {
      FileSystem fs = fs(target);
      fs.delete(staging, true);
      RowTables.write(fs, conf, staging, rows, schema, partitionBy);
      return new Staged(table, fs, target, staging, readSchema(schema, partitionBy));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + table, e);
    }
  }

  /**
   * Part files for {@code table}'s next content, to be written by tasks (executors, or the driver)
   * into {@code <table>.staging}, emptied now; the table stays as it is until {@link
   * #stageParts} and {@link Staged#swapIn}. For data too large to hold or to move twice, e.g.
   * respondent microdata parsed one file per task: no Spark rows, no shuffle, no sort.
   */
  public PartFiles startParts(String table, StructType schema, String... partitionBy) {
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(table + ".staging");
    try {
      FileSystem fs = fs(staging);
      fs.delete(staging, true);
      fs.mkdirs(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + table, e);
    }
    return new PartFiles(staging.toString(), schema, partitionBy);
  }

  /** {@code table}'s part files, all written ({@link #startParts}), staged to be swapped in. */
  public Staged stageParts(String table, StructType schema, String... partitionBy) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(table);
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(table + ".staging");
    try {
      FileSystem fs = fs(target);
      fs.create(new org.apache.hadoop.fs.Path(staging, "_SUCCESS"), true).close();
      return new Staged(table, fs, target, staging, readSchema(schema, partitionBy));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + table, e);
    }
  }

  /** A table written beside its place by {@link #stage}: swapped in, or discarded. */
  public static final class Staged {
    private final String table;
    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path target;
    private final org.apache.hadoop.fs.Path staging;
    private final StructType readSchema;

    private Staged(String table, FileSystem fs, org.apache.hadoop.fs.Path target, org.apache.hadoop.fs.Path staging,
        StructType readSchema) {
      this.table = table;
      this.fs = fs;
      this.target = target;
      this.staging = staging;
      this.readSchema = readSchema;
    }

    /** Replaces the table with the staged rows (a reader sees one table or the other, whole). */
    public void swapIn() {
      try {
        Lake.swapIn(fs, target, staging, readSchema);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot replace " + table, e);
      }
    }

    /** Removes the staged rows; the table stays as it was. */
    public void discard() {
      try {
        fs.delete(staging, true);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove " + staging, e);
      }
    }
  }

  private void write(String table, Dataset<Row> data, String... partitionBy) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(table);
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(table + ".staging");
    data.write().mode(SaveMode.Overwrite).partitionBy(partitionBy).parquet(staging.toString());
    try {
      swapIn(fs(target), target, staging, readSchema(data.schema(), partitionBy));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + table, e);
    }
  }

  /** Puts the schema a reader sees beside the staged table's files, then swaps the table in. */
  private static void swapIn(FileSystem fs, org.apache.hadoop.fs.Path target, org.apache.hadoop.fs.Path staging,
      StructType readSchema) throws IOException {
    try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(staging, SCHEMA_FILE), true)) {
      out.write(readSchema.json().getBytes(StandardCharsets.UTF_8));
    }
    TableFiles.swapIn(fs, target, staging);
  }

  /** A small table's layout as a Spark schema, for a Spark stage that produces its rows. */
  public static StructType schemaOf(TableLayout layout) {
    return new StructType(layout.columns().stream().map(c -> new StructField(c.name(), switch (c.type()) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    }, c.nullable(), org.apache.spark.sql.types.Metadata.empty())).toArray(StructField[]::new));
  }

  /** A Spark row of the layout from the values of a record (a NaN becomes null, as in the lake). */
  public static Row row(Object[] values) {
    Object[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Double d && d.isNaN()) {
        out[i] = null;
      }
    }
    return org.apache.spark.sql.RowFactory.create(out);
  }

  /** A Spark row of a small table read as a {@link TableRecord}, its columns named by the row's schema. */
  public static TableRecord record(String table, Row row) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    String[] names = row.schema().fieldNames();
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    Object[] values = new Object[names.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.isNullAt(i) ? null : row.get(i);
    }
    return new TableRecord(table, index, values);
  }

  /** The text of a small state file, if present. */
  public Optional<String> readState(String dataset) {
    return paths.readState(dataset);
  }

  /**
   * Writes a dataset's state file whole or not at all: written beside as {@code <name>.tmp}, then
   * renamed into place (a killed write leaves only the {@code .tmp}, removed by the next command).
   */
  public void writeState(String dataset, String text) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(paths.state(dataset));
    org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(paths.state(dataset) + ".tmp");
    try {
      FileSystem fs = fs(p);
      try (FSDataOutputStream out = fs.create(temp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(p, false);
      if (!fs.rename(temp, p)) {
        throw new LakeException("Cannot move " + temp + " to " + p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a dataset's state file (and its checksum), e.g. before its tables are replaced. */
  public void deleteState(String dataset) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(paths.state(dataset));
    try {
      fs(p).delete(p, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FileSystem fs(org.apache.hadoop.fs.Path p) throws IOException {
    return p.getFileSystem(conf);
  }
}
