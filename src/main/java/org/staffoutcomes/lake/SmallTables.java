package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
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

  private SmallTables() {}

  /** Every row of the table at {@code table} (a lake URI), in file order. */
  public static List<TableRecord> read(String table) {
    List<TableRecord> out = new ArrayList<>();
    Path dir = new Path(table);
    Configuration conf = new Configuration();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        throw new LakeException("Cannot read " + table + ": it has not been written yet (run the earlier stage first)");
      }
      FileStatus[] files = fs.listStatus(dir, p -> p.getName().endsWith(".parquet") && !p.getName().startsWith("_")
          && !p.getName().startsWith("."));
      Arrays.sort(files);
      for (FileStatus f : files) {
        readFile(table, f.getPath(), conf, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + table, e);
    }
    return out;
  }

  private static void readFile(String table, Path file, Configuration conf, List<TableRecord> out) throws IOException {
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
      Map<String, Integer> index = null;
      for (Group g = reader.read(); g != null; g = reader.read()) {
        GroupType type = g.getType();
        if (index == null) {
          index = new HashMap<>();
          for (int i = 0; i < type.getFieldCount(); i++) {
            index.put(type.getFieldName(i), i);
          }
        }
        Object[] values = new Object[type.getFieldCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, type.getType(i).asPrimitiveType());
        }
        out.add(new TableRecord(table, index, values));
      }
    }
  }

  private static Object value(Group g, int i, PrimitiveType type) {
    return switch (type.getPrimitiveTypeName()) {
      case BINARY -> g.getString(i, 0);
      case INT32 -> g.getInteger(i, 0);
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
    Configuration conf = new Configuration();
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
