package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Small lake tables (aggregates, small by construction) written and read in plain Java, without
 * Spark: the analysis stage computes its results on the driver and writes them here, and the
 * render stage reads them (and the ingest quarantine) without starting Spark. The files are
 * ordinary Parquet in the lake's layout (one part file, {@code _schema.json} beside it), so Spark
 * and other engines read them as any other table.
 */
public final class SmallTables {

  private static final String PART = "part-00000.snappy.parquet";
  /** The folder name Spark gives a partition whose value is missing. */
  private static final String MISSING_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private SmallTables() {}

  /**
   * Reads a file's requested columns (all when none are named) into rows of those columns, in the
   * file's order, followed by the partition values of its folders ({@link RowMaterializer}).
   */
  private static final class Rows extends ReadSupport<Object[]> {
    private final Set<String> columns;
    private final List<Object> partitionValues;
    private MessageType fileSchema;
    private MessageType requested;

    Rows(Set<String> columns, List<Object> partitionValues) {
      this.columns = columns;
      this.partitionValues = partitionValues;
    }

    @Override
    public ReadContext init(InitContext context) {
      fileSchema = context.getFileSchema();
      if (columns == null) {
        return new ReadContext(fileSchema);
      }
      return new ReadContext(new MessageType(fileSchema.getName(),
          fileSchema.getFields().stream().filter(f -> columns.contains(f.getName())).toList()));
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(Configuration conf, Map<String, String> keyValueMetaData,
        MessageType schema, ReadContext readContext) {
      requested = readContext.getRequestedSchema();
      int fields = requested.getFieldCount();
      int[] slots = new int[fields];
      ColumnKind[] kinds = new ColumnKind[fields];
      for (int i = 0; i < fields; i++) {
        slots[i] = i;
        kinds[i] = kind(requested.getType(i));
      }
      Object[] template = new Object[fields + partitionValues.size()];
      for (int i = 0; i < partitionValues.size(); i++) {
        template[fields + i] = partitionValues.get(i);
      }
      return new RowMaterializer(slots, kinds, template);
    }

    /** Each read column's slot in a row, then each partition column's. */
    Map<String, Integer> index(List<String> partitionNames) {
      Map<String, Integer> index = new HashMap<>();
      int fields = requested.getFieldCount();
      for (int i = 0; i < fields; i++) {
        index.put(requested.getFieldName(i), i);
      }
      for (int i = 0; i < partitionNames.size(); i++) {
        index.put(partitionNames.get(i), fields + i);
      }
      return index;
    }

    private static ColumnKind kind(org.apache.parquet.schema.Type type) {
      if (type.isPrimitive()) {
        PrimitiveType p = type.asPrimitiveType();
        switch (p.getPrimitiveTypeName()) {
          case BINARY:
            return ColumnKind.STRING;
          case INT32:
            return p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                ? ColumnKind.LOCAL_DATE : ColumnKind.INT;
          case INT64:
            return ColumnKind.LONG;
          case DOUBLE:
            return ColumnKind.DOUBLE;
          case FLOAT:
            return ColumnKind.FLOAT;
          case BOOLEAN:
            return ColumnKind.BOOLEAN;
          default:
            break;
        }
      }
      throw new LakeException("Cannot read column " + type.getName() + ": type " + type + " is not supported");
    }
  }

  /** Every row of the table at {@code table} (a lake URI), in file order. */
  public static List<TableRecord> read(String table) {
    List<TableRecord> out = new ArrayList<>();
    forEach(table, out::add);
    return out;
  }

  /** A table's column names (in file order, then its partition columns) and its rows' values. */
  public record Contents(List<String> columns, List<Object[]> rows) {}

  /** Every row of the table at {@code table}, as {@link #read}, with its column names. */
  public static Contents contents(String table) {
    List<Object[]> rows = new ArrayList<>();
    List<String> columns = forEach(table, r -> rows.add(r.values()));
    return new Contents(columns, rows);
  }

  /**
   * Passes every row of the table at {@code table} (a lake URI) to {@code each}, in file order,
   * one row held at a time. A partitioned table's folders ({@code year=2019/}) are read in name
   * order and their value added as a last column (an integer when it is one, null for Spark's
   * missing-value folder). A date reads as {@link java.time.LocalDate}.
   *
   * @return the column names (those of the table's first file, then the partition columns)
   */
  public static List<String> forEach(String table, Consumer<TableRecord> each) {
    return forEach(table, null, each);
  }

  /**
   * As {@link #forEach(String, Consumer)}, reading only the named columns (and the partition
   * columns): the others are not decoded. A named column the table lacks is left out (reading it
   * from a row is an error naming it).
   *
   * @param columns the columns to read; null for all
   */
  public static List<String> forEach(String table, Set<String> columns, Consumer<TableRecord> each) {
    Path dir = new Path(table);
    Configuration conf = LocalFiles.configuration();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        throw new LakeException("Cannot read " + table + ": it has not been written yet (run the earlier stage first)");
      }
      List<String> names = new ArrayList<>();
      readFolder(table, fs, dir, conf, columns, new ArrayList<>(), new ArrayList<>(), names, each);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + table, e);
    }
  }

  private static void readFolder(String table, FileSystem fs, Path dir, Configuration conf, Set<String> projection,
      List<String> partitionNames, List<Object> partitionValues, List<String> columns, Consumer<TableRecord> each)
      throws IOException {
    FileStatus[] entries = fs.listStatus(dir, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."));
    Arrays.sort(entries);
    for (FileStatus f : entries) {
      String name = f.getPath().getName();
      if (f.isDirectory() && name.contains("=")) {
        List<String> names = new ArrayList<>(partitionNames);
        names.add(name.substring(0, name.indexOf('=')));
        List<Object> values = new ArrayList<>(partitionValues);
        values.add(partitionValue(name.substring(name.indexOf('=') + 1)));
        readFolder(table, fs, f.getPath(), conf, projection, names, values, columns, each);
      } else if (f.isFile() && name.endsWith(".parquet")) {
        readFile(table, f.getPath(), conf, projection, partitionNames, partitionValues, columns, each);
      }
    }
  }

  private static Object partitionValue(String text) {
    if (text.equals(MISSING_PARTITION)) {
      return null;
    }
    return text.matches("-?\\d{1,9}") ? (Object) Integer.valueOf(text) : text;
  }

  private static void readFile(String table, Path file, Configuration conf, Set<String> projection,
      List<String> partitionNames, List<Object> partitionValues, List<String> columns, Consumer<TableRecord> each)
      throws IOException {
    Rows rows = new Rows(projection, partitionValues);
    try (ParquetReader<Object[]> reader = ParquetReaders.open(rows, file, conf)) {
      Map<String, Integer> index = null;
      for (Object[] values = reader.read(); values != null; values = reader.read()) {
        if (index == null) {
          index = rows.index(partitionNames);
        }
        each.accept(new TableRecord(table, index, values));
      }
    }
    if (columns.isEmpty()) {
      MessageType schema = rows.fileSchema;
      if (schema == null) {
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
          schema = footer.getFileMetaData().getSchema();
        }
      }
      for (org.apache.parquet.schema.Type t : schema.getFields()) {
        columns.add(t.getName());
      }
      columns.addAll(partitionNames);
    }
  }

  /**
   * Replaces the table at {@code table} (a lake URI) with {@code rows}, each holding the layout's
   * columns in order (NaN for a missing optional double). Written beside the table, one part file
   * ({@link RowWriteSupport}, as {@link PartFiles} writes them, but doubles without dictionaries:
   * computed results rarely repeat), and swapped in, as {@link Lake} replaces a table.
   */
  public static void write(String table, TableLayout layout, List<Object[]> rows) {
    Configuration conf = LocalFiles.configuration();
    Path target = new Path(table);
    Path staging = new Path(table + ".staging");
    List<TableLayout.Column> columns = layout.columns();
    String[] names = new String[columns.size()];
    ColumnKind[] kinds = new ColumnKind[names.length];
    boolean[] nullable = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = columns.get(i).name();
      kinds[i] = ColumnKind.valueOf(columns.get(i).type().name());
      nullable[i] = columns.get(i).nullable();
    }
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.delete(staging, true);
      Object[] values = new Object[names.length];
      try (ParquetWriter<Object[]> w = new RowWriteSupport(names, kinds, nullable, Map.of())
          .writer(HadoopOutputFile.fromPath(new Path(staging, PART), conf), conf, false)) {
        for (Object[] row : rows) {
          if (row.length != values.length) {
            throw new IllegalArgumentException("Cannot write a row of " + row.length + " values to a table of "
                + values.length + " columns " + layout.names());
          }
          for (int i = 0; i < values.length; i++) {
            values[i] = row[i] instanceof Double d && d.isNaN() ? null : row[i];
          }
          w.write(values);
        }
      }
      fs.create(new Path(staging, "_SUCCESS"), true).close();
      try (FSDataOutputStream out = fs.create(new Path(staging, TableFiles.SCHEMA_FILE), true)) {
        out.write(layout.sparkSchemaJson().getBytes(StandardCharsets.UTF_8));
      }
      TableFiles.swapIn(fs, target, staging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + table, e);
    }
  }
}
