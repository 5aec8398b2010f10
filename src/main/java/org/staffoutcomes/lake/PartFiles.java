package org.staffoutcomes.lake;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A lake table's part files written in plain Java by whoever holds its rows - the driver, or each
 * executor task for its share - in the layout Spark writes: files under {@code col=value/} for
 * each value of the partition columns (left out of the files), each column typed as Spark's
 * Parquet writer types it (strings UTF-8, dates INT32 DATE, longs INT64 ...), Spark's footer
 * metadata, Snappy; so Spark, {@link SmallTables} and a cluster read them as if Spark had written
 * them. No Spark row conversion, no generated code: a row is an {@code Object[]} of the schema's
 * fields in order (String, Long, Integer, Double, Boolean, java.sql.Date; null for missing).
 *
 * <p>Serializable, to travel to executors: each task opens its own {@link Writer} with its part
 * number. Part file names are fixed by the part number and this object's id, so a task that is run
 * again (after a failure) overwrites its own files instead of adding to them.
 */
public final class PartFiles implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Footer keys Spark's Parquet writer sets (its version, and the data columns' Spark schema). */
  private static final String SPARK_VERSION_KEY = "org.apache.spark.version";
  private static final String SPARK_ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private final String folder;
  private final String schemaJson;
  private final String[] partitionBy;
  private final String id = UUID.randomUUID().toString();

  /**
   * @param folder the folder the part files go into (a table's staging folder; created by the
   *     first file)
   * @param schema every column, partition columns included
   */
  public PartFiles(String folder, StructType schema, String... partitionBy) {
    this.folder = folder;
    this.schemaJson = schema.json();
    this.partitionBy = partitionBy.clone();
    for (String p : partitionBy) {
      schema.fieldIndex(p); // throws for a partition column the schema does not have
    }
  }

  /** A writer for part {@code part}'s rows; {@code conf} reaches the file system of the folder. */
  public Writer open(int part, Configuration conf) {
    return new Writer(part, conf);
  }

  /** Rows of one part: a Parquet file per partition value met, opened on its first row. */
  public final class Writer implements Closeable {
    private final int part;
    private final Configuration conf;
    private final Layout layout;
    private final Map<String, ParquetWriter<Object[]>> open = new LinkedHashMap<>();
    private final Object[] data;
    private long rows;

    private Writer(int part, Configuration conf) {
      this.part = part;
      this.conf = LocalFiles.use(conf);
      this.layout = new Layout((StructType) DataType.fromJson(schemaJson), partitionBy);
      this.data = new Object[layout.dataFields.length];
    }

    /** Adds one row (the schema's fields in order; kept by reference only during the call). */
    public void write(Object[] row) {
      String where = layout.folder(row);
      ParquetWriter<Object[]> w = open.get(where);
      try {
        if (w == null) {
          String name = String.format("part-%05d-%s.c000.snappy.parquet", part, id);
          Path file = where.isEmpty() ? new Path(folder, name) : new Path(new Path(folder, where), name);
          w = layout.writer(HadoopOutputFile.fromPath(file, conf), conf);
          open.put(where, w);
        }
        for (int k = 0; k < data.length; k++) {
          data[k] = row[layout.dataFields[k]];
        }
        w.write(data);
        rows++;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write part " + part + " of " + folder, e);
      }
    }

    /** An empty file for an unpartitioned table with no rows (a table is never without a file). */
    public void writeEmptyIfNone() {
      if (open.isEmpty() && partitionBy.length == 0) {
        try {
          String name = String.format("part-%05d-%s.c000.snappy.parquet", part, id);
          open.put("", layout.writer(HadoopOutputFile.fromPath(new Path(folder, name), conf), conf));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot write part " + part + " of " + folder, e);
        }
      }
    }

    public long rows() {
      return rows;
    }

    @Override
    public void close() {
      IOException failed = null;
      for (ParquetWriter<Object[]> w : open.values()) {
        try {
          w.close();
        } catch (IOException e) {
          failed = failed == null ? e : failed;
        }
      }
      open.clear();
      if (failed != null) {
        throw new UncheckedIOException("Cannot finish part " + part + " of " + folder, failed);
      }
    }
  }

  /** Where each field goes: the data columns' Parquet schema, and the partition columns' folder. */
  private static final class Layout {
    private final int[] dataFields;
    private final int[] partitionFields;
    private final String[] partitionNames;
    private final String[] names;
    private final ColumnKind[] kinds;
    private final boolean[] nullable;
    private final Map<String, String> footer;

    Layout(StructType schema, String[] partitionBy) {
      List<String> partitions = List.of(partitionBy);
      List<Integer> data = new ArrayList<>();
      for (int i = 0; i < schema.fields().length; i++) {
        if (!partitions.contains(schema.fields()[i].name())) {
          data.add(i);
        }
      }
      dataFields = data.stream().mapToInt(Integer::intValue).toArray();
      partitionFields = partitions.stream().mapToInt(schema::fieldIndex).toArray();
      partitionNames = partitions.stream().map(ExternalCatalogUtils::escapePathName).toArray(String[]::new);
      StructType dataSchema = new StructType(data.stream().map(i -> schema.fields()[i]).toArray(StructField[]::new));
      StructField[] fields = dataSchema.fields();
      names = new String[fields.length];
      kinds = new ColumnKind[fields.length];
      nullable = new boolean[fields.length];
      for (int i = 0; i < fields.length; i++) {
        names[i] = fields[i].name();
        StructField f = fields[i];
        kinds[i] = kind(f).orElseThrow(() -> unsupported(f));
        nullable[i] = fields[i].nullable();
      }
      footer = Map.of(SPARK_VERSION_KEY, org.apache.spark.package$.MODULE$.SPARK_VERSION(),
          SPARK_ROW_METADATA_KEY, dataSchema.json());
    }

    /** The row's partition folder, {@code col=value/...}, its values escaped as Spark escapes them. */
    String folder(Object[] row) {
      if (partitionFields.length == 0) {
        return "";
      }
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < partitionFields.length; k++) {
        Object v = row[partitionFields[k]];
        String value = v == null ? ExternalCatalogUtils.DEFAULT_PARTITION_NAME()
            : ExternalCatalogUtils.escapePathName(String.valueOf(v));
        s.append(k == 0 ? "" : "/").append(partitionNames[k]).append('=').append(value);
      }
      return s.toString();
    }

    ParquetWriter<Object[]> writer(OutputFile file, Configuration conf) throws IOException {
      return new RowWriteSupport(names, kinds, nullable, footer).writer(file, conf);
    }
  }

  /**
   * The kind of a Spark column of string, long, integer, double, boolean or date type, as Spark's
   * Parquet writer stores it; empty for any other type.
   */
  static Optional<ColumnKind> kind(StructField f) {
    DataType t = f.dataType();
    return Optional.ofNullable(t.equals(DataTypes.StringType) ? ColumnKind.STRING
        : t.equals(DataTypes.LongType) ? ColumnKind.LONG
        : t.equals(DataTypes.IntegerType) ? ColumnKind.INT
        : t.equals(DataTypes.DoubleType) ? ColumnKind.DOUBLE
        : t.equals(DataTypes.BooleanType) ? ColumnKind.BOOLEAN
        : t.equals(DataTypes.DateType) ? ColumnKind.SQL_DATE
        : null);
  }

  private static IllegalArgumentException unsupported(StructField f) {
    return new IllegalArgumentException("Cannot write column " + f.name() + " of type " + f.dataType().simpleString()
        + " without Spark: only string, long, integer, double, boolean and date are supported");
  }
}
