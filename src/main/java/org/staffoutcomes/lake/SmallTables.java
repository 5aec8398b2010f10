package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

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

  /** Reads the requested columns of each file (all when none are named). */
  private static final class Projection extends GroupReadSupport {
    private final Set<String> columns;

    Projection(Set<String> columns) {
      this.columns = columns;
    }

    @Override
    public ReadContext init(InitContext context) {
      MessageType file = context.getFileSchema();
      if (columns == null) {
        return new ReadContext(file);
      }
      return new ReadContext(new MessageType(file.getName(),
          file.getFields().stream().filter(f -> columns.contains(f.getName())).toList()));
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
      readFolder(table, fs, dir, conf, new Projection(columns), new ArrayList<>(), new ArrayList<>(), names, each);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + table, e);
    }
  }

  private static void readFolder(String table, FileSystem fs, Path dir, Configuration conf, Projection projection,
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

  private static void readFile(String table, Path file, Configuration conf, Projection projection,
      List<String> partitionNames, List<Object> partitionValues, List<String> columns, Consumer<TableRecord> each)
      throws IOException {
    try (ParquetReader<Group> reader = ParquetReaders.open(projection, file, conf)) {
      Map<String, Integer> index = null;
      int fields = 0;
      for (Group g = reader.read(); g != null; g = reader.read()) {
        GroupType type = g.getType();
        if (index == null) {
          fields = type.getFieldCount();
          index = new HashMap<>();
          for (int i = 0; i < fields; i++) {
            index.put(type.getFieldName(i), i);
          }
          for (int i = 0; i < partitionNames.size(); i++) {
            index.put(partitionNames.get(i), fields + i);
          }
        }
        Object[] values = new Object[fields + partitionValues.size()];
        for (int i = 0; i < fields; i++) {
          values[i] = g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, type.getType(i).asPrimitiveType());
        }
        for (int i = 0; i < partitionValues.size(); i++) {
          values[fields + i] = partitionValues.get(i);
        }
        each.accept(new TableRecord(table, index, values));
      }
    }
    if (columns.isEmpty()) {
      try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
        for (org.apache.parquet.schema.Type t : footer.getFileMetaData().getSchema().getFields()) {
          columns.add(t.getName());
        }
      }
      columns.addAll(partitionNames);
    }
  }

  private static Object value(Group g, int i, PrimitiveType type) {
    return switch (type.getPrimitiveTypeName()) {
      case BINARY -> g.getString(i, 0);
      case INT32 -> type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
          ? LocalDate.ofEpochDay(g.getInteger(i, 0)) : g.getInteger(i, 0);
      case INT64 -> g.getLong(i, 0);
      case DOUBLE -> g.getDouble(i, 0);
      case FLOAT -> (double) g.getFloat(i, 0);
      case BOOLEAN -> g.getBoolean(i, 0);
      default -> throw new LakeException("Cannot read column " + type.getName() + ": type " + type + " is not supported");
    };
  }

  /**
   * Replaces the table at {@code table} (a lake URI) with {@code rows}, each holding the layout's
   * columns in order (NaN for a missing optional double). Written beside the table and swapped in,
   * as {@link Lake} replaces a table.
   */
  public static void write(String table, TableLayout layout, List<Object[]> rows) {
    Configuration conf = LocalFiles.configuration();
    Path target = new Path(table);
    Path staging = new Path(table + ".staging");
    MessageType schema = schema(layout);
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.delete(staging, true);
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(new Path(staging, PART), conf))
          .withType(schema).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
        for (Object[] row : rows) {
          w.write(group(groups.newGroup(), layout, row));
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

  private static Group group(Group g, TableLayout layout, Object[] row) {
    if (row.length != layout.columns().size()) {
      throw new IllegalArgumentException("Cannot write a row of " + row.length + " values to a table of "
          + layout.columns().size() + " columns " + layout.names());
    }
    for (int i = 0; i < row.length; i++) {
      TableLayout.Column c = layout.columns().get(i);
      Object v = row[i];
      if (v == null || (v instanceof Double d && d.isNaN())) {
        if (!c.nullable()) {
          throw new IllegalArgumentException("Cannot write a missing value to column " + c.name());
        }
        continue;
      }
      switch (c.type()) {
        case STRING -> g.append(c.name(), (String) v);
        case INT -> g.append(c.name(), ((Number) v).intValue());
        case LONG -> g.append(c.name(), ((Number) v).longValue());
        case DOUBLE -> g.append(c.name(), ((Number) v).doubleValue());
        case BOOLEAN -> g.append(c.name(), (Boolean) v);
        default -> throw new IllegalStateException(c.type().toString());
      }
    }
    return g;
  }

  private static MessageType schema(TableLayout layout) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (TableLayout.Column c : layout.columns()) {
      Repetition rep = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
      switch (c.type()) {
        case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(c.name());
        case INT -> b.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
        case LONG -> b.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
        case DOUBLE -> b.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
        case BOOLEAN -> b.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
        default -> throw new IllegalStateException(c.type().toString());
      }
    }
    return b.named("spark_schema");
  }
}
