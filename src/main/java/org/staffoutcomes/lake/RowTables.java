package org.staffoutcomes.lake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows held by the driver (small by construction: a driver-parsed dataset) written as a lake
 * table in plain Java, with no Spark job, in the layout Spark writes: one part file per value of
 * the partition columns under {@code col=value/} (none when there are no rows), or one part file
 * (even when empty) when unpartitioned; the partition columns left out of the files; each column
 * as Spark's Parquet writer types it, with the same footer metadata, so Spark, the scores stage
 * and a cluster read the table as if Spark had written it.
 */
final class RowTables {

  /** Footer keys Spark's Parquet writer sets (its version, and the data columns' Spark schema). */
  private static final String SPARK_VERSION_KEY = "org.apache.spark.version";
  private static final String SPARK_ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private RowTables() {}

  /**
   * Writes {@code rows} (each holding {@code schema}'s fields in order) into the folder
   * {@code staging}, which must not hold a table yet.
   */
  static void write(FileSystem fs, Configuration conf, Path staging, List<Row> rows, StructType schema,
      String... partitionBy) throws IOException {
    List<String> partitions = List.of(partitionBy);
    List<Integer> dataFields = new ArrayList<>();
    for (int i = 0; i < schema.fields().length; i++) {
      if (!partitions.contains(schema.fields()[i].name())) {
        dataFields.add(i);
      }
    }
    List<Integer> partitionFields = partitions.stream().map(schema::fieldIndex).toList();
    StructType dataSchema = new StructType(dataFields.stream().map(i -> schema.fields()[i]).toArray(StructField[]::new));
    Map<String, List<Row>> byFolder = new LinkedHashMap<>();
    if (partitions.isEmpty()) {
      byFolder.put("", rows);
    }
    for (Row r : partitions.isEmpty() ? List.<Row>of() : rows) {
      byFolder.computeIfAbsent(folder(r, schema, partitionFields), k -> new ArrayList<>()).add(r);
    }
    MessageType parquet = parquetSchema(dataSchema);
    Map<String, String> footer = Map.of(SPARK_VERSION_KEY, org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        SPARK_ROW_METADATA_KEY, dataSchema.json());
    String file = "part-00000-" + UUID.randomUUID() + ".c000.snappy.parquet";
    fs.mkdirs(staging);
    for (Map.Entry<String, List<Row>> e : byFolder.entrySet()) {
      Path target = e.getKey().isEmpty() ? new Path(staging, file) : new Path(new Path(staging, e.getKey()), file);
      SimpleGroupFactory groups = new SimpleGroupFactory(parquet);
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(target, conf))
          .withType(parquet).withConf(conf).withExtraMetaData(footer)
          .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
        for (Row r : e.getValue()) {
          w.write(group(groups.newGroup(), r, dataSchema, dataFields));
        }
      }
    }
    fs.create(new Path(staging, "_SUCCESS"), true).close();
  }

  /** The row's partition folder, {@code col=value/...}, its values escaped as Spark escapes them. */
  private static String folder(Row r, StructType schema, List<Integer> partitionFields) {
    StringBuilder s = new StringBuilder();
    for (int i : partitionFields) {
      String value = r.isNullAt(i) ? ExternalCatalogUtils.DEFAULT_PARTITION_NAME()
          : ExternalCatalogUtils.escapePathName(String.valueOf(r.get(i)));
      s.append(s.length() == 0 ? "" : "/").append(ExternalCatalogUtils.escapePathName(schema.fields()[i].name()))
          .append('=').append(value);
    }
    return s.toString();
  }

  private static Group group(Group g, Row r, StructType dataSchema, List<Integer> dataFields) {
    for (int k = 0; k < dataFields.size(); k++) {
      int i = dataFields.get(k);
      StructField f = dataSchema.fields()[k];
      if (r.isNullAt(i)) {
        if (!f.nullable()) {
          throw new IllegalArgumentException("Cannot write a missing value to column " + f.name());
        }
        continue;
      }
      DataType t = f.dataType();
      if (t.equals(DataTypes.StringType)) {
        g.append(f.name(), r.getString(i));
      } else if (t.equals(DataTypes.LongType)) {
        g.append(f.name(), r.getLong(i));
      } else if (t.equals(DataTypes.IntegerType)) {
        g.append(f.name(), r.getInt(i));
      } else if (t.equals(DataTypes.DoubleType)) {
        g.append(f.name(), r.getDouble(i));
      } else if (t.equals(DataTypes.BooleanType)) {
        g.append(f.name(), r.getBoolean(i));
      } else if (t.equals(DataTypes.DateType)) {
        g.append(f.name(), Math.toIntExact(r.getDate(i).toLocalDate().toEpochDay()));
      } else {
        throw unsupported(f);
      }
    }
    return g;
  }

  /** Spark's Parquet types: strings as UTF-8 binary, dates as days since 1970 (INT32 DATE). */
  private static MessageType parquetSchema(StructType dataSchema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (StructField f : dataSchema.fields()) {
      Repetition rep = f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
      DataType t = f.dataType();
      if (t.equals(DataTypes.StringType)) {
        b.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(f.name());
      } else if (t.equals(DataTypes.LongType)) {
        b.primitive(PrimitiveTypeName.INT64, rep).named(f.name());
      } else if (t.equals(DataTypes.IntegerType)) {
        b.primitive(PrimitiveTypeName.INT32, rep).named(f.name());
      } else if (t.equals(DataTypes.DoubleType)) {
        b.primitive(PrimitiveTypeName.DOUBLE, rep).named(f.name());
      } else if (t.equals(DataTypes.BooleanType)) {
        b.primitive(PrimitiveTypeName.BOOLEAN, rep).named(f.name());
      } else if (t.equals(DataTypes.DateType)) {
        b.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(f.name());
      } else {
        throw unsupported(f);
      }
    }
    return b.named("spark_schema");
  }

  private static IllegalArgumentException unsupported(StructField f) {
    return new IllegalArgumentException("Cannot write column " + f.name() + " of type " + f.dataType().simpleString()
        + " without Spark: only string, long, integer, double, boolean and date are supported");
  }
}
