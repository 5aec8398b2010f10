package org.staffoutcomes.lake;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Rows written straight to Parquet's record consumer, with no record objects in between: a row
 * is an {@code Object[]} of the columns in order (null for missing), each column typed as Spark's
 * Parquet writer types it (strings UTF-8 binary, dates INT32 DATE, longs INT64 ...), Snappy. Used
 * by {@link PartFiles} (Spark's columns and footer) and {@link SmallTables} (a {@link TableLayout}),
 * so neither needs Spark to write.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

  private final MessageType parquet;
  private final Map<String, String> footer;
  private final String[] names;
  private final ColumnKind[] kinds;
  private final boolean[] nullable;
  /** Per date column, the last date written and its day number (a file's rows mostly share one). */
  private final java.sql.Date[] lastDate;
  private final int[] lastDay;
  private RecordConsumer out;

  /**
   * @param names the columns' names, in a row's order
   * @param kinds their kinds (any but the read-only {@code FLOAT} and {@code LOCAL_DATE})
   * @param nullable whether each may be missing (a missing value of another is an error naming it)
   * @param footer key-value metadata for the file's footer
   */
  RowWriteSupport(String[] names, ColumnKind[] kinds, boolean[] nullable, Map<String, String> footer) {
    this.names = names.clone();
    this.kinds = kinds.clone();
    this.nullable = nullable.clone();
    this.footer = footer;
    this.lastDate = new java.sql.Date[names.length];
    this.lastDay = new int[names.length];
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (int i = 0; i < names.length; i++) {
      Repetition rep = nullable[i] ? Repetition.OPTIONAL : Repetition.REQUIRED;
      switch (kinds[i]) {
        case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(names[i]);
        case LONG -> b.primitive(PrimitiveTypeName.INT64, rep).named(names[i]);
        case INT -> b.primitive(PrimitiveTypeName.INT32, rep).named(names[i]);
        case DOUBLE -> b.primitive(PrimitiveTypeName.DOUBLE, rep).named(names[i]);
        case BOOLEAN -> b.primitive(PrimitiveTypeName.BOOLEAN, rep).named(names[i]);
        case SQL_DATE -> b.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(names[i]);
        default -> throw new IllegalArgumentException("Cannot write column " + names[i] + " as " + kinds[i]);
      }
    }
    this.parquet = b.named("spark_schema");
  }

  /**
   * The most bytes of a row group. A writer holds its current row group's pages in memory and a
   * reader loads a row group's column chunks whole, so this bounds what each open part file costs,
   * whatever the file's size (Parquet's default, 128 MB, let a national year's respondents, one
   * row group of 20-80 MB, grow memory with the data; DuckDB writes row groups of 122,880 rows).
   */
  static final long ROW_GROUP_BYTES = 16L << 20;

  /** A Snappy writer of these rows into {@code file}, replacing it. */
  ParquetWriter<Object[]> writer(OutputFile file, Configuration conf) throws IOException {
    return writer(file, conf, true);
  }

  /**
   * As {@link #writer(OutputFile, Configuration)}; without {@code doubleDictionaries}, double
   * columns are written plainly instead of dictionary-encoded (computed results: nearly every value
   * distinct, so a dictionary is hashed value by value only to be dropped when it grows too big).
   */
  ParquetWriter<Object[]> writer(OutputFile file, Configuration conf, boolean doubleDictionaries) throws IOException {
    Builder b = new Builder(file, this).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withRowGroupSize(ROW_GROUP_BYTES);
    for (int i = 0; i < names.length && !doubleDictionaries; i++) {
      if (kinds[i] == ColumnKind.DOUBLE) {
        b = b.withDictionaryEncoding(names[i], false);
      }
    }
    return b.build();
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(parquet, footer);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    out = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    out.startMessage();
    for (int i = 0; i < names.length; i++) {
      Object v = row[i];
      if (v == null) {
        if (!nullable[i]) {
          throw new IllegalArgumentException("Cannot write a missing value to column " + names[i]);
        }
        continue;
      }
      out.startField(names[i], i);
      switch (kinds[i]) {
        case STRING -> out.addBinary(Binary.fromString((String) v));
        case LONG -> out.addLong(((Number) v).longValue());
        case INT -> out.addInteger(((Number) v).intValue());
        case DOUBLE -> out.addDouble(((Number) v).doubleValue());
        case BOOLEAN -> out.addBoolean((Boolean) v);
        default -> out.addInteger(day(i, (java.sql.Date) v)); // SQL_DATE: the constructor refused the others
      }
      out.endField(names[i], i);
    }
    out.endMessage();
  }

  private int day(int field, java.sql.Date d) {
    if (lastDate[field] == null || !lastDate[field].equals(d)) {
      lastDay[field] = Math.toIntExact(d.toLocalDate().toEpochDay());
      lastDate[field] = d;
    }
    return lastDay[field];
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
